using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Screens;

/// <summary>
/// 采编、用稿与考核各页面（桌面，宣传办）的截图，存到 docs/screenshots/：采编池的发布表单、稿件的采编与用稿、用稿登记（待核实）、
/// 统计报表（含图表）、积分明细、通报列表与通报草稿、计分规则、发布渠道、媒体名录。数据经 API 准备（<see cref="PublishingData"/>）。
/// </summary>
public sealed class PublishingScreenshotTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private static readonly string[] Names =
    [
        "pool-publish-office", "editorial-office", "adoptions-office", "reports-office", "points-office", "bulletin-draft",
        "bulletins-office", "scoring-rules", "channels", "outlets",
    ];

    [Fact]
    public async Task PublishingPages_Desktop_RenderInChineseAndAreSavedAsScreenshots()
    {
        await PublishingData.SeedAsync(server);
        var office = await server.SignedInPageAsync("office", Device.Desktop);

        await office.OpenMenuAsync("/pool");
        await office.GotoAsync("/pool?editorial=all");
        var row = office.PoolRow(PublishingData.Pending);
        await row.Locator("[data-testid=pool-actions] > summary").ClickAsync();
        await Expect(row.GetByTestId("publish-form")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("not-used-form")).ToBeVisibleAsync();
        await Expect(office.PoolRow(PublishingData.Published).GetByTestId("editorial-status")).ToHaveTextAsync("已发布");
        await Screenshots.SaveAsync(office, "pool-publish-office");

        await office.ManuscriptRow(PublishingData.Published).ClickAsync();
        await Expect(office.GetByTestId("editorial")).ToHaveAttributeAsync("data-editorial", "published");
        await Expect(office.GetByTestId("adoptions").GetByTestId("adoption")).ToHaveCountAsync(2);
        await office.GetByTestId("adoption-form-toggle").Locator("summary").ClickAsync();
        await Expect(office.GetByTestId("adoption-form")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(office, "editorial-office");

        await office.OpenMenuAsync("/adoptions");
        await Expect(office.Locator("h1")).ToHaveTextAsync("用稿登记");
        var claims = office.GetByTestId("adoption-list").GetByTestId("adoption");
        await Expect(claims).ToHaveCountAsync(PublishingData.ClaimedOutlets.Length);
        await Expect(claims.GetByTestId("adoption-status")).ToHaveTextAsync(["待核实", "待核实"]);
        await Screenshots.SaveAsync(office, "adoptions-office");

        await office.OpenMenuAsync("/reports");
        await Expect(office.Locator("h1")).ToHaveTextAsync("统计报表");
        await office.WaitForReportChartsAsync();
        await Screenshots.SaveAsync(office, "reports-office");

        var unit = office.GetByTestId("unit-row").Filter(new() { Has = office.Locator("td[data-col=name]", new() { HasTextRegex = new Regex("^幸福社区$") }) });
        await unit.GetByTestId("points-link").ClickAsync();
        await Expect(office.Locator("h1")).ToHaveTextAsync("积分明细：幸福社区");
        await Expect(office.GetByTestId("points-line").Filter(new() { HasTextString = "人民网" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(office, "points-office");

        await office.OpenMenuAsync("/bulletins");
        var create = office.GetByTestId("bulletin-create");
        await create.Locator("#Quarter").SelectOptionAsync("4");
        await create.Locator("#RootUnitId").SelectOptionAsync(new SelectOptionValue { Label = "示例街道" });
        await create.GetByTestId("bulletin-new").ClickAsync();
        await Expect(office.Locator("h1")).ToHaveTextAsync("关于2026年第4季度宣传信息工作情况的通报");
        await Expect(office.GetByTestId("bulletin-status")).ToHaveAttributeAsync("data-status", "draft");
        await Screenshots.SaveAsync(office, "bulletin-draft");

        await office.OpenMenuAsync("/bulletins");
        await Expect(office.GetByTestId("bulletin-row")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(office, "bulletins-office");

        await office.OpenMenuAsync("/scoring/rules");
        await Expect(office.Locator("h1")).ToHaveTextAsync("计分规则");
        await Expect(office.GetByTestId("current-rules")).ToContainTextAsync("只计最高");
        await Screenshots.SaveAsync(office, "scoring-rules");

        await office.OpenMenuAsync("/publishing/channels");
        await Expect(office.Locator("h1")).ToHaveTextAsync("发布渠道");
        await Expect(office.GetByTestId("channel-row").Filter(new() { HasTextString = "示例街道门户网站" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(office, "channels");

        await office.OpenMenuAsync("/publishing/outlets");
        await Expect(office.Locator("h1")).ToHaveTextAsync("媒体名录");
        var outlet = office.GetByTestId("outlet-row").Filter(new() { HasTextString = "大众日报" });
        await Expect(outlet).ToHaveCountAsync(1);
        await Expect(outlet.GetByTestId("media-level")).ToHaveTextAsync("省级");
        await outlet.GetByTestId("media-level").ExpectLegibleAsync();
        await Screenshots.SaveAsync(office, "outlets");

        foreach (var name in Names)
            new FileInfo(Screenshots.PathOf(name)).Length.ShouldBeGreaterThan(10_000);
    }
}
