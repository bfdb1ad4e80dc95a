using System.Text.Json;
using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Features.Scoring;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Herald.Web.Features.Reports;

public static class ReportEndpoints
{
    public static void MapReportPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/reports", async ([AsParameters] ReportQuery query, HttpContext http, BuildPeriodReport build, CurrentUser current,
            Clock clock, Messages messages) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            me.Require(UnitScope.Manuscripts(me).Count > 0);
            var today = ChinaTime.DateOf(clock.UtcNow);
            try
            {
                var period = query.Resolve(today);
                query.Normalize(period);
                var report = await build.HandleAsync(period, query.RootUnitId, http.RequestAborted);
                return Pages.Render(new ReportsPageModel
                {
                    Query = query,
                    Report = report,
                    Tree = me.Tree,
                    Visible = UnitScope.Manuscripts(me),
                    CanReadRules = ScoringAccess.CanRead(me),
                    Today = today,
                });
            }
            catch (AppException ex) when (ex.Kind == ProblemKind.Validation)
            {
                return Pages.Render(new ReportsPageModel
                {
                    Query = query,
                    Tree = me.Tree,
                    Visible = UnitScope.Manuscripts(me),
                    CanReadRules = ScoringAccess.CanRead(me),
                    Today = today,
                    Error = messages.DescribeWithField(ex),
                }, StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/reports/export.xlsx", ExportAsync);

        pages.MapGet("/reports/units/{unitId:long}/points", async (long unitId, string? from, string? to, HttpContext http, GetPointsDetail get,
            Clock clock) =>
        {
            var period = ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow));
            return Pages.Render(new PointsPageModel { Detail = await get.ForUnitAsync(unitId, period, http.RequestAborted) });
        });

        pages.MapGet("/reports/correspondents/{userId:long}/points", async (long userId, string? from, string? to, HttpContext http,
            GetPointsDetail get, Clock clock) =>
        {
            var period = ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow));
            return Pages.Render(new PointsPageModel { Detail = await get.ForCorrespondentAsync(userId, period, http.RequestAborted) });
        });
    }

    public static void MapReportApi(this RouteGroupBuilder api)
    {
        const string periodHelp = "from、to 为北京时间日期 yyyy-MM-dd（含首尾两天，最长 3 年），都不给时为本季度；rootUnitId 为统计的单位子树（缺省为调用者可见的全部单位）。" +
                                  "范围与稿件可见范围相同：宣传办、主要负责人、领导（查看）看所辖全部，分管领导看所分管的，单位负责人、信息员看本单位；看不到的单位 404。";

        api.MapGet("/reports/export.xlsx", ExportAsync)
            .WithSummary("导出统计表（Excel：单位与作者两张表，与统计页看到的一致）")
            .WithDescription("参数同统计页：period（month|quarter|year|custom）与 year、month、quarter，或 from、to（yyyy-MM-dd）；rootUnitId；" +
                             "tab（units|people）、sort、desc、filter 决定行的顺序与筛选。缺省为本季度、调用者可见的全部单位；看不到的单位 404。")
            .Produces(StatusCodes.Status200OK, contentType: ReportWorkbook.ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapGet("/reports/units", async Task<Ok<UnitReportResponse>> (string? from, string? to, long? rootUnitId, HttpContext http,
                BuildPeriodReport build, Clock clock) =>
            {
                var report = await build.HandleAsync(ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow)), rootUnitId, http.RequestAborted);
                return TypedResults.Ok(new UnitReportResponse(report.From, report.To, report.RootUnitId, report.RootName, report.Totals, report.Units,
                    report.Trend ?? []));
            })
            .WithSummary("单位统计：投稿、审定、发布、用稿（按级别）、批示、上稿率、积分、任务完成、迟报、漏报、名次")
            .WithDescription(periodHelp + " adoptionRate 为 0–1（用稿篇数 ÷ 投稿篇数）；quotaMet 为 null 表示该单位本期不考核报送任务。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapGet("/reports/units/{unitId:long}/points", async Task<Ok<PointsDetail>> (long unitId, string? from, string? to, HttpContext http,
                GetPointsDetail get, Clock clock) =>
                TypedResults.Ok(await get.ForUnitAsync(unitId, ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow)), http.RequestAborted)))
            .WithSummary("单位积分明细：每一条得分与扣分（合计等于单位统计中的积分）")
            .WithDescription(periodHelp)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapGet("/reports/correspondents", async Task<Ok<CorrespondentReportResponse>> (string? from, string? to, long? rootUnitId,
                HttpContext http, BuildPeriodReport build, Clock clock) =>
            {
                var report = await build.HandleAsync(ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow)), rootUnitId, http.RequestAborted);
                return TypedResults.Ok(new CorrespondentReportResponse(report.From, report.To, report.RootUnitId, report.RootName, report.Correspondents));
            })
            .WithSummary("信息员（作者）统计：投稿、审定、发布、用稿、批示、上稿率、积分、迟报、名次")
            .WithDescription(periodHelp + " 作者积分不含单位层面的上限削减和漏报扣分。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapGet("/reports/correspondents/{userId:long}/points", async Task<Ok<PointsDetail>> (long userId, string? from, string? to,
                HttpContext http, GetPointsDetail get, Clock clock) =>
                TypedResults.Ok(await get.ForCorrespondentAsync(userId, ReportPeriod.Parse(from, to, ChinaTime.DateOf(clock.UtcNow)), http.RequestAborted)))
            .WithSummary("作者积分明细（只含调用者可见单位的稿件）")
            .WithDescription(periodHelp)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ReportQuery query, HttpContext http, BuildPeriodReport build, Clock clock,
        IStringLocalizer<Text> L)
    {
        var period = query.Resolve(ChinaTime.DateOf(clock.UtcNow));
        var report = await build.HandleAsync(period, query.RootUnitId, http.RequestAborted);
        var units = ReportTable.Units(report.Units, query.Sort, query.IsDesc, query.PeopleTab ? null : query.Filter);
        var people = ReportTable.People(report.Correspondents, query.PeopleTab ? query.Sort : null, query.PeopleTab && query.IsDesc,
            query.PeopleTab ? query.Filter : null);
        return Results.File(ReportWorkbook.Build(report, units, people, L), ReportWorkbook.ContentType, ReportWorkbook.FileName(report));
    }

    /// <summary>图表数据（放在页面 #report-chart-data 的 data-json 属性里，由 /js/reports.js 交给 ECharts）。</summary>
    public static string ChartJson(PeriodReport report, IStringLocalizer L)
    {
        var trend = report.Trend ?? [];
        var data = new
        {
            months = trend.Select(t => $"{t.Month.Year}-{t.Month.Month:00}").ToArray(),
            submitted = trend.Select(t => t.Submitted).ToArray(),
            adopted = trend.Select(t => t.Adopted).ToArray(),
            points = trend.Select(t => t.Points).ToArray(),
            levels = ScoringCodes.Levels.Select(l => new { name = L[ScoringCodes.LevelKey(l)].Value, value = LevelCount(report.Totals, l) }).ToArray(),
            labels = new
            {
                submitted = L["Reports.Col.Submitted"].Value,
                adopted = L["Reports.Col.Adopted"].Value,
                points = L["Reports.Col.Points"].Value,
                trend = L["Reports.Chart.Trend"].Value,
                levels = L["Reports.Chart.Levels"].Value,
            },
        };
        return JsonSerializer.Serialize(data);
    }

    private static int LevelCount(ReportTotals totals, Domain.Publishing.MediaLevel level) => level switch
    {
        Domain.Publishing.MediaLevel.Central => totals.AdoptedCentral,
        Domain.Publishing.MediaLevel.Provincial => totals.AdoptedProvincial,
        Domain.Publishing.MediaLevel.Municipal => totals.AdoptedMunicipal,
        Domain.Publishing.MediaLevel.County => totals.AdoptedCounty,
        _ => totals.AdoptedInternal,
    };
}
