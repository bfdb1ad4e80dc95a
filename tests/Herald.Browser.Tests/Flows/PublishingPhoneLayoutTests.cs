using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Flows;

/// <summary>
/// 手机上（390×844）宣传办核实用稿、看报表：用稿登记页（待核实的申报，带不予认定的理由框）和统计报表页（图表、宽表格）
/// 整页不能左右滚动，宽表格只在自己的容器里滚动。数据同截图测试（<see cref="PublishingData"/>）。
/// </summary>
public sealed class PublishingPhoneLayoutTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task AdoptionsAndReports_OnPhone_DoNotScrollSideways()
    {
        await PublishingData.SeedAsync(server);
        var office = await server.SignedInPageAsync("office", Device.Phone);

        await office.OpenMenuAsync("/adoptions");
        await Expect(office.Locator("h1")).ToHaveTextAsync("用稿登记");
        var claims = office.GetByTestId("adoption-list").GetByTestId("adoption");
        await Expect(claims).ToHaveCountAsync(PublishingData.ClaimedOutlets.Length);
        await Expect(claims.First.GetByTestId("adoption-verify")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(claims.GetByTestId("media-level")).ToHaveTextAsync(["省级", "县级"]);
        await claims.First.GetByTestId("media-level").ExpectLegibleAsync();
        await office.ExpectNoHorizontalScrollAsync();
        await Screenshots.SaveAsync(office, "adoptions-phone");

        await office.OpenMenuAsync("/reports");
        await Expect(office.Locator("h1")).ToHaveTextAsync("统计报表");
        await office.WaitForReportChartsAsync();
        var table = office.GetByTestId("unit-table");
        await Expect(table.GetByTestId("unit-row").First).ToBeVisibleAsync();
        // 表格比屏幕宽，但只在 .table-responsive 里横向滚动。
        var tableWidth = await table.EvaluateAsync<int>("t => t.scrollWidth");
        tableWidth.ShouldBeGreaterThan(Device.Phone.Width);
        await office.ExpectNoHorizontalScrollAsync();
        // 单位名称不在窄列里逐字折行。
        var name = table.Locator("td[data-col=name]", new() { HasTextString = "示例街道党政办公室" });
        (await name.TextLinesAsync()).ShouldBe(1);
        await Screenshots.SaveAsync(office, "reports-phone");
    }
}
