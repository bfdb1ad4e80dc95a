using System.Net;
using System.Net.Http.Json;
using Herald.Web.Features.OpinionIntake.Feeds;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Opinion;

/// <summary>防 SSRF：订阅源指向本机（字面地址、localhost、十六进制写法）时不抓取、不收录，源上记下中文原因；本机网站确实在运行。</summary>
public sealed class FeedSsrfTests(GuardedFeedTestFactory factory, LocalFeedServer server)
    : IClassFixture<GuardedFeedTestFactory>, IClassFixture<LocalFeedServer>
{
    [Fact]
    public async Task Poll_FeedsPointingAtThisMachine_RefusedWithChineseErrorAndNothingIngested()
    {
        using var office = await factory.ApiClientAsync("office");
        var port = new Uri(server.BaseUrl).Port;
        var ids = new List<long>();
        foreach (var url in new[] { $"http://127.0.0.1:{port}/good.xml", $"http://localhost:{port}/good.xml", $"http://0x7f000001:{port}/good.xml" })
        {
            var response = await office.PostAsJsonAsync("/api/v1/opinion/feeds", new { name = "内网 " + ids.Count, url, platform = "网站", intervalMinutes = 30 });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.ReadJsonAsync()).Long("id"));
        }
        var requestsBefore = server.GoodRequests;

        await factory.Services.GetRequiredService<FeedPoller>().RunOnceAsync(default);

        var feeds = (await (await office.GetAsync("/api/v1/opinion/feeds")).ReadJsonAsync()).EnumerateArray().ToDictionary(f => f.Long("id"));
        foreach (var id in ids)
        {
            feeds[id].Str("status").ShouldBe("failing");
            feeds[id].Str("lastError").ShouldStartWith("订阅源地址指向内部网络（");
        }
        server.GoodRequests.ShouldBe(requestsBefore); // 一次也没有连到本机的网站
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync(i => i.FeedId != null && ids.Contains(i.FeedId.Value)))).ShouldBe(0);
    }
}
