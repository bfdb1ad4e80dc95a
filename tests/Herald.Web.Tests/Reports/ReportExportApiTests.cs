using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reports;

/// <summary>GET /api/v1/reports/export.xlsx：与统计页的导出同一个处理器，范围同统计（看不到的单位 404）。</summary>
public sealed class ReportExportApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Export_Office_SameWorkbookAsThePage()
    {
        using var api = await factory.ApiClientAsync("office");
        using var page = await factory.SignInAsync("office");
        const string query = "?period=month&year=2026&month=11&tab=units&sort=points&desc=true";

        var response = await api.GetAsync("/api/v1/reports/export.xlsx" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromApi = Herald.Web.Infrastructure.Spreadsheets.XlsxReader.Read(await response.Content.ReadAsByteArrayAsync(),
            new Herald.Web.Infrastructure.Spreadsheets.XlsxLimits(10_000_000, 100, 200, 1000));
        var fromPage = Herald.Web.Infrastructure.Spreadsheets.XlsxReader.Read(await page.Client.GetByteArrayAsync("/reports/export.xlsx" + query),
            new Herald.Web.Infrastructure.Spreadsheets.XlsxLimits(10_000_000, 100, 200, 1000));
        fromApi.Select(s => (s.Name, s.Rows.Count)).ShouldBe(fromPage.Select(s => (s.Name, s.Rows.Count)));
        fromApi.SelectMany(s => s.Rows.SelectMany(r => r.Cells.Values)).ShouldBe(fromPage.SelectMany(s => s.Rows.SelectMany(r => r.Cells.Values)));
    }

    [Fact]
    public async Task Export_BadPeriod_Chinese400_UnitOutsideScope_404()
    {
        using var head = await factory.ApiClientAsync("head");

        var badMonth = await head.GetAsync("/api/v1/reports/export.xlsx?period=month&month=13");
        var outside = await head.GetAsync($"/api/v1/reports/export.xlsx?rootUnitId={await factory.UnitIdAsync("示例县科学技术局")}");

        await badMonth.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Report.MonthRange");
        await outside.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }
}
