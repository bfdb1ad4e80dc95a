using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

/// <summary>限流的默认值：失败登录先按地址限流（不计入账号锁定），成功的登录不计数。</summary>
public sealed class SignInThrottleTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string Wrong = "Wrong#2026pass";

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    [Fact]
    public async Task TokenEndpoint_OneAddressKeepsFailing_CannotKeepTheAccountLocked()
    {
        var attacker = ClientAddress.From(factory.CreateClient(), "203.0.113.66");
        // 默认：同一地址对同一账号 10 次失败后限流；第 5 次起账号锁定 15 分钟。
        for (var i = 1; i <= 10; i++)
            (await TokenAsync(attacker, "opinion", Wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i}");
        var throttled = await TokenAsync(attacker, "opinion", Wrong);
        await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RateLimited");
        int.Parse(throttled.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        for (var i = 1; i <= 5; i++)
            (await TokenAsync(attacker, "opinion", Wrong)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var id = await factory.UserIdAsync("opinion");
        var stored = await factory.QueryAsync(db => db.Users.FindAsync(id).AsTask());
        stored!.IsLockedOut(factory.Clock.GetUtcNow().UtcDateTime).ShouldBeFalse();
        stored.FailedSignInCount.ShouldBe(0);

        var owner = ClientAddress.From(factory.CreateClient(), "192.0.2.10");
        (await TokenAsync(owner, "opinion", HeraldFactory.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenEndpoint_200SuccessfulSignInsFromOneAddress_NoneThrottled()
    {
        var office = ClientAddress.From(factory.CreateClient(), "203.0.113.200");
        var names = new[] { "officer", "head", "leader", "principal", "viewer" };
        // 成功的登录不消耗任何额度，与用了多少墙上时间无关（负载重的机器上 200 次 PBKDF2 可能超过一分钟）：八个并发，像一个办公室早上同时登录。
        using var gate = new SemaphoreSlim(8);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            await gate.WaitAsync();
            try { return (await TokenAsync(office, names[i % names.Length], HeraldFactory.Password)).StatusCode; }
            finally { gate.Release(); }
        }));
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        // 之后这个地址的失败额度仍是满的：一次失败答 401（口令错误），不是 429。
        (await TokenAsync(office, "officer", Wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>很小的限额，便于触发：每种限流各自的分区与 429 答复。</summary>
public sealed class TightLimitsFactory : HeraldFactory
{
    public TightLimitsFactory()
    {
        Settings["Herald:RateLimits:SignInFailuresPerIp:Limit"] = "3";
        Settings["Herald:RateLimits:ApiCallsPerToken:Limit"] = "5";
        Settings["Herald:RateLimits:ExportsPerUser:Limit"] = "2";
        Settings["Herald:RateLimits:PasswordChangesPerAccount:Limit"] = "2";
    }
}

public sealed class RateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    private const string Wrong = "Wrong#2026pass";

    [Fact]
    public async Task SignInPage_FailuresFromOneAddressBeyondLimit_429PageAcrossAccountsButOtherAddressesUnaffected()
    {
        using var session = factory.AnonymousSession();
        ClientAddress.From(session.Client, "203.0.113.7");
        foreach (var name in new[] { "officer", "head", "nobody" })
            (await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = name, ["Password"] = Wrong })).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "leader", ["Password"] = HeraldFactory.Password });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await WebSession.ParseAsync(refused)).QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim()
            .ShouldBe("操作过于频繁，请 15 分钟后再试。");
        var leader = await factory.UserIdAsync("leader");
        (await factory.QueryAsync(db => db.Users.FindAsync(leader).AsTask()))!.LastSignInAt.ShouldBeNull();

        using var elsewhere = factory.AnonymousSession();
        ClientAddress.From(elsewhere.Client, "203.0.113.8");
        (await elsewhere.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "leader", ["Password"] = HeraldFactory.Password })).StatusCode
            .ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Api_CallsBeyondPerTokenLimit_429ProblemWithRetryAfterOnlyForThatToken()
    {
        var first = await factory.ApiClientAsync("principal");
        for (var i = 1; i <= 5; i++) (await first.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await first.GetAsync("/api/v1/me");
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RateLimited", "操作过于频繁，请 1 分钟后再试。");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));

        var second = await factory.ApiClientAsync("principal");
        (await second.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ExportPage_BeyondPerUserLimit_429ChinesePageWhileOtherPagesWork()
    {
        using var session = await factory.SignInAsync("office");
        for (var i = 1; i <= 2; i++) (await session.Client.GetAsync("/manuscripts/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await session.Client.GetAsync("/manuscripts/export.xlsx");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("操作过于频繁，请 1 分钟后再试。");
        (await session.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PasswordChangeApi_BeyondPerAccountLimit_429()
    {
        var client = await factory.ApiClientAsync("head2");
        for (var i = 1; i <= 2; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Wrong, newPassword = "Fresh#2026pass" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        var refused = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = HeraldFactory.Password, newPassword = "Fresh#2026pass" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RateLimited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }
}

/// <summary>API 文档：每个操作都声明了 429。</summary>
public sealed class RateLimitDocumentTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task OpenApi_EveryOperation_Documents429()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        string[] methods = ["get", "post", "put", "patch", "delete"];
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => methods.Contains(op.Name)).Select(op => (path.Name, op.Name, op.Value)))
            .ToList();
        operations.ShouldNotBeEmpty();
        operations.Where(op => !op.Value.GetProperty("responses").TryGetProperty("429", out _))
            .Select(op => $"{op.Item2} {op.Item1}").ShouldBeEmpty();
    }
}

/// <summary>Herald:RateLimits:Enabled=false 取消全部限流（压力测试）。</summary>
public sealed class RateLimitsOffFactory : HeraldFactory
{
    public RateLimitsOffFactory()
    {
        Settings["Herald:RateLimits:Enabled"] = "false";
        Settings["Herald:RateLimits:ApiCallsPerToken:Limit"] = "1";
        Settings["Herald:RateLimits:SignInFailuresPerIp:Limit"] = "1";
    }
}

public sealed class RateLimitsOffTests(RateLimitsOffFactory factory) : IClassFixture<RateLimitsOffFactory>
{
    [Fact]
    public async Task Api_LimitsDisabled_NothingThrottled()
    {
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 3; i++)
            (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "Wrong#2026pass" })).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);
        var client = await factory.ApiClientAsync("viewer");
        for (var i = 0; i < 5; i++) (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
