using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情详情页的渲染（正常显示，或某个表单出错后展开该表单、填回输入并附中文说明）。</summary>
public sealed class CaseDetailRenderer(GetCase get, Plans plans, ResponseRoute routes, CurrentUser current, Messages messages)
{
    public async Task<IResult> RenderAsync(long id, string? notice, CancellationToken ct) =>
        await RenderAsync(await get.HandleAsync(id, ct), notice, null, null, new Dictionary<string, string?>(), StatusCodes.Status200OK, ct);

    public async Task<IResult> ErrorAsync(long id, string form, FormFailure failure, IReadOnlyDictionary<string, string?> values, CancellationToken ct) =>
        await RenderAsync(await get.HandleAsync(id, ct), null, form, failure.Message, values, failure.Status, ct);

    private async Task<IResult> RenderAsync(CaseDetail detail, string? notice, string? form, string? error, IReadOnlyDictionary<string, string?> values,
        int status, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        var planList = detail.Permissions.CanActivatePlan ? (await plans.ListAsync(ct)).Where(p => !p.Disabled).ToList() : [];
        // 重大舆情：交办下拉里标出回应找不到审核人的单位（选择之前就知道）。
        var notes = new Dictionary<long, string>();
        if (detail.Permissions.CanAssign && detail.ResponseNeedsApproval)
        {
            foreach (var unitId in scope.OfficeUnits)
            {
                var missing = routes.MissingApprovers(me.Tree, unitId);
                if (missing.Count > 0) notes[unitId] = string.Format(messages["OpinionAssign.MissingNote"], messages.Roles(missing));
            }
        }
        return Pages.Render(new CaseDetailPageModel
        {
            D = detail,
            Tree = me.Tree,
            AssignUnits = scope.OfficeUnits,
            AssignNotes = (IReadOnlyDictionary<long, string>)notes,
            Plans = (IReadOnlyList<PlanDto>)planList,
            Notice = notice,
            Form = form,
            Error = error,
            Values = values,
        }, status);
    }
}

/// <summary>舆情处置的网页：列表、立案、详情及其各项表单（与 API 共用处理器）。</summary>
public static class CasePages
{
    public static void MapCasePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/opinion/cases", async ([AsParameters] CaseQuery query, string? notice, HttpContext http, ListCases list, CurrentUser current) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var scope = CaseScope.Of(me);
            var units = scope.Wide.Concat(scope.Units).ToHashSet();
            return Pages.Render(new CaseListPageModel
            {
                Query = query,
                Result = await list.HandleAsync(query, http.RequestAborted),
                Sort = ListCases.SortOf(query),
                Tree = me.Tree,
                Units = (IReadOnlySet<long>)units,
                IsOffice = scope.OfficeUnits.Count > 0,
                Notice = notice,
            });
        });

        pages.MapGet("/opinion/cases/export.xlsx", ExportAsync);

        // 舆情信息页选中后跳到这里：?items=1,2 或 ?items=1&items=2。
        pages.MapGet("/opinion/cases/new", async (HttpContext http, OpenCase open, CurrentUser current) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var selection = await open.SelectAsync(ParseIds(string.Join(',', http.Request.Query["items"].ToArray())), http.RequestAborted);
            return Pages.Render(new CaseFormPageModel { Selection = selection, Tree = me.Tree });
        });

        pages.MapPost("/opinion/cases/new", async (HttpContext http, OpenCase open, CurrentUser current) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var values = await FormPost.ValuesAsync(http);
            var ids = form["itemIds"].Select(v => long.TryParse(v, out var x) ? x : 0).Where(x => x > 0).ToList();
            return await FormPost.RunAsync(http, async () =>
                {
                    var detail = await open.HandleAsync(new OpenCaseRequest(FormPost.Get(values, "title"), FormPost.Get(values, "summary"), FormPost.Get(values, "category"),
                        FormPost.Get(values, "severity"), FormPost.Get(values, "sentiment"), ids, CaseForms.Long(values, "ownerUnitId"), FormPost.Get(values, "superiorOffice"),
                        FormPost.Get(values, "superiorReference"), FormPost.Get(values, "superiorDueAt")), http.RequestAborted);
                    return $"/opinion/cases/{detail.Id}?notice=opened";
                },
                async failure =>
                {
                    var me = await current.GetAsync(http.RequestAborted);
                    var selection = await open.SelectAsync(ids, http.RequestAborted);
                    return Pages.Render(new CaseFormPageModel { Selection = selection, Tree = me.Tree, Values = values, Error = failure.Message },
                        failure.Status);
                });
        });

        pages.MapGet("/opinion/cases/{id:long}", (long id, string? notice, HttpContext http, CaseDetailRenderer render) =>
            render.RenderAsync(id, notice, http.RequestAborted));

        pages.MapPost("/opinion/cases/{id:long}/assign", (long id, HttpContext http, AssignCase assign, CaseDetailRenderer render) =>
            ActAsync(id, "assign", "assigned", http, render, v => assign.HandleAsync(id,
                new AssignRequest(CaseForms.Long(v, "unitId"), FormPost.Get(v, "instructions"), FormPost.Get(v, "dueAt"), CaseForms.Int(v, "revision")), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/severity", (long id, HttpContext http, ChangeSeverity change, CaseDetailRenderer render) =>
            ActAsync(id, "severity", "severity", http, render, v => change.HandleAsync(id, new SeverityRequest(FormPost.Get(v, "severity"), FormPost.Get(v, "reason")),
                http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/plans", (long id, HttpContext http, ActivatePlan activate, CaseDetailRenderer render) =>
            ActAsync(id, "plan", "plan", http, render, v => activate.HandleAsync(id,
                CaseForms.Long(v, "planId") ?? throw AppException.Invalid("planId", "Required"), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/interviews", (long id, HttpContext http, RecordInterview record, CaseDetailRenderer render) =>
            ActAsync(id, "interview", "interview", http, render, v => record.HandleAsync(id, new InterviewRequest(FormPost.Get(v, "interviewee"),
                FormPost.Get(v, "interviewedAt"), FormPost.Get(v, "interviewer"), FormPost.Get(v, "outcome")), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/close", (long id, HttpContext http, CloseCase close, CaseDetailRenderer render) =>
            ActAsync(id, "close", "closed", http, render, v => NamedAsCloseSummary(() => close.HandleAsync(id,
                new CloseRequest(FormPost.Get(v, "summary"), FormPost.Get(v, "lessons"), CaseForms.Int(v, "revision")), http.RequestAborted))));

        pages.MapPost("/opinion/cases/{id:long}/reopen", (long id, HttpContext http, ReopenCase reopen, CaseDetailRenderer render) =>
            ActAsync(id, "reopen", "reopened", http, render, v => reopen.HandleAsync(id,
                new ReopenRequest(FormPost.Get(v, "reason"), CaseForms.Int(v, "revision")), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/responses", (long id, HttpContext http, RecordResponse record, CaseDetailRenderer render) =>
            ActAsync(id, "response", "response", http, render, async _ =>
            {
                var (request, files) = await CaseForms.ResponseAsync(http);
                return await record.HandleAsync(id, request, files, http.RequestAborted);
            }));

        pages.MapPost("/opinion/cases/{id:long}/disposals", (long id, HttpContext http, RecordDisposal record, CaseDetailRenderer render) =>
            ActAsync(id, "disposal", "disposal", http, render, async _ =>
            {
                var (request, files) = await CaseForms.DisposalAsync(http);
                return await record.HandleAsync(id, request, files, http.RequestAborted);
            }));

        pages.MapPost("/opinion/cases/{id:long}/feedback", (long id, HttpContext http, SubmitFeedback feedback, CaseDetailRenderer render) =>
            ActAsync(id, "feedback", "feedback", http, render, v => feedback.HandleAsync(id,
                new FeedbackRequest(FormPost.Get(v, "report"), CaseForms.Int(v, "revision")), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/responses/{responseId:long}/review", (long id, long responseId, HttpContext http, ReviewResponse review,
                CaseDetailRenderer render) =>
            ActAsync(id, "review-" + responseId, "reviewed", http, render, v => review.HandleAsync(id, responseId,
                new ApprovalRequest(FormPost.Get(v, "decision"), FormPost.Get(v, "comment")), http.RequestAborted)));

        pages.MapPost("/opinion/cases/{id:long}/tasks/{taskId:long}/complete", (long id, long taskId, HttpContext http, CompleteTask complete,
                CaseDetailRenderer render) =>
            ActAsync(id, "task", "task", http, render, v => complete.HandleAsync(id, taskId, FormPost.Get(v, "note"), http.RequestAborted)));
    }

    private static async Task<IResult> ActAsync(long id, string form, string notice, HttpContext http, CaseDetailRenderer render,
        Func<IReadOnlyDictionary<string, string?>, Task<CaseDetail>> action)
    {
        var values = await FormPost.ValuesAsync(http);
        return await FormPost.RunAsync(http, async () =>
            {
                await action(values);
                return $"/opinion/cases/{id}?notice={notice}";
            },
            failure => render.ErrorAsync(id, form, failure, values, http.RequestAborted));
    }

    /// <summary>办结表单的 summary 一栏是"办结情况"，出错时按这个名称说明，不是立案时的"研判摘要"（API 仍报 summary）。</summary>
    private static async Task<CaseDetail> NamedAsCloseSummary(Func<Task<CaseDetail>> close)
    {
        try
        {
            return await close();
        }
        catch (DomainValidationException ex) when (ex.Field == "summary")
        {
            throw new DomainValidationException("closeSummary", ex.Code, ex.Args);
        }
    }

    /// <summary>"1,2,3" → 编号列表（忽略无法识别的部分）。</summary>
    internal static List<long> ParseIds(string? text) =>
        (text ?? "").Split([',', ' ', '，'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    /// <summary>导出舆情列表（页面与 API 共用）：与列表相同的范围、筛选和排序，全部行。</summary>
    public static async Task<IResult> ExportAsync([AsParameters] CaseQuery query, HttpContext http, ListCases list,
        Infrastructure.Localization.Messages messages, Infrastructure.Time.Clock clock) =>
        Common.Tables.ListExport.Xlsx(messages["Export.OpinionCases"], clock.UtcNow, CaseExport.Columns(messages),
            await list.ExportAsync(query, http.RequestAborted));
}
