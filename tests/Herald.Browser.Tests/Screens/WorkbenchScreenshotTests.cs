using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Screens;

/// <summary>
/// 各角色工作台的主要路径（真 Chromium）：卡片跟到带筛选的列表、待办点进详情、领导看板的图表与时期切换、手机上不横向溢出；
/// 截图存到 docs/screenshots/home-*.png。
/// </summary>
public sealed class WorkbenchScreenshotTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private const string WaitingTitle = "党政办召开十一月份安全生产工作例会";

    [Fact]
    public async Task Workbenches_MainPathPerRole_WorkAndAreSavedAsScreenshots()
    {
        await PublishingData.SeedAsync(server);
        using (var officerApi = await server.ApiClientAsync("officer"))
            await HeraldApi.SubmitAsync(officerApi, WaitingTitle, "routine", "11月19日，党政办公室召开安全生产工作例会，部署冬季安全生产工作。");

        // 单位负责人：待我审核在清单里，点进去就是审核面板。
        var head = await server.SignedInPageAsync("head", Device.Desktop);
        var waiting = head.Locator("[data-testid=waiting-item][data-kind=review]", new() { HasTextString = WaitingTitle });
        await Expect(waiting).ToBeVisibleAsync();
        await Screenshots.SaveAsync(head, "home-head");
        await waiting.ClickAsync();
        await Expect(head.GetByTestId("review-panel")).ToBeVisibleAsync();

        // 宣传办：卡片的数字与跟过去的列表一致，本月数字来自报表。
        var office = await server.SignedInPageAsync("office", Device.Desktop);
        await Expect(office.GetByTestId("home-figures")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(office, "home-office");
        var pool = await office.Locator("[data-testid=home-pool] .stat-value").InnerTextAsync();
        await office.GetByTestId("home-pool").ClickAsync();
        await Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/pool\?editorial=pending$"));
        (await office.Locator("[data-testid=pool-row]").CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(pool.Trim());

        // 主要负责人：看板的图表画出来，切到本年后数字链接到全年的报表。
        var principal = await server.SignedInPageAsync("principal", Device.Desktop);
        await principal.WaitForReportChartsAsync();
        await Screenshots.SaveAsync(principal, "home-principal");
        await principal.GetByTestId("home-period").GetByText("本年").ClickAsync();
        await Expect(principal.GetByTestId("figure-submitted")).ToHaveAttributeAsync("href", "/reports?from=2026-01-01&to=2026-12-31");

        // 舆情信息员：交办给本单位的舆情带倒计时。
        var opinion = await server.SignedInPageAsync("opinion", Device.Desktop);
        await Expect(opinion.Locator("[data-testid=waiting-item][data-kind=case]").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(opinion, "home-opinion");

        // 领导在手机上：看板可用，页面不横向溢出。
        var viewer = await server.SignedInPageAsync("viewer", Device.Phone);
        await viewer.WaitForReportChartsAsync();
        (await viewer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshots.SaveAsync(viewer, "home-viewer-phone");

        var admin = await server.SignedInPageAsync("admin", Device.Desktop);
        await Expect(admin.GetByTestId("home-shortcuts")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(admin, "home-admin");

        foreach (var name in new[] { "home-head", "home-office", "home-principal", "home-opinion", "home-viewer-phone", "home-admin" })
            new FileInfo(Screenshots.PathOf(name)).Length.ShouldBeGreaterThan(10_000);
    }
}
