using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Tables;

/// <summary>
/// 用稿登记数据表的主路径：宣传办按稿件标题筛选，点列头按媒体级别排序（再点反过来），改每页条数（筛选还在），勾"全选本页"一次核实两条，
/// 结果页逐条列出，返回列表（筛选还在）；导出 Excel 得到筛选和排序后的全部行。
/// </summary>
public sealed class AdoptionTableFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Office_FilterSortSelectAllVerifyExport()
    {
        var marker = "核" + Guid.NewGuid().ToString("N")[..6];
        var officer = await server.ApiClientAsync("officer");
        var head = await server.ApiClientAsync("head");
        foreach (var (title, outlet) in new[] { ("乙", "大众日报"), ("甲", "示例县广播电视台") })
        {
            var id = await HeraldApi.SubmitApprovedAsync(officer, head, marker + title, "街道开展为民服务活动。");
            await HeraldApi.RecordAdoptionAsync(officer, id, outlet, "2026-11-20", "示例新闻", frontPage: false);
        }
        var page = await server.SignedInPageAsync("office", Device.Desktop);

        await page.OpenMenuAsync("/adoptions");
        await page.GetByTestId("filters").Locator("#q").FillAsync(marker);
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        var titles = page.GetByTestId("adoption-list").Locator("td.cell-title a");
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙"]);

        var header = page.Locator("th[data-sort-key=level]");
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(titles).ToHaveTextAsync([marker + "乙", marker + "甲"]); // 省级在县级之前
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙"]);
        await page.GetByTestId("page-size").GetByText("50", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pageSize=50"));
        await Expect(page.GetByTestId("filters").Locator("#q")).ToHaveValueAsync(marker);

        await page.GetByTestId("select-all").CheckAsync();
        await Expect(page.GetByTestId("row-select")).ToHaveCountAsync(2);
        foreach (var box in await page.GetByTestId("row-select").AllAsync()) await Expect(box).ToBeCheckedAsync();
        await page.GetByTestId("verify-batch").ClickAsync();
        await Expect(page.GetByTestId("batch-summary")).ToHaveTextAsync("已完成 2 项，0 项未完成（原因见下表）。");
        await Expect(page.GetByTestId("batch-done")).ToHaveTextAsync(["已核实", "已核实"]);
        await page.GetByTestId("batch-back").ClickAsync();
        await Expect(page.GetByTestId("filters").Locator("#q")).ToHaveValueAsync(marker);
        await Expect(page.GetByTestId("empty-list")).ToContainTextAsync("没有待核实的申报。");

        await page.Locator("#status").SelectOptionAsync("verified");
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙"]);
        var (fileName, content) = await page.DownloadAsync(page.GetByTestId("export-xlsx"));
        fileName.ShouldBe("用稿登记-2026年11月20日.xlsx");
        ExportedTitles(content).ShouldBe([marker + "甲", marker + "乙"]);
    }

    private static List<string> ExportedTitles(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows[0].Elements<Cell>().ElementAt(2).InnerText.ShouldBe("稿件标题");
        return rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(2).InnerText).ToList();
    }
}
