using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Tables;

/// <summary>
/// 待我审核与采编池的数据表主路径：筛选、点列头排序（再点反过来），导出得到筛选和排序后的行，勾选两篇一起审核通过 / 一起发布，
/// 结果页逐篇列出，返回列表（筛选还在，做过的不再列出）。
/// </summary>
public sealed class BatchFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Head_FilterSortExportSelectTwoApprove()
    {
        var marker = "审" + Guid.NewGuid().ToString("N")[..6];
        var officer = await server.ApiClientAsync("officer");
        foreach (var title in new[] { "乙", "甲" })
            await HeraldApi.SubmitAsync(officer, marker + title, "routine", "街道开展为民服务活动。");
        var page = await server.SignedInPageAsync("head", Device.Desktop);

        await page.OpenMenuAsync("/reviews");
        await page.GetByTestId("filters").Locator("#q").FillAsync(marker);
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        var titles = page.GetByTestId("manuscript-list").Locator(".manuscript-title");
        await Expect(titles).ToHaveTextAsync([marker + "乙", marker + "甲"]); // 先报先审

        var header = page.Locator("th[data-sort-key=title]");
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(titles).ToHaveTextAsync([marker + "乙", marker + "甲"]);
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙"]);
        var (fileName, content) = await page.DownloadAsync(page.GetByTestId("export-xlsx"));
        fileName.ShouldBe("待我审核-2026年11月20日.xlsx");
        ExportedTitles(content).ShouldBe([marker + "甲", marker + "乙"]);

        foreach (var box in await page.GetByTestId("row-select").AllAsync()) await box.CheckAsync();
        await page.GetByTestId("batch-comment").FillAsync("同意报送。");
        await page.GetByTestId("batch-approve").ClickAsync();
        await Expect(page.GetByTestId("batch-summary")).ToHaveTextAsync("已完成 2 项，0 项未完成（原因见下表）。");
        await Expect(page.GetByTestId("batch-done")).ToHaveTextAsync(["已审定", "已审定"]);
        await Expect(page.GetByTestId("batch-item")).ToContainTextAsync([marker + "甲", marker + "乙"]);
        await page.GetByTestId("batch-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=title"));
        await Expect(page.GetByTestId("filters").Locator("#q")).ToHaveValueAsync(marker);
        await Expect(page.GetByTestId("empty-list")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Office_PoolFilterSortSelectTwoPublish()
    {
        var marker = "采" + Guid.NewGuid().ToString("N")[..6];
        var officer = await server.ApiClientAsync("officer");
        var head = await server.ApiClientAsync("head");
        foreach (var title in new[] { "乙", "甲" })
            await HeraldApi.SubmitApprovedAsync(officer, head, marker + title, "街道开展为民服务活动。");
        var page = await server.SignedInPageAsync("office", Device.Desktop);

        await page.OpenMenuAsync("/pool");
        await page.GetByTestId("filters").Locator("#q").FillAsync(marker);
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        var titles = page.GetByTestId("manuscript-list").Locator(".manuscript-title");
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙"]); // 审定时间相同：后审定的在前

        var header = page.Locator("th[data-sort-key=title]");
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(titles).ToHaveTextAsync([marker + "乙", marker + "甲"]);
        var (fileName, content) = await page.DownloadAsync(page.GetByTestId("export-xlsx"));
        fileName.ShouldBe("采编池-2026年11月20日.xlsx");
        ExportedTitles(content).ShouldBe([marker + "乙", marker + "甲"]);

        await page.GetByTestId("select-all").CheckAsync();
        await Expect(page.GetByTestId("row-select")).ToHaveCountAsync(2);
        await page.GetByTestId("batch-channel").SelectOptionAsync(new SelectOptionValue { Label = "示例街道 · 示例街道门户网站" });
        await page.GetByTestId("batch-publish").ClickAsync();
        await Expect(page.GetByTestId("batch-summary")).ToHaveTextAsync("已完成 2 项，0 项未完成（原因见下表）。");
        await Expect(page.GetByTestId("batch-done")).ToHaveTextAsync(["已发布", "已发布"]);
        await page.GetByTestId("batch-back").ClickAsync();
        await Expect(page.GetByTestId("filters").Locator("#q")).ToHaveValueAsync(marker);
        await Expect(page.GetByTestId("empty-list")).ToBeVisibleAsync(); // 默认只列待采编的

        await page.Locator("#editorial").SelectOptionAsync("published");
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        await Expect(titles).ToHaveTextAsync([marker + "乙", marker + "甲"]);
        await Expect(page.GetByTestId("manuscript-list")).ToContainTextAsync("示例街道门户网站");
    }

    [Theory]
    [InlineData("head", "/reviews", "inbox-tr")]
    [InlineData("office", "/pool", "pool-row")]
    public async Task Phone_RowsAreCardsWithTheBatchBarAndNoSidewaysScroll(string user, string path, string rowTestId)
    {
        var marker = "机" + Guid.NewGuid().ToString("N")[..6];
        var officer = await server.ApiClientAsync("officer");
        if (path == "/pool") await HeraldApi.SubmitApprovedAsync(officer, await server.ApiClientAsync("head"), marker + "社区开展志愿服务", "志愿服务。");
        else await HeraldApi.SubmitAsync(officer, marker + "社区开展志愿服务", "routine", "志愿服务。");
        var page = await server.SignedInPageAsync(user, Device.Phone);

        await page.GotoAsync($"{path}?q={Uri.EscapeDataString(marker)}");

        var row = page.GetByTestId(rowTestId).First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("table.data-table thead")).ToBeHiddenAsync();
        await Expect(row.Locator("td[data-label=单位]")).ToContainTextAsync("示例街道党政办公室");
        await Expect(row.GetByTestId("row-select")).ToBeVisibleAsync();
        await page.ExpectNoHorizontalScrollAsync();
    }

    private static List<string> ExportedTitles(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows[0].Elements<Cell>().ElementAt(1).InnerText.ShouldBe("标题");
        return rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(1).InnerText).ToList();
    }
}
