using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reports;

/// <summary>报表页、积分明细页与 Excel 导出。</summary>
[Collection(ReportScenarioCollection.Name)]
public sealed class ReportPagesTests(ReportScenario scenario)
{
    [Fact]
    public async Task ReportsPage_Quarter_TableLinksAndChartData()
    {
        using var session = await scenario.SignInAsync("office");
        var (response, document) = await session.GetPageAsync("/reports?period=quarter&year=2025&quarter=3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = document.QuerySelector($"[data-testid=unit-row][data-unit-id='{scenario.PartyOffice}']")!;
        row.QuerySelector("[data-col=points] a")!.GetAttribute("href")
            .ShouldBe($"/reports/units/{scenario.PartyOffice}/points?from=2025-07-01&to=2025-09-30");
        row.QuerySelector("[data-col=points]")!.TextContent.Trim().ShouldBe("46.5");
        row.QuerySelector("[data-col=rate]")!.TextContent.Trim().ShouldBe("66.7%");
        row.QuerySelector("[data-col=quota]")!.TextContent.Trim().ShouldBe("未完成");
        document.QuerySelectorAll("[data-testid=unit-row]").Length.ShouldBe(16);

        var chart = JsonDocument.Parse(document.GetElementById("report-chart-data")!.GetAttribute("data-json")!).RootElement;
        chart.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ShouldBe(["2025-07", "2025-08", "2025-09"]);
        chart.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("value").GetInt32()).ShouldBe([1, 1, 1, 1, 0]);
        document.QuerySelector("script[src^='/lib/echarts/echarts.min.js']").ShouldNotBeNull();
        (await session.Client.GetAsync("/lib/echarts/echarts.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.Client.GetAsync("/js/reports.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReportsPage_FilterAndSort()
    {
        using var session = await scenario.SignInAsync("office");

        var (_, belowQuota) = await session.GetPageAsync($"/reports?{ReportScenario.Period}&filter=below_quota");
        belowQuota.QuerySelectorAll("[data-testid=unit-row]").Select(r => r.GetAttribute("data-unit-id"))
            .ShouldBe([scenario.PartyOffice.ToString()]);

        var (_, adopted) = await session.GetPageAsync($"/reports?{ReportScenario.Period}&filter=adopted&sort=points");
        // 升序：幸福社区 3 分在前，党政办 46.5 分在后。
        adopted.QuerySelectorAll("[data-testid=unit-row]").Select(r => r.GetAttribute("data-unit-id"))
            .ShouldBe([scenario.Xingfu.ToString(), scenario.PartyOffice.ToString()]);

        var (_, bySubmittedDesc) = await session.GetPageAsync($"/reports?{ReportScenario.Period}&sort=submitted&desc=true");
        bySubmittedDesc.QuerySelector("[data-testid=unit-row]")!.GetAttribute("data-unit-id").ShouldBe(scenario.PartyOffice.ToString());
    }

    [Fact]
    public async Task ReportsPage_PeopleTab()
    {
        using var session = await scenario.SignInAsync("office");
        var (response, document) = await session.GetPageAsync($"/reports?{ReportScenario.Period}&tab=people");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = document.QuerySelectorAll("[data-testid=person-row]");
        rows.Select(r => r.QuerySelector("[data-col=name]")!.TextContent.Trim()).ShouldBe(["李文静", "王海涛"]);
        rows[0].QuerySelector("[data-col=points] a")!.GetAttribute("href")
            .ShouldBe($"/reports/correspondents/{scenario.OfficerId}/points?from=2025-07-01&to=2025-09-30");
    }

    [Fact]
    public async Task ReportsPage_BadPeriod_400WithChineseError()
    {
        using var session = await scenario.SignInAsync("office");
        var (response, document) = await session.GetPageAsync("/reports?period=custom&from=2025-09-30&to=2025-07-01");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        document.QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("结束日期不能早于开始日期。");
        document.QuerySelector("[data-testid=unit-table]").ShouldBeNull();
    }

    [Fact]
    public async Task PointsPage_ListsTheLineItems()
    {
        using var session = await scenario.SignInAsync("office");
        var (response, document) = await session.GetPageAsync($"/reports/units/{scenario.PartyOffice}/points?{ReportScenario.Period}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelectorAll("[data-testid=points-line]").Select(r => r.GetAttribute("data-kind"))
            .ShouldBe(["adoption", "adoption", "late", "instruction", "adoption", "missed_quota"]);
        document.QuerySelector("[data-testid=points-total]")!.TextContent.Trim().ShouldBe("46.5");
        document.QuerySelector($"a[href='/manuscripts/{scenario.M1}']")!.TextContent.ShouldBe("M1 街道开展夏季消防检查");
        document.Body!.TextContent.ShouldContain("任务 1 篇，实报 0 篇，少报 1 篇，每篇扣 2 分");
    }

    [Fact]
    public async Task RulesLink_ShownToOfficeNotToUnitHead()
    {
        using var office = await scenario.SignInAsync("office");
        (await office.GetPageAsync($"/reports?{ReportScenario.Period}")).Document.QuerySelector("a[href='/scoring/rules']").ShouldNotBeNull();

        using var head = await scenario.SignInAsync("head");
        var (response, document) = await head.GetPageAsync($"/reports?{ReportScenario.Period}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("main a[href='/scoring/rules']").ShouldBeNull();
        document.QuerySelectorAll("[data-testid=unit-row]").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Export_OpensWithOpenXml_ValidatesAndHoldsTheNumbers()
    {
        using var session = await scenario.SignInAsync("office");
        var response = await session.Client.GetAsync($"/reports/export.xlsx?{ReportScenario.Period}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).ShouldBeEmpty();

        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => s.Name!.Value).ShouldBe(["按单位", "按信息员"]);
        var units = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        units.Count.ShouldBe(2 + 16);
        var party = units.Skip(2).Single(r => r.Elements<Cell>().ElementAt(1).InnerText == "示例街道 / 示例街道党政办公室");
        var cells = party.Elements<Cell>().ToList();
        // 名次 1、投稿 3、上稿率 0.6667（百分数格式）、积分 46.5，都是数字单元格。
        (cells[0].CellValue!.Text, cells[2].CellValue!.Text).ShouldBe(("1", "3"));
        cells[12].CellValue!.Text.ShouldBe("0.6667");
        cells[13].CellValue!.Text.ShouldBe("46.5");
        cells[13].DataType!.Value.ShouldBe(CellValues.Number);
    }
}
