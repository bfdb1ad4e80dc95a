using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Domain.Opinion;
using Herald.Web.Features.OpinionIntake.Feeds;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Opinion;

/// <summary>后台轮询关闭：由测试调用 RunOnceAsync，时间可控。</summary>
public sealed class FeedTestFactory : HeraldFactory
{
    public FeedTestFactory()
    {
        Settings["Herald:Opinion:PollFeeds"] = "false";
        // 测试里的订阅源网站在本机：像运维放行内网一样放行回环地址（不放行时见 FeedSsrfTests）。
        Settings["Herald:Outbound:AllowedNetworks:0"] = "127.0.0.1";
    }
}

/// <summary>默认配置（不放行任何内部网段）、后台轮询关闭。</summary>
public sealed class GuardedFeedTestFactory : HeraldFactory
{
    public GuardedFeedTestFactory() => Settings["Herald:Opinion:PollFeeds"] = "false";
}

/// <summary>测试里起的一个本地网站：一个正常的源（支持 ETag）、一个很慢的、一个 500、一个返回 HTML 错误页的。</summary>
public sealed class LocalFeedServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>正常源的内容版本；变了 ETag 也跟着变。</summary>
    public int Version { get; set; } = 1;

    public int GoodRequests { get; private set; }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds", name));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/good.xml", (HttpContext http) =>
        {
            GoodRequests++;
            var etag = $"\"v{Version}\"";
            if (http.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
            http.Response.Headers.ETag = etag;
            var xml = System.Text.Encoding.UTF8.GetString(Fixture("rss-county.xml"));
            if (Version > 1)
                xml = xml.Replace("<item>", """
                    <item><title>新增：某村垃圾堆放点污染河道</title><link>https://www.county.example.invalid/xwzx/2026/1120/004.html</link><guid>gov-2026-1120-004</guid><description>村民反映河道污染。</description><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item>
                    <item>
                    """, StringComparison.Ordinal);
            return Results.Text(xml, "application/rss+xml; charset=utf-8");
        });
        _app.MapGet("/slow.xml", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(15), http.RequestAborted);
            return Results.Bytes(Fixture("atom-news.xml"), "application/atom+xml");
        });
        _app.MapGet("/error.xml", () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        _app.MapGet("/html", () => Results.Bytes(Fixture("html-error.html"), "text/html"));
        _app.MapGet("/big.xml", () => Results.Bytes(new byte[40 * 1024], "application/rss+xml"));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

public sealed class FeedPollingTests(FeedTestFactory factory, LocalFeedServer server) : IClassFixture<FeedTestFactory>, IClassFixture<LocalFeedServer>
{
    private async Task<long> AddFeedAsync(HttpClient office, string name, string path, int timeout = 5, int maxKb = 64)
    {
        var response = await office.PostAsJsonAsync("/api/v1/opinion/feeds", new
        {
            name, url = server.BaseUrl + path, platform = "政府网站", intervalMinutes = 30, timeoutSeconds = timeout, maxKilobytes = maxKb,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Long("id");
    }

    private async Task<Dictionary<long, JsonElement>> FeedsAsync(HttpClient office) =>
        (await (await office.GetAsync("/api/v1/opinion/feeds")).ReadJsonAsync()).EnumerateArray().ToDictionary(f => f.Long("id"));

    private Task RunAsync() => factory.Services.GetRequiredService<FeedPoller>().RunOnceAsync(default);

    [Fact]
    public async Task Poll_GoodSlowBrokenFeeds_EachRecordedAlone_SlowDoesNotHoldUpOthers()
    {
        using var office = await factory.ApiClientAsync("office");
        var good = await AddFeedAsync(office, "县政府网站", "/good.xml");
        var slow = await AddFeedAsync(office, "很慢的网站", "/slow.xml", timeout: 2);
        var error = await AddFeedAsync(office, "出错的网站", "/error.xml");
        var html = await AddFeedAsync(office, "改版的网站", "/html");
        var big = await AddFeedAsync(office, "太大的源", "/big.xml", maxKb: 16);

        var watch = Stopwatch.StartNew();
        await RunAsync();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // 慢的源 15 秒才回答，2 秒就被中止

        var feeds = await FeedsAsync(office);
        (feeds[good].Str("status"), feeds[good].Int("lastItemCount"), feeds[good].Int("consecutiveFailures")).ShouldBe(("ok", 3, 0));
        feeds[good].IsNull("lastError").ShouldBeTrue();
        (feeds[slow].Str("status"), feeds[slow].Str("lastError"), feeds[slow].Int("consecutiveFailures")).ShouldBe(("failing", "超过 2 秒没有响应，已中止。", 1));
        (feeds[error].Str("status"), feeds[error].Str("lastError")).ShouldBe(("failing", "服务器返回 HTTP 500。"));
        feeds[html].Str("lastError").ShouldBe("返回的是网页而不是 RSS/Atom 订阅源（地址可能有误，或网站出错）。");
        feeds[big].Str("lastError").ShouldBe("内容超过 16 KB 的上限，已中止下载。");

        var items = await factory.QueryAsync(db => db.OpinionItems.Include(i => i.Hits).Where(i => i.FeedId == good).OrderBy(i => i.Id).ToListAsync());
        items.Select(i => i.ExternalId).ShouldBe(["gov-2026-1119-001", "https://www.county.example.invalid/xwzx/2026/1119/002.html",
            server.BaseUrl + "/xwzx/2026/1118/003.html"]); // 相对链接按订阅地址补全
        items.ShouldAllBe(i => i.Kind == OpinionIntakeKind.Feed && i.Platform == "政府网站" && i.Source == "县政府网站");
        items[0].Hits.Select(h => (h.Field, h.Keyword)).ShouldBe([(OpinionTextField.Title, "欠薪")]);
        items[1].Hits.Select(h => h.Keyword).ShouldBe(["塌方", "塌方"]);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        (await factory.QueryAsync(db => db.OpinionFeeds.Where(f => f.Id == error).Select(f => f.NextDueAt).SingleAsync())).ShouldBe(now.AddMinutes(30));

        // 半小时后：正常的源没变（304，不重复收录）；出错的连续失败两次，间隔加倍。
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await RunAsync();
        feeds = await FeedsAsync(office);
        (feeds[good].Str("status"), feeds[good].Int("lastItemCount")).ShouldBe(("ok", 0));
        feeds[error].Int("consecutiveFailures").ShouldBe(2);
        (await factory.QueryAsync(db => db.OpinionFeeds.Where(f => f.Id == error).Select(f => f.NextDueAt).SingleAsync()))
            .ShouldBe(now.AddMinutes(30 + 60));
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync(i => i.FeedId == good))).ShouldBe(3);

        // 源里多了一条：只收录新的那条。
        server.Version = 2;
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await RunAsync();
        (await FeedsAsync(office))[good].Int("lastItemCount").ShouldBe(1);
        (await factory.QueryAsync(db => db.OpinionItems.Where(i => i.FeedId == good).Select(i => i.ExternalId).ToListAsync()))
            .ShouldContain("gov-2026-1120-004");
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync(i => i.FeedId == good))).ShouldBe(4);
    }

    [Fact]
    public async Task Feeds_OnlyOffice_AndValidationInChinese()
    {
        using var officer = await factory.ApiClientAsync("officer");
        (await officer.GetAsync("/api/v1/opinion/feeds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var office = await factory.ApiClientAsync("office");
        var bad = await office.PostAsJsonAsync("/api/v1/opinion/feeds", new { name = "坏地址", url = "file:///etc/passwd", platform = "网站" });
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Url.Invalid");
        var slowInterval = await office.PostAsJsonAsync("/api/v1/opinion/feeds", new { name = "太频繁", url = "https://x.example.invalid/rss", platform = "网站", intervalMinutes = 1 });
        await slowInterval.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OutOfRange", "应在 5 到 1440 之间。");
    }

    [Fact]
    public async Task FeedsPage_ShowsErrorsAndAddsFeed()
    {
        using var office = await factory.SignInAsync("office");
        var response = await office.PostFormAsync("/opinion/feeds", "/opinion/feeds", new()
        {
            ["Name"] = "页面添加的源", ["Url"] = server.BaseUrl + "/error.xml", ["Platform"] = "新闻网站",
            ["IntervalMinutes"] = "60", ["TimeoutSeconds"] = "5", ["MaxKilobytes"] = "512",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await RunAsync();

        var (_, page) = await office.GetPageAsync("/opinion/feeds");
        var row = page.QuerySelectorAll("[data-feed-id]").Single(r => r.TextContent.Contains("页面添加的源"));
        row.GetAttribute("data-status").ShouldBe("failing");
        row.QuerySelector("[data-testid=feed-error]")!.TextContent.ShouldContain("服务器返回 HTTP 500。");
    }
}
