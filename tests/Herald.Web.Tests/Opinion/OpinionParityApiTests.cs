using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Opinion;

/// <summary>人工上报、截图下载、订阅源停用/启用/立即检查、厂商令牌：API 与页面同一个处理器、同样的范围。</summary>
public sealed class OpinionParityApiTests(FeedTestFactory factory) : IClassFixture<FeedTestFactory>
{
    private static MultipartFormDataContent Report(string content, string? platform = "微博", byte[]? screenshot = null, string? key = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(platform ?? ""), "platform" },
            { new StringContent("本地生活号"), "source" },
            { new StringContent(content), "content" },
            { new StringContent(key ?? Guid.NewGuid().ToString("N")), "submissionKey" },
        };
        if (screenshot is not null) form.Add(new ByteArrayContent(screenshot), "screenshots", "截图.png");
        return form;
    }

    [Fact]
    public async Task Report_WithScreenshot_CreatedForOwnUnit_ScreenshotDownloadableOnlyInScope()
    {
        using var officer = await factory.ApiClientAsync("officer");
        using var officer2 = await factory.ApiClientAsync("officer2");
        using var office = await factory.ApiClientAsync("office");
        var png = TestImages.Png(40, 30);

        var response = await officer.PostAsync("/api/v1/opinion/reports", Report("有网友称小区门口道路塌方，已有车辆受损。", screenshot: png));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = await response.ReadJsonAsync();
        var id = item.Long("id");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/opinion/items/{id}");
        (await factory.QueryAsync(db => db.OpinionItems.SingleAsync(i => i.Id == id))).ReporterUnitId
            .ShouldBe(await factory.UnitIdAsync("示例街道党政办公室"));
        (await factory.AuditActionsAsync("OpinionItem", id)).ShouldBe(["opinion.report"]);
        var shot = await factory.QueryAsync(db => db.OpinionItems.Where(i => i.Id == id).SelectMany(i => i.Attachments).Select(a => a.Id).SingleAsync());
        var url = $"/api/v1/opinion/items/{id}/screenshots/{shot}";
        var own = await officer.GetAsync(url);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        (await office.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await officer2.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        (await officer.GetAsync($"/api/v1/opinion/items/{id}/screenshots/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_BadInput_Chinese400_SameKeyTwice_409()
    {
        using var officer = await factory.ApiClientAsync("officer");
        var key = Guid.NewGuid().ToString("N");

        var noPlatform = await officer.PostAsync("/api/v1/opinion/reports", Report("内容", platform: null));
        var notImage = await officer.PostAsync("/api/v1/opinion/reports", Report("内容", screenshot: TestFiles.Exe()));
        var json = await officer.PostAsJsonAsync("/api/v1/opinion/reports", new { platform = "微博", content = "内容" });
        var first = await officer.PostAsync("/api/v1/opinion/reports", Report("同一条上报", key: key));
        var again = await officer.PostAsync("/api/v1/opinion/reports", Report("同一条上报", key: key));

        (await noPlatform.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("platform").ShouldNotBeEmpty();
        (await notImage.ReadJsonAsync()).Int("status").ShouldBe(400);
        await json.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionItem.AlreadyReported");
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync(i => i.SubmissionKey == key))).ShouldBe(1);
    }

    [Fact]
    public async Task Feed_DisableEnablePoll_StateFollows_PollWhileDisabledConflicts()
    {
        using var office = await factory.ApiClientAsync("office");
        var created = await office.PostAsJsonAsync("/api/v1/opinion/feeds", new { name = "县政府网站", url = "https://county.example.invalid/rss.xml", platform = "新闻网站" });
        var id = (await created.ReadJsonAsync()).Long("id");

        var disabled = await office.PostAsync($"/api/v1/opinion/feeds/{id}/disable", null);
        var pollDisabled = await office.PostAsync($"/api/v1/opinion/feeds/{id}/poll", null);
        var enabled = await office.PostAsync($"/api/v1/opinion/feeds/{id}/enable", null);
        var polled = await office.PostAsync($"/api/v1/opinion/feeds/{id}/poll", null);

        (await disabled.ReadJsonAsync()).Str("status").ShouldBe("disabled");
        await pollDisabled.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Feed.Disabled");
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        polled.StatusCode.ShouldBe(HttpStatusCode.OK);
        DateTime.Parse((await polled.ReadJsonAsync()).Str("nextDueAt"), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime()
            .ShouldBeLessThanOrEqualTo(factory.Clock.GetUtcNow().UtcDateTime);
        (await factory.AuditActionsAsync("OpinionFeed", id)).ShouldContain("feed.disable");
        (await office.PostAsync("/api/v1/opinion/feeds/999999/poll", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IntakeToken_IssuePushRevoke_TokenStopsWorking()
    {
        using var office = await factory.ApiClientAsync("office");

        var issued = await office.PostAsJsonAsync("/api/v1/opinion/intake-tokens", new { vendor = "示例舆情监测", days = 30 });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        issued.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var token = await issued.ReadJsonAsync();
        using var vendor = factory.BearerClient(token.Str("accessToken"));
        (await vendor.PostAsJsonAsync("/api/v1/opinion/items", OpinionTestData.Item("厂商推送的一条信息"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await vendor.GetAsync("/api/v1/opinion/intake-tokens")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var listed = await (await office.GetAsync("/api/v1/opinion/intake-tokens")).ReadJsonAsync();
        listed.EnumerateArray().Single(t => t.Long("id") == token.Long("id")).Bool("active").ShouldBeTrue();

        var revoked = await office.PostAsync($"/api/v1/opinion/intake-tokens/{token.Long("id")}/revoke", null);
        var again = await office.PostAsync($"/api/v1/opinion/intake-tokens/{token.Long("id")}/revoke", null);

        (await revoked.ReadJsonAsync()).Bool("active").ShouldBeFalse();
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "IntakeToken.AlreadyRevoked");
        (await vendor.PostAsJsonAsync("/api/v1/opinion/items", OpinionTestData.Item("撤销后的推送"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(null, 30, "vendor", "Required")]
    [InlineData("厂商\u0000名", 30, "vendor", "Text.ControlCharacters")]
    [InlineData("厂商", 0, "days", "OutOfRange")]
    [InlineData("厂商", 9999, "days", "OutOfRange")]
    public async Task IntakeToken_BadInput_Chinese400(string? vendor, int days, string field, string code)
    {
        using var office = await factory.ApiClientAsync("office");

        var response = await office.PostAsJsonAsync("/api/v1/opinion/intake-tokens", new { vendor, days });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/opinion/intake-tokens");
        (await office.PostAsync("/api/v1/opinion/intake-tokens/999999/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
