using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Account;

public sealed class ApiTokenTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string Unauthorized = "请先登录（API 请提供有效的访问令牌）。";

    private HttpClient BareClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(HttpClient Client, string Token, DateTime ExpiresAt)> IssueAsync(string userName)
    {
        var client = BareClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = HeraldFactory.Password, name = "脚本" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        json.Str("tokenType").ShouldBe("Bearer");
        var token = json.Str("accessToken");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token, json.GetProperty("expiresAt").GetDateTime());
    }

    [Fact]
    public async Task Token_IssuedThenRevoked_UsableUntilDeleteThen401Problem()
    {
        var (client, _, _) = await IssueAsync("officer");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoke = await client.DeleteAsync("/api/v1/auth/token");

        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await client.GetAsync("/api/v1/me");
        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);
        after.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task Token_RevokingOne_LeavesOtherTokensOfSameUserWorking()
    {
        var (first, _, _) = await IssueAsync("head");
        var (second, _, _) = await IssueAsync("head");

        (await first.DeleteAsync("/api/v1/auth/token")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await first.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_UsedThenAccountRenamed_NextCallSeesNewName()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("rename.token", "改名前", "幸福社区", Herald.Domain.Organization.Role.Correspondent);
        using var user = await factory.ApiClientAsync("rename.token");
        (await (await user.GetAsync("/api/v1/me")).ReadJsonAsync()).Str("displayName").ShouldBe("改名前");

        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "改名后" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // 令牌验证结果有短时缓存：账号的改动必须立即生效，不能等缓存过期。
        (await (await user.GetAsync("/api/v1/me")).ReadJsonAsync()).Str("displayName").ShouldBe("改名后");
    }

    [Fact]
    public async Task Token_PastTokenLifetimeHours_Rejected()
    {
        var issuedAt = factory.Clock.GetUtcNow().UtcDateTime;
        var (client, _, expiresAt) = await IssueAsync("leader");
        expiresAt.ShouldBe(issuedAt.AddHours(12));

        factory.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);
    }

    [Fact]
    public async Task Token_Stored_OnlyAsSha256Hash()
    {
        var (_, token, _) = await IssueAsync("principal");
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var userId = await factory.UserIdAsync("principal");

        var rows = await factory.QueryAsync(db => db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync());

        var row = rows.ShouldHaveSingleItem();
        row.TokenHash.ShouldBe(expectedHash);
        row.Name.ShouldBe("脚本");
        rows.ShouldAllBe(t => !t.TokenHash.Contains(token) && !t.Name.Contains(token) && !t.Scope.Contains(token));
        // 原文不在表的任何一列中。
        var plaintextHits = await factory.QueryAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM api_tokens WHERE token_hash = {0} OR name = {0} OR scope = {0}", token)
            .SingleAsync());
        plaintextHits.ShouldBe(0);
    }

    [Fact]
    public async Task Token_GarbageOrMissing_401Problem()
    {
        var client = BareClient();
        await (await client.GetAsync("/api/v1/manuscripts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hld_not-a-real-token");
        await (await client.GetAsync("/api/v1/manuscripts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);
    }

    [Fact]
    public async Task Api_WithSignInCookieOnly_401()
    {
        using var session = await factory.SignInAsync("office");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await session.Client.GetAsync("/api/v1/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);
    }

    [Fact]
    public async Task Pages_WithBearerTokenOnly_RedirectToSignIn()
    {
        var (client, _, _) = await IssueAsync("office");

        var response = await client.GetAsync("/manuscripts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/signin");
        response.Headers.Location.Query.ShouldNotContain("expired");
    }

    [Fact]
    public async Task TokensPage_IssueThenRevoke_TokenWorksUntilRevoked()
    {
        using var session = await factory.SignInAsync("viewer");

        var issued = await session.PostFormAsync("/account/tokens", "/account/tokens", new() { ["Name"] = "数据大屏" });

        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(issued);
        var token = page.QuerySelector("[data-testid=new-token] code")!.TextContent.Trim();
        token.ShouldStartWith("hld_");
        var client = BareClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await (await client.GetAsync("/api/v1/me")).ReadJsonAsync()).Str("userName").ShouldBe("viewer");
        var userId = await factory.UserIdAsync("viewer");
        var tokenId = await factory.QueryAsync(db => db.ApiTokens.Where(t => t.UserId == userId && t.Name == "数据大屏").Select(t => t.Id).SingleAsync());

        var revoked = await session.PostFormAsync("/account/tokens", $"/account/tokens/{tokenId}/revoke", new());

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", Unauthorized);
        var (_, list) = await session.GetPageAsync("/account/tokens");
        list.QuerySelector("[data-testid=new-token]").ShouldBeNull(); // 令牌只显示一次
        list.Body!.TextContent.ShouldNotContain(token);
    }

    [Fact]
    public async Task TokensPage_RevokeSomeoneElsesToken_404AndStillWorks()
    {
        var (client, token, _) = await IssueAsync("head2");
        var ownerId = await factory.UserIdAsync("head2");
        var tokenId = await factory.QueryAsync(db => db.ApiTokens.Where(t => t.UserId == ownerId).Select(t => t.Id).SingleAsync());
        using var other = await factory.SignInAsync("officer2");

        var response = await other.PostFormAsync("/account/tokens", $"/account/tokens/{tokenId}/revoke", new());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        token.ShouldStartWith("hld_");
    }

    [Fact]
    public async Task TokenRequest_MissingPassword_400Required()
    {
        var response = await BareClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required", "此项为必填项。");
        problem.FieldErrors("password").ShouldBe(["此项为必填项。"]);
    }
}
