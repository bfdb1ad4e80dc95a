using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>
/// 舆情周报、月报默认取上一个已结束的周（周一至周日）或月，页面上可以选择；不再以统计时期的最后一天
/// （如 2026-11-30，将来的一周，全是 0）为准。时钟 2026-11-20（周五）。
/// </summary>
public sealed class ReportPeriodDefaultTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static async Task<string> PeriodLineAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ElementAt(1).InnerText;
    }

    [Theory]
    [InlineData("week", "（2026年11月9日—2026年11月15日）")]
    [InlineData("month", "（2026年10月1日—2026年10月31日）")]
    public async Task ReportApi_NoDate_LastFinishedPeriod(string period, string line)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync($"/api/v1/opinion/report.docx?period={period}");

        (await PeriodLineAsync(response)).ShouldBe(line);
    }

    [Fact]
    public async Task StatsPage_ReportPickers_DefaultToLastFinishedWeekAndMonthAndOfferNoUnfinishedPeriod()
    {
        using var office = await factory.SignInAsync("office");

        var (_, page) = await office.GetPageAsync("/opinion/stats");

        var week = page.QuerySelector<IHtmlSelectElement>("[data-testid=weekly-form] select[name=date]")!;
        var month = page.QuerySelector<IHtmlSelectElement>("[data-testid=monthly-form] select[name=date]")!;
        week.Value.ShouldBe("2026-11-09");
        week.SelectedOptions.Single().Text.Trim().ShouldBe("2026年11月9日—11月15日");
        month.Value.ShouldBe("2026-10-01");
        month.SelectedOptions.Single().Text.Trim().ShouldBe("2026年10月");
        week.Options.Select(o => DateOnly.Parse(o.Value)).ShouldAllBe(d => d.AddDays(6) < new DateOnly(2026, 11, 20));
        month.Options.Select(o => DateOnly.Parse(o.Value)).ShouldAllBe(d => d.AddMonths(1) <= new DateOnly(2026, 11, 1));
        page.QuerySelectorAll("a[href*='report.docx']").ShouldBeEmpty();
    }

    [Fact]
    public async Task StatsPage_WeeklyFormWithChosenWeek_ReportCoversThatWeek()
    {
        using var office = await factory.SignInAsync("office");
        var (_, page) = await office.GetPageAsync("/opinion/stats");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid=weekly-form]")!;
        var chosen = form.QuerySelectorAll<IHtmlOptionElement>("option").ElementAt(2).Value;
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => $"{i.Name}={i.Value}").Append("date=" + chosen);

        var response = await office.Client.GetAsync(form.GetAttribute("action") + "?" + string.Join("&", fields));

        chosen.ShouldBe("2026-10-26");
        (await PeriodLineAsync(response)).ShouldBe("（2026年10月26日—2026年11月1日）");
    }
}
