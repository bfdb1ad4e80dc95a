using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Tables;

/// <summary>
/// 稿件数据表的主路径：宣传办按关键词筛选，点列头排序（再点反过来，箭头随之变化），改每页条数（筛选还在），
/// 浏览器后退回到上一个状态，导出 Excel 得到筛选和排序后的全部行；手机上每篇是一张卡片，页面不左右滚动。
/// </summary>
public sealed class ManuscriptTableFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Office_FilterSortPageSizeBackExport()
    {
        var marker = "表" + Guid.NewGuid().ToString("N")[..6];
        var officer = await server.ApiClientAsync("officer");
        foreach (var title in new[] { "乙", "甲", "丙" })
            await HeraldApi.SubmitAsync(officer, marker + title, "routine", "街道开展为民服务活动。");
        var page = await server.SignedInPageAsync("office", Device.Desktop);

        await page.OpenMenuAsync("/manuscripts");
        await page.GetByTestId("filters").Locator("#q").FillAsync(marker);
        await page.GetByTestId("filters").Locator("button[type=submit]").ClickAsync();
        var titles = page.GetByTestId("manuscript-list").Locator(".manuscript-title");
        await Expect(titles).ToHaveTextAsync([marker + "丙", marker + "甲", marker + "乙"]);

        var header = page.Locator("th[data-sort-key=title]");
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(header.Locator("i.bi-caret-up-fill")).ToBeVisibleAsync();
        await Expect(titles).ToHaveTextAsync([marker + "丙", marker + "乙", marker + "甲"]);
        await header.Locator("a").ClickAsync();
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙", marker + "丙"]);

        await page.GetByTestId("page-size").GetByText("50", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("pageSize=50"));
        await Expect(page.GetByTestId("filters").Locator("#q")).ToHaveValueAsync(marker);
        await Expect(titles).ToHaveTextAsync([marker + "甲", marker + "乙", marker + "丙"]);

        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("pageSize=50"));
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");

        var (fileName, content) = await page.DownloadAsync(page.GetByTestId("export-xlsx"));
        fileName.ShouldBe("稿件列表-2026年11月20日.xlsx");
        ExportedTitles(content).ShouldBe([marker + "甲", marker + "乙", marker + "丙"]);
    }

    [Fact]
    public async Task Phone_RowsAreCardsAndThePageDoesNotScrollSideways()
    {
        var marker = "卡" + Guid.NewGuid().ToString("N")[..6];
        await HeraldApi.SubmitAsync(await server.ApiClientAsync("officer"), marker + "社区开展志愿服务", "routine", "志愿服务。");
        var page = await server.SignedInPageAsync("office", Device.Phone);

        await page.GotoAsync("/manuscripts?q=" + Uri.EscapeDataString(marker));

        var row = page.GetByTestId("manuscript-tr").First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(page.Locator("table.data-table thead")).ToBeHiddenAsync();
        await Expect(row.Locator("td[data-label=单位]")).ToContainTextAsync("示例街道党政办公室");
        await page.ExpectNoHorizontalScrollAsync();
        await Screenshots.SaveAsync(page, "manuscripts-table-phone");
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
