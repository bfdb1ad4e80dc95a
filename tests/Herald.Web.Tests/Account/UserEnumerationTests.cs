using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

/// <summary>不泄露账号是否存在：不存在的用户名与已锁定的真账号答复相同（代码与提示），耗时相同。</summary>
public sealed class UserEnumerationTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string Wrong = "Wrong#2026pass";

    private static async Task<(HttpStatusCode Status, string Code, string Detail)> TokenAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var json = await response.ReadJsonAsync();
        return (response.StatusCode, json.Str("code"), json.Str("detail"));
    }

    private static async Task<(HttpStatusCode Status, string Alert)> PageAsync(WebSession session, string userName, string password)
    {
        var response = await session.PostFormAsync("/signin", "/signin",
            new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = "/" });
        var document = await WebSession.ParseAsync(response);
        return (response.StatusCode, document.QuerySelector("[data-testid=alert-danger]")?.TextContent.Trim() ?? "");
    }

    [Fact]
    public async Task TokenEndpoint_LockedAccountAndUnknownName_SameAnswerAtEveryAttempt()
    {
        var client = ClientAddress.From(factory.CreateClient(), "198.51.100.1");
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var real = await TokenAsync(client, "officer2", Wrong);
            var unknown = await TokenAsync(client, "nosuchperson", Wrong);
            unknown.ShouldBe(real, $"attempt {attempt}");
            real.Status.ShouldBe(HttpStatusCode.Unauthorized);
            real.Code.ShouldBe(attempt < 5 ? "SignIn.Invalid" : "SignIn.LockedOut");
        }
        // 锁定后即使口令正确也是同一答复。
        (await TokenAsync(client, "officer2", HeraldFactory.Password)).ShouldBe(await TokenAsync(client, "nosuchperson", HeraldFactory.Password));
    }

    [Fact]
    public async Task SignInPage_LockedAccountAndUnknownName_SameStatusAndMessage()
    {
        using var session = factory.AnonymousSession();
        ClientAddress.From(session.Client, "198.51.100.2");
        for (var attempt = 1; attempt <= 6; attempt++)
            (await PageAsync(session, "ghost-user", Wrong)).ShouldBe(await PageAsync(session, "head3", Wrong), $"attempt {attempt}");

        var locked = await PageAsync(session, "head3", HeraldFactory.Password);
        locked.ShouldBe((HttpStatusCode.Unauthorized, "口令连续错误次数过多，账号已锁定，请 15 分钟后再试，或联系管理员解锁。"));
        (await PageAsync(session, "ghost-user", HeraldFactory.Password)).ShouldBe(locked);
    }

    [Fact]
    public async Task TokenEndpoint_UnknownName_TakesAboutAsLongAsWrongPassword()
    {
        var client = ClientAddress.From(factory.CreateClient(), "198.51.100.3");
        await TokenAsync(client, "warmup-nobody", Wrong);
        await TokenAsync(client, "leader", Wrong);

        async Task<double> TimeMsAsync(string userName)
        {
            var watch = Stopwatch.StartNew();
            (await TokenAsync(client, userName, Wrong)).Status.ShouldBe(HttpStatusCode.Unauthorized);
            return watch.Elapsed.TotalMilliseconds;
        }

        // 交替测量，机器忙闲对两边影响相同；取中位数。
        var unknownTimes = new List<double>();
        var realTimes = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            unknownTimes.Add(await TimeMsAsync("nobody-here"));
            realTimes.Add(await TimeMsAsync("leader"));
        }
        var unknown = unknownTimes.Order().ElementAt(2);
        var real = realTimes.Order().ElementAt(2);
        // 口令散列（约 70 ms）占主导；没有假散列时不存在的用户名只要几毫秒（比值 < 0.1）。
        (unknown / real).ShouldBeInRange(0.33, 3.0, $"unknown {unknown:F0} ms, real {real:F0} ms");
    }
}
