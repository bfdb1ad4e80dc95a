using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Security;

/// <summary>nginx 在 10.0.0.5（或 10.0.1.0/24 网段）：只信任它转发的 X-Forwarded-For/Proto；Host 只认 herald.example。</summary>
public sealed class BehindProxyFactory : HeraldFactory
{
    public const string Proxy = "10.0.0.5";

    public BehindProxyFactory()
    {
        Settings["Herald:Proxy:KnownProxies:0"] = Proxy;
        Settings["Herald:Proxy:KnownNetworks:0"] = "10.0.1.0/24";
        Settings["AllowedHosts"] = "herald.example;localhost";
    }
}

public sealed class ReverseProxyTests(BehindProxyFactory factory) : IClassFixture<BehindProxyFactory>
{
    private HttpClient Peer(string peer, string? forwardedFor = null, string? proto = null)
    {
        var client = ClientAddress.From(factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    private async Task<string?> FailedSignInAuditIpAsync(HttpClient client, string userName)
    {
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Wrong#2026pass" })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        return await factory.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == userName && a.Action == "signin.failed")
            .OrderByDescending(a => a.Id).Select(a => a.IpAddress).FirstAsync());
    }

    [Fact]
    public async Task Audit_ForwardedByKnownProxy_RecordsTheRealClientAddress()
    {
        (await FailedSignInAuditIpAsync(Peer(BehindProxyFactory.Proxy, "203.0.113.9"), "viewer")).ShouldBe("203.0.113.9");
        (await FailedSignInAuditIpAsync(Peer("10.0.1.77", "203.0.113.10"), "viewer")).ShouldBe("203.0.113.10");
    }

    [Fact]
    public async Task Audit_ForwardedHeaderFromUnknownPeer_Ignored()
    {
        (await FailedSignInAuditIpAsync(Peer("198.51.100.7", "203.0.113.9"), "leader")).ShouldBe("198.51.100.7");
        // 客户端自己在请求里塞的地址（代理照例追加在后面）也不算：只信任代理亲眼看到的那一跳。
        (await FailedSignInAuditIpAsync(Peer(BehindProxyFactory.Proxy, "1.2.3.4, 203.0.113.11"), "leader")).ShouldBe("203.0.113.11");
    }

    [Fact]
    public async Task SignIn_HttpsViaKnownProxy_SecureCookiesAndHsts()
    {
        using var session = new WebSession(Peer(BehindProxyFactory.Proxy, "203.0.113.20", "https"));
        var page = await session.Client.GetAsync("/signin");
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        var plain = await Peer("198.51.100.8", "203.0.113.21", "https").GetAsync("/signin");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        plain.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignInCookie_HttpsViaKnownProxy_IsSecure()
    {
        // 带 Secure 的 Cookie HttpClient 不会经 http:// 发回，所以手工带上。
        var client = Peer(BehindProxyFactory.Proxy, "203.0.113.22", "https");
        var page = await client.GetAsync("/signin");
        var csrf = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("herald.csrf=", StringComparison.Ordinal)).Split(';')[0];
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)(await WebSession.ParseAsync(page))
            .QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "officer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", csrf);

        var response = await client.SendAsync(post);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("herald.auth=", StringComparison.Ordinal))
            .ShouldContain("; secure", Case.Insensitive);
    }

    [Theory]
    [InlineData("/manuscripts")]
    [InlineData("/culture?c=en-US&r=/")]
    [InlineData("/signin")]
    public async Task Request_ForeignHostHeader_400BeforeAnyRedirect(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = "evil.example";
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Request_ConfiguredHost_Served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/manuscripts");
        request.Headers.Host = "herald.example";
        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.Host.ShouldBe("herald.example");
    }
}

/// <summary>默认（未配置代理）：谁发来的 X-Forwarded-* 都不信任，包括本机回环。</summary>
public sealed class NoProxyConfiguredTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Audit_NoProxyConfigured_ForwardedHeadersIgnoredEvenFromLoopback()
    {
        var client = ClientAddress.From(factory.CreateClient(), "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "viewer", password = "Wrong#2026pass" });

        (await factory.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == "viewer" && a.Action == "signin.failed")
            .Select(a => a.IpAddress).SingleAsync())).ShouldBe("127.0.0.1");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
