using Herald.Domain.Common;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Options;
using Herald.Web.Features.Common;
using Herald.Web.Features.OptionLists;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>超时清单、时限规则、应急预案、统计与导出的网页（及统计 API）。</summary>
public static class OfficePages
{
    public static void MapOfficePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/opinion/overdue", async (HttpContext http, ListOverdue list) =>
            Pages.Render(new OverduePageModel { Rows = await list.HandleAsync(http.RequestAborted) }));

        pages.MapGet("/opinion/policy", async (string? notice, HttpContext http, DeadlineRules rules, CurrentUser current) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            return Pages.Render(new PolicyPageModel { Rules = await rules.ListAsync(http.RequestAborted), CanEdit = me.IsOffice, Saved = notice == "saved" });
        });

        pages.MapPost("/opinion/policy", async (HttpContext http, DeadlineRules rules, Messages messages) =>
        {
            var values = await FormPost.ValuesAsync(http);
            var cells = Enum.GetValues<OpinionSeverity>().SelectMany(s => DeadlineKinds.PolicyKinds.Select(k =>
            {
                var key = OpinionCodes.Code(s) + "_" + OpinionCodes.Code(k);
                return new DeadlineRuleInput(OpinionCodes.Code(s), OpinionCodes.Code(k), FormPost.Get(values, "h_" + key), FormPost.Get(values, "b_" + key));
            })).ToList();
            return await FormPost.RunAsync(http, async () =>
                {
                    await rules.SaveAsync(cells, http.RequestAborted);
                    return "/opinion/policy?notice=saved";
                },
                async failure => Pages.Render(new PolicyPageModel { Rules = await rules.ListAsync(http.RequestAborted), CanEdit = true, Values = values,
                    Error = failure.Message }, failure.Status));
        });

        pages.MapGet("/opinion/plans", async (long? edit, string? notice, HttpContext http, PlansPageBuilder page) =>
            await page.RenderAsync(edit, notice, null, null, StatusCodes.Status200OK, http.RequestAborted));

        pages.MapPost("/opinion/plans", (HttpContext http, Plans plans, PlansPageBuilder page, Messages messages) =>
            SavePlanAsync(null, http, plans, page, messages));

        pages.MapPost("/opinion/plans/{id:long}", (long id, HttpContext http, Plans plans, PlansPageBuilder page, Messages messages) =>
            SavePlanAsync(id, http, plans, page, messages));

        pages.MapPost("/opinion/plans/{id:long}/disable", async (long id, HttpContext http, Plans plans) =>
        {
            await plans.SetDisabledAsync(id, true, http.RequestAborted);
            return Results.LocalRedirect("/opinion/plans?notice=plan-disabled");
        });

        pages.MapPost("/opinion/plans/{id:long}/enable", async (long id, HttpContext http, Plans plans) =>
        {
            await plans.SetDisabledAsync(id, false, http.RequestAborted);
            return Results.LocalRedirect("/opinion/plans?notice=plan-enabled");
        });

        pages.MapGet("/opinion/stats", async (string? period, string? date, string? from, string? to, HttpContext http, CaseStats stats, Clock clock,
            Messages messages) =>
        {
            var today = ChinaTime.DateOf(clock.UtcNow);
            try
            {
                var p = CaseStats.PeriodOf(period, date, from, to, today);
                return Pages.Render(new StatsPageModel { S = await stats.HandleAsync(p, http.RequestAborted), Today = today });
            }
            catch (AppException ex) when (ex.Kind == ProblemKind.Validation)
            {
                return Pages.Render(new StatsPageModel { S = await stats.HandleAsync(ReportPeriod.Month(today.Year, today.Month), http.RequestAborted),
                    Today = today, Error = messages.DescribeWithField(ex) }, StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/opinion/stats.xlsx", ExportAsync);
        pages.MapGet("/opinion/report.docx", ReportAsync);
    }

    public static void MapStatsApi(this RouteGroupBuilder api)
    {
        var opinion = api.MapGroup("/opinion").WithTags("舆情处置");
        opinion.MapGet("/stats", async Task<Ok<CaseStatsView>> (string? period, string? date, string? from, string? to, HttpContext http, CaseStats stats,
                Clock clock) =>
                TypedResults.Ok(await stats.HandleAsync(CaseStats.PeriodOf(period, date, from, to, ChinaTime.DateOf(clock.UtcNow)), http.RequestAborted)))
            .WithSummary("舆情统计：按等级、按责任单位，首次响应用时中位数，各时限规则按时率，超时单位")
            .WithDescription("period=week|month 与 date（yyyy-MM-dd）取所在的周（周一至周日）或月；或 from/to（yyyy-MM-dd，含首尾）；缺省为本月。统计时期内立案、调用者可见的舆情。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        opinion.MapGet("/stats.xlsx", ExportAsync).WithSummary("舆情统计导出 Excel（参数同 /opinion/stats）").Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType);
        opinion.MapGet("/report.docx", ReportAsync).WithSummary("舆情报告（Word）：period=week 周报，period=month 月报；date 为所在日期，缺省为上一个已结束的周（周一至周日）或月")
            .Produces(StatusCodes.Status200OK, contentType: OpinionReportDocument.ContentType);
    }

    private static async Task<IResult> ExportAsync(string? period, string? date, string? from, string? to, HttpContext http, CaseStats stats, Clock clock,
        Messages messages)
    {
        var s = await stats.HandleAsync(CaseStats.PeriodOf(period, date, from, to, ChinaTime.DateOf(clock.UtcNow)), http.RequestAborted);
        var name = $"{messages["OpinionStats.Title"]}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}.xlsx";
        return Results.File(StatsWorkbook.Build(s, messages), XlsxWriter.ContentType, name);
    }

    private static async Task<IResult> ReportAsync(string? period, string? date, HttpContext http, CaseStats stats, Clock clock, Messages messages)
    {
        var kind = string.IsNullOrWhiteSpace(period) ? "month" : period.Trim().ToLowerInvariant();
        var today = ChinaTime.DateOf(clock.UtcNow);
        if (kind is not ("week" or "month")) throw AppException.Invalid("period", "Publishing.UnknownCode", kind, "week|month");
        var s = await stats.HandleAsync(CaseStats.ReportPeriodOf(kind, date, today), http.RequestAborted);
        var weekly = kind == "week";
        var name = (weekly ? messages["OpinionStats.Weekly"] : messages["OpinionStats.Monthly"]) + $"-{s.From:yyyyMMdd}.docx";
        return Results.File(OpinionReportDocument.Build(s, weekly, messages, today), OpinionReportDocument.ContentType, name);
    }

    private static async Task<IResult> SavePlanAsync(long? id, HttpContext http, Plans plans, PlansPageBuilder page, Messages messages)
    {
        var values = await FormPost.ValuesAsync(http);
        return await FormPost.RunAsync(http, async () =>
            {
                var steps = new List<PlanStepRequest>();
                for (var i = 1; i <= 60 && values.ContainsKey($"steps[{i}].title"); i++)
                {
                    var prefix = $"steps[{i}].";
                    steps.Add(new PlanStepRequest(FormPost.Get(values, prefix + "title"), FormPost.Get(values, prefix + "owner"),
                        CaseForms.Long(values, prefix + "unit"), await page.UserIdAsync(FormPost.Get(values, prefix + "user"), i, http.RequestAborted),
                        FormPost.Get(values, prefix + "hours")));
                }
                await plans.SaveAsync(id, new PlanRequest(FormPost.Get(values, "name"), FormPost.Get(values, "category"), FormPost.Get(values, "severity"),
                    FormPost.Get(values, "description"), steps, CaseForms.Int(values, "revision")), http.RequestAborted);
                return "/opinion/plans?notice=plan-saved";
            },
            async failure => await page.RenderAsync(id, null, values, failure.Message, failure.Status, http.RequestAborted));
    }
}

/// <summary>应急预案页的数据：全部预案、正在编辑的预案、单位范围、步骤负责人的账号名。</summary>
public sealed class PlansPageBuilder(Plans plans, CurrentUser current, HeraldDbContext db, OptionChoices choices)
{
    public async Task<IResult> RenderAsync(long? edit, string? notice, IReadOnlyDictionary<string, string?>? values, string? error, int status,
        CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var items = await plans.ListAsync(ct);
        var userIds = items.SelectMany(p => p.Steps).Where(s => s.UserId is not null).Select(s => s.UserId!.Value).Distinct().ToArray();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        return Pages.Render(new PlansPageModel
        {
            Items = items,
            Categories = await choices.ActiveAsync(OptionListKeys.CaseCategory, ct),
            Editing = edit is { } id ? items.FirstOrDefault(p => p.Id == id) : null,
            CanEdit = me.IsOffice,
            Tree = me.Tree,
            Units = CaseScope.Of(me).OfficeUnits,
            UserNames = (IReadOnlyDictionary<long, string>)userNames,
            Notice = notice,
            Error = error,
            Values = values ?? new Dictionary<string, string?>(),
        }, status);
    }

    /// <summary>按账号名找人（预案步骤"指定人员"）；空为无，找不到报错。</summary>
    public async Task<long?> UserIdAsync(string? userName, int index, CancellationToken ct)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name)) return null;
        var id = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        return id ?? throw AppException.Invalid($"steps[{index}]", "OpinionPlan.UnknownUser", name);
    }
}
