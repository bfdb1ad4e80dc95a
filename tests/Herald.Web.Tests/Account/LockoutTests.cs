using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

/// <summary>连续 5 次失败锁定 15 分钟；网页登录与 API 取令牌共用同一计数。每个测试用不同的账号。</summary>
public sealed class LockoutTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string Wrong = "Wrong#2026pass";
    private const string LockedMessage = "口令连续错误次数过多，账号已锁定，请 15 分钟后再试，或联系管理员解锁。";

    private static async Task<(HttpStatusCode Status, string Alert)> WebSignInAsync(WebSession session, string userName, string password)
    {
        var response = await session.PostFormAsync("/signin", "/signin",
            new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/" });
        if (response.StatusCode == HttpStatusCode.Redirect) return (response.StatusCode, "");
        var document = await WebSession.ParseAsync(response);
        return (response.StatusCode, document.QuerySelector("[data-testid=alert-danger]")?.TextContent.Trim() ?? "");
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksForFifteenMinutesEvenWithRightPassword()
    {
        using var session = factory.AnonymousSession();
        for (var i = 1; i <= 4; i++)
            (await WebSignInAsync(session, "viewer", Wrong)).ShouldBe((HttpStatusCode.Unauthorized, "用户名或口令错误。"));

        (await WebSignInAsync(session, "viewer", Wrong)).ShouldBe((HttpStatusCode.Unauthorized, LockedMessage));
        (await WebSignInAsync(session, "viewer", HeraldFactory.Password)).ShouldBe((HttpStatusCode.Unauthorized, LockedMessage));

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        (await WebSignInAsync(session, "viewer", HeraldFactory.Password)).ShouldBe((HttpStatusCode.Unauthorized,
            "口令连续错误次数过多，账号已锁定，请 1 分钟后再试，或联系管理员解锁。"));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await WebSignInAsync(session, "viewer", HeraldFactory.Password)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_FourFailuresThenSuccess_ResetsCount()
    {
        using var session = factory.AnonymousSession();
        for (var i = 1; i <= 4; i++)
            (await WebSignInAsync(session, "head2", Wrong)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await WebSignInAsync(session, "head2", HeraldFactory.Password)).Status.ShouldBe(HttpStatusCode.Redirect);

        using var other = factory.AnonymousSession();
        for (var i = 1; i <= 4; i++)
            (await WebSignInAsync(other, "head2", Wrong)).ShouldBe((HttpStatusCode.Unauthorized, "用户名或口令错误。"));
    }

    [Fact]
    public async Task TokenEndpoint_FiveFailures_RefusesRightPasswordUntilLockoutEnds()
    {
        var client = factory.CreateClient();
        for (var i = 1; i <= 4; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "auditor", password = Wrong });
            await failed.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "SignIn.Invalid", "用户名或口令错误。");
        }
        var fifth = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "auditor", password = Wrong });
        await fifth.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "SignIn.LockedOut", LockedMessage);

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "auditor", password = HeraldFactory.Password });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "SignIn.LockedOut", LockedMessage);

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var accepted = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "auditor", password = HeraldFactory.Password });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.ReadJsonAsync()).Str("accessToken").ShouldStartWith("hld_");
    }

    [Fact]
    public async Task SignIn_LockedViaApi_WebSignInAlsoRefused()
    {
        var client = factory.CreateClient();
        for (var i = 1; i <= 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "office", password = Wrong });

        using var session = factory.AnonymousSession();
        (await WebSignInAsync(session, "office", HeraldFactory.Password)).ShouldBe((HttpStatusCode.Unauthorized, LockedMessage));
    }
}
