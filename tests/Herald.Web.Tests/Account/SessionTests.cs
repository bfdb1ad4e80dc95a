using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Herald.Web.Tests.Account;

/// <summary>会话在服务器端：退出登录后旧 Cookie 无效；绝对时限（默认 12 小时）；改口令、重置口令撤销 API 令牌。</summary>
public sealed class SessionTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private HttpClient RawClient(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<string> AuthCookieAsync(WebSession session)
    {
        var response = await session.Client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response.RequestMessage!.Headers.GetValues("Cookie").Single().Split("; ").Single(c => c.StartsWith("herald.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOut_ReplayedCookie_RedirectsToSignIn()
    {
        using var session = await factory.SignInAsync("officer");
        var cookie = await AuthCookieAsync(session);
        using var replay = RawClient(cookie);
        (await replay.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.PostFormAsync("/", "/signout", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replayed = await replay.GetAsync("/manuscripts");
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.AbsolutePath.ShouldBe("/signin");
        using var htmx = new HttpRequestMessage(HttpMethod.Get, "/manuscripts");
        htmx.Headers.Add("HX-Request", "true");
        (await replay.SendAsync(htmx)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_OtherSessionOfSameUser_StaysSignedIn()
    {
        using var laptop = await factory.SignInAsync("officer2");
        using var desktop = await factory.SignInAsync("officer2");

        (await laptop.PostFormAsync("/", "/signout", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await desktop.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_ActiveForTwelveHours_EndsAtTheAbsoluteLifetime()
    {
        using var session = await factory.SignInAsync("leader");
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {minutes} minutes");
        }
        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        var response = await session.Client.GetAsync("/manuscripts");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task ChangeOwnPassword_ExistingApiTokensRevoked()
    {
        var old = await factory.ApiClientAsync("head");
        (await old.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await old.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = HeraldFactory.Password, newPassword = "Renewed#2026pass" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await old.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var fresh = await factory.ApiClientAsync("head", "Renewed#2026pass");
        (await fresh.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResetPasswordByAdministrator_OwnersApiTokensRevoked()
    {
        var owner = await factory.ApiClientAsync("principal");
        (await owner.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await factory.ApiClientAsync(ResetterName);
        var id = await factory.UserIdAsync("principal");

        (await admin.PostAsync($"/api/v1/users/{id}/reset-password", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>能重置口令的管理员账号（三员分立后为安全管理员）。</summary>
    private const string ResetterName = "admin";
}
