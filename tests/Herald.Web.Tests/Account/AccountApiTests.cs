using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

/// <summary>本人改口令、查看与撤销自己的令牌：与 /account/password、/account/tokens 页同一个处理器。</summary>
public sealed class AccountApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task ChangePassword_Correct_NewPasswordWorksOldDoesNot()
    {
        await factory.AddUserAsync("pw.api", "改口令", "幸福社区", Role.Correspondent);
        using var client = await factory.ApiClientAsync("pw.api");
        const string next = "Renewed#2026pass";

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = HeraldFactory.Password, newPassword = next });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "pw.api", password = next })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "pw.api", password = HeraldFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.AuditActionsAsync("User", await factory.UserIdAsync("pw.api"))).ShouldContain("password.change");
    }

    [Theory]
    [InlineData("wrong-password", "Renewed#2026pass", null, "currentPassword", "Password.WrongCurrent")]
    [InlineData(HeraldFactory.Password, "short", null, "newPassword", "Password.TooShort")]
    [InlineData(HeraldFactory.Password, "Renewed#2026pass", "Different#2026pass", "confirmPassword", "Password.Mismatch")]
    [InlineData(HeraldFactory.Password, HeraldFactory.Password, null, "newPassword", "Password.SameAsOld")]
    public async Task ChangePassword_BadInput_Chinese400PasswordUnchanged(string current, string next, string? confirm, string field, string code)
    {
        using var client = await factory.ApiClientAsync("viewer");

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = next, confirmPassword = confirm });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
        using var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "viewer", password = HeraldFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/me/password");
    }

    [Fact]
    public async Task Tokens_ListOwnRevokeOne_OthersTokenIs404()
    {
        using var first = await factory.ApiClientAsync("officer2");
        using var second = await factory.ApiClientAsync("officer2");
        using var stranger = await factory.ApiClientAsync("head2");
        var tokens = await (await first.GetAsync("/api/v1/me/tokens")).ReadJsonAsync();
        var newest = tokens.EnumerateArray().First();
        var strangerTokens = await (await stranger.GetAsync("/api/v1/me/tokens")).ReadJsonAsync();

        var foreign = await first.DeleteAsync($"/api/v1/me/tokens/{strangerTokens.EnumerateArray().First().Long("id")}");
        var revoked = await first.DeleteAsync($"/api/v1/me/tokens/{newest.Long("id")}");

        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        (await stranger.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await first.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        strangerTokens.EnumerateArray().Select(t => t.Long("id")).ShouldNotContain(newest.Long("id"));
    }
}
