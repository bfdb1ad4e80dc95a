using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>
/// 统计与导出，在一个手工搭建的场景上（独立的数据库；宣传办管示例街道与示例县科学技术局两棵树）。时钟 2026-11-20 10:00（T0）：
/// A 重大，T0 立案交办党政办，T0+30 分登记回应（首次响应 30 分钟），T0+4 小时审核发布（5 小时内，按时），未开发布会（24 小时，超时）；
/// B 一般，T0+1 小时立案交办幸福社区，T0+3 小时处置（首次响应 120 分钟，按时），回应 48 小时未到；
/// C 较大，T0+2 小时立案交办党政办，未处理（首次响应 4 小时，超时）。统计时刻 T0+26 小时。
/// 演示组织在 T0 首次启动时另有三件示例舆情（DemoOpinionSeeder，时间相对 T0）：
/// D 较大，T0−21 小时（11 月 19 日）立案交办平安建设办公室，3 小时后处置（首次响应 180 分钟，按时）；
/// E 一般，T0−50 小时（11 月 18 日）立案交办幸福社区，18 小时后回应（1080 分钟，按时），已办结；
/// F 一般、上级交办，T0−6 小时（11 月 20 日 04:00）立案交办综合行政执法中队，未处理（首次响应 24 小时，统计时已超时）。
/// 所以 11 月 20 日当天是 A、B、C、F 四件；所在的周和月是六件。
/// </summary>
public sealed class StatsScenario : CaseFactory, IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public async Task InitializeAsync()
    {
        Clock.Set(T0);
        var a = await this.AssignedCaseAsync("major");
        Clock.Set(T0.AddMinutes(30));
        var responseId = (await RespondAsync(await ApiClientAsync("officer"), a)).Json.Items("responses").Single().Long("id");
        Clock.Set(T0.AddHours(4));
        foreach (var reviewer in new[] { "head", "leader", "principal" })
            (await ReviewAsync(await ApiClientAsync(reviewer), a, responseId)).Status.ShouldBe(HttpStatusCode.OK);

        Clock.Set(T0.AddHours(1));
        var b = await this.AssignedCaseAsync("general", Community);
        Clock.Set(T0.AddHours(3));
        (await PostAsync(await ApiClientAsync("officer2"), $"/api/v1/opinion/cases/{b}/disposals", new { description = "入户解释" })).Status
            .ShouldBe(HttpStatusCode.Created);

        Clock.Set(T0.AddHours(2));
        await this.AssignedCaseAsync("significant");
        Clock.Set(T0.AddHours(26));
    }

    // 工厂本身由 xUnit 作为夹具释放。
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class CaseStatsTests(StatsScenario factory) : IClassFixture<StatsScenario>
{
    [Fact]
    public async Task Stats_HandBuiltScenario_FiguresAsComputedByHand()
    {
        var stats = await GetAsync(await factory.ApiClientAsync("office"), "/api/v1/opinion/stats?from=2026-11-20&to=2026-11-20");

        stats.Status.ShouldBe(HttpStatusCode.OK, $"body: {stats.Json}");
        var s = stats.Json;
        (s.Int("cases"), s.Int("closed")).ShouldBe((4, 0));
        s.GetProperty("medianFirstResponseMinutes").GetDouble().ShouldBe(75);   // (30 + 120) / 2；C、F 未响应
        s.Items("bySeverity").Select(x => (x.Str("severity"), x.Int("cases"))).ShouldBe(
            [("critical", 0), ("major", 1), ("significant", 1), ("general", 2)]);
        s.Items("bySeverity").Single(x => x.Str("severity") == "general").GetProperty("medianFirstResponseMinutes").GetDouble().ShouldBe(120);
        s.Items("onTime").Select(x => (x.Str("severity"), x.Str("kind"), x.Int("onTime"), x.Int("decided"))).ShouldBe(
        [
            ("major", "first_response", 1, 1), ("major", "authoritative_info", 1, 1), ("major", "press_conference", 0, 1),
            ("significant", "first_response", 0, 1),
            ("general", "first_response", 1, 2),
        ]);
        // 件数相同的单位按编号：执法中队先于幸福社区建立。
        s.Items("byUnit").Select(x => (x.Str("unit"), x.Int("cases"), x.Int("lateDeadlines"))).ShouldBe(
            [("示例街道 / 示例街道党政办公室", 2, 2), ("示例街道 / 示例街道综合行政执法中队", 1, 1), ("示例街道 / 幸福社区", 1, 0)]);
        s.Items("lateUnits").Select(x => (x.Str("unit"), x.Int("lateDeadlines"), x.Int("cases"))).ShouldBe(
            [("示例街道 / 示例街道党政办公室", 2, 2), ("示例街道 / 示例街道综合行政执法中队", 1, 1)]);
    }

    [Fact]
    public async Task Stats_OtherDay_Empty()
    {
        var s = (await GetAsync(await factory.ApiClientAsync("office"), "/api/v1/opinion/stats?from=2026-11-21&to=2026-11-30")).Json;

        (s.Int("cases"), s.Items("byUnit").Count, s.Items("onTime").Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task StatsPage_ShowsTheFigures()
    {
        var office = await factory.SignInAsync("office");

        var (response, page) = await office.GetPageAsync("/opinion/stats?from=2026-11-20&to=2026-11-20");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (page.QuerySelector("[data-testid=stat-cases]")!.TextContent, page.QuerySelector("[data-testid=stat-median]")!.TextContent.Trim())
            .ShouldBe(("4", "1 小时 15 分"));
        page.QuerySelector("[data-rule='major.press_conference']")!.TextContent.ShouldContain("0%");
        page.QuerySelector("[data-rule='major.authoritative_info']")!.TextContent.ShouldContain("100%");
    }

    [Fact]
    public async Task Excel_ValidAndCarriesTheFigures()
    {
        var office = await factory.SignInAsync("office");

        var response = await office.Client.GetAsync("/opinion/stats.xlsx?from=2026-11-20&to=2026-11-20");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(x => x.Name!.Value).ToList();
        sheets.ShouldBe(["概况", "按等级", "按责任单位", "时限按时率", "超时单位", "舆情清单", "约谈问责"]);
        var strings = document.WorkbookPart.SharedStringTablePart!.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>()
            .Select(x => x.InnerText).ToList();
        strings.ShouldContain("1 小时 15 分");
        strings.ShouldContain("示例街道 / 示例街道党政办公室");
        strings.ShouldContain("举行新闻发布会");
    }

    [Theory]
    [InlineData("week", "示例街道、示例县科学技术局舆情工作周报", "（2026年11月16日—2026年11月22日）")]
    [InlineData("month", "示例街道、示例县科学技术局2026年11月舆情报告", "（2026年11月1日—2026年11月30日）")]
    public async Task Report_WordValidWithTitlePeriodAndMajorCase(string period, string title, string line)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync($"/api/v1/opinion/report.docx?period={period}&date=2026-11-20");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        (paragraphs[0], paragraphs[1]).ShouldBe((title, line));
        // 六件：A–F；已办结的是 E；首次响应 30、120、180、1080 分钟，中位数 (120 + 180) / 2 = 150 分钟。
        paragraphs.ShouldContain("本期共立案舆情 6 件，其中特别重大 0 件、重大 1 件、较大 2 件、一般 3 件；已办结 1 件。首次响应用时中位数为 2 小时 30 分。");
        paragraphs.ShouldContain(p => p.StartsWith("1．", StringComparison.Ordinal) && p.Contains("重大") && p.Contains("示例街道 / 示例街道党政办公室"));
        paragraphs.ShouldContain("示例街道 / 示例街道党政办公室：超时 2 项，涉及舆情 2 件，约谈 0 次。");
    }
}
