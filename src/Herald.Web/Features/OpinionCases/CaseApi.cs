using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置 API（/api/v1/opinion/...）。与页面共用同一组处理器。</summary>
public static class CaseApi
{
    private const string Codes = "等级 severity：general（一般/Ⅳ/蓝）|significant（较大/Ⅲ/黄）|major（重大/Ⅱ/橙）|critical（特别重大/Ⅰ/红）；" +
                                 "状态 status：open（待交办）|assigned（已交办）|handling（处置中）|fed_back（已反馈）|closed（已办结）。";

    public static void MapCaseApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/opinion/cases").WithTags("舆情处置");
        // 对某件舆情的操作：错误响应相同（400/403/404/409），在组上声明一次。
        var commands = cases.MapGroup("/{id:long}").ProducesCommandProblems();

        cases.MapGet("", async Task<Ok<PagedResult<CaseListItem>>> ([AsParameters] CaseQuery query, HttpContext http, ListCases list) =>
                TypedResults.Ok(await list.HandleAsync(query, http.RequestAborted)))
            .WithSummary("舆情列表（分页；只含调用者可见的）")
            .WithDescription("status、severity 见下；unitId：责任单位（含下级）；overdue=true 只看有超时未满足时限的；q：标题关键词；from/to：立案日期 yyyy-MM-dd；" +
                             "page、pageSize（≤100）；sort：priority（默认：未办结的在前，等级高的在前）|openedAt|severity|title|unit|status，dir：asc|desc。" +
                             "nextClock 为最早到期的一项时限。" + Codes)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        cases.MapGet("/export.xlsx", CasePages.ExportAsync)
            .WithSummary("导出舆情列表（Excel）：与列表相同的范围、筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/opinion/cases（不分页）。等级、状态、时限为中文名称，北京时间。流式写出，超过 500000 行 400 Export.TooManyRows。")
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        cases.MapGet("/{id:long}", async Task<Ok<CaseDetail>> (long id, HttpContext http, GetCase get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("舆情详情：信息、时限、交办、回应与审核、处置、反馈、任务、约谈、处置记录")
            .WithDescription("clocks：各项时限（state：running|overdue|met|met_late|stopped|missed；remainingMinutes 为负即已超时）。" +
                             "宣传办、主要负责人、领导看所辖单位的全部舆情；单位只看交办给本单位的；分管领导看其分管单位的；看不到的 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("", async Task<Created<CaseDetail>> (OpenCaseRequest request, HttpContext http, OpenCase open) =>
            {
                var detail = await open.HandleAsync(request, http.RequestAborted);
                return TypedResults.Created($"/api/v1/opinion/cases/{detail.Id}", detail);
            })
            .WithSummary("立案研判（宣传办）")
            .WithDescription("{\"itemIds\":[1,2],\"title\":\"…\",\"summary\":\"研判摘要\",\"category\":\"公共服务\",\"severity\":\"major\",\"sentiment\":\"negative|neutral|positive\"," +
                             "\"ownerUnitId\":n（可选，缺省为宣传办所在单位）,\"superiorOffice\":\"县委网信办\",\"superiorReference\":\"文号\",\"superiorDueAt\":\"2026-11-21T17:00\"（上级交办时三项必填）}。" +
                             "时限按当时的规则算出：重大、特别重大 5 小时发布权威信息、24 小时举行新闻发布会，其他 48 小时回应，另有内部首次响应目标。" +
                             "suggestedSeverity/suggestedScore 为按关键词权重与扩散算出的建议等级。一条信息至多属于一件未办结的舆情（409）。" + Codes)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        commands.MapPost("/assign", async Task<Ok<CaseDetail>> (long id, AssignRequest request, HttpContext http, AssignCase assign) =>
                TypedResults.Ok(await assign.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("交办（或改派）责任单位（宣传办）")
            .WithDescription("{\"unitId\":n,\"instructions\":\"交办要求\",\"dueAt\":\"2026-11-21T12:00\"（可选，不带时区按北京时间）,\"revision\":n（可选）}。" +
                             "单位须在宣传办所辖范围内且在用；已反馈、已办结的不能交办；同一单位重复交办 409。责任单位的人员收到通知。");

        commands.MapPost("/responses", async Task<Created<CaseDetail>> (long id, HttpContext http, RecordResponse record) =>
            {
                var (request, files) = await CaseForms.ResponseAsync(http);
                var detail = await record.HandleAsync(id, request, files, http.RequestAborted);
                return TypedResults.Created($"/api/v1/opinion/cases/{id}", detail);
            })
            .Accepts<ResponseRequest>("application/json", "multipart/form-data")
            .WithSummary("登记回应（责任单位或宣传办）")
            .WithDescription("JSON {\"kind\":\"statement|press_conference\",\"statement\":\"回应内容\",\"link\":\"https://…\",\"revision\":n}，" +
                             "或 multipart/form-data（字段相同，另可带 files：JPEG/PNG/PDF，按内容判断类型，至多 9 个）。" +
                             "重大、特别重大舆情的回应须按 major 路线（单位负责人 → 分管领导 → 主要负责人）审核后发布（status=pending_approval），其余登记即发布（released）。")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        commands.MapPost("/responses/{responseId:long}/review", async Task<Ok<CaseDetail>> (long id, long responseId, ApprovalRequest request,
                HttpContext http, ReviewResponse review) =>
                TypedResults.Ok(await review.HandleAsync(id, responseId, request, http.RequestAborted)))
            .WithSummary("审核重大舆情的回应：approve 通过 / return 退回")
            .WithDescription("{\"decision\":\"approve|return\",\"comment\":\"…\"}。退回须填写 comment。只有当前步骤的审核人可以操作（否则 403）；最后一级通过即发布。");

        commands.MapPost("/disposals", async Task<Created<CaseDetail>> (long id, HttpContext http, RecordDisposal record) =>
            {
                var (request, files) = await CaseForms.DisposalAsync(http);
                return TypedResults.Created($"/api/v1/opinion/cases/{id}", await record.HandleAsync(id, request, files, http.RequestAborted));
            })
            .Accepts<DisposalRequest>("application/json", "multipart/form-data")
            .WithSummary("登记处置措施（责任单位或宣传办）")
            .WithDescription("JSON {\"description\":\"…\",\"takenAt\":\"2026-11-20T15:00\"（可选，缺省为现在）,\"revision\":n}，或 multipart/form-data（另可带 files）。")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        commands.MapPost("/feedback", async Task<Ok<CaseDetail>> (long id, FeedbackRequest request, HttpContext http, SubmitFeedback feedback) =>
                TypedResults.Ok(await feedback.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("反馈办理情况（责任单位或宣传办）")
            .WithDescription("{\"report\":\"…\",\"revision\":n}。处置中的舆情才能反馈；有回应在审核中时不能反馈。上级交办的舆情办结前必须反馈。");

        commands.MapPost("/close", async Task<Ok<CaseDetail>> (long id, CloseRequest request, HttpContext http, CloseCase close) =>
                TypedResults.Ok(await close.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("办结（宣传办）")
            .WithDescription("{\"summary\":\"办结情况\",\"lessons\":\"经验教训\",\"revision\":n}，两项必填。已反馈的可以办结；处置中的只有非上级交办的可以办结；有回应在审核中时不能办结。");

        commands.MapPost("/reopen", async Task<Ok<CaseDetail>> (long id, ReopenRequest request, HttpContext http, ReopenCase reopen) =>
                TypedResults.Ok(await reopen.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("重新打开已办结的舆情（宣传办）")
            .WithDescription("{\"reason\":\"…\",\"revision\":n}，理由必填。回到处置中；上级交办的须重新反馈。");

        commands.MapPost("/severity", async Task<Ok<CaseDetail>> (long id, SeverityRequest request, HttpContext http, ChangeSeverity change) =>
                TypedResults.Ok(await change.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("调整等级（宣传办）")
            .WithDescription("{\"severity\":\"critical\",\"reason\":\"…\"}。未满足的规则时限停止计时，按新等级从现在起算；已满足的保留。" + Codes);

        commands.MapPost("/plans/{planId:long}", async Task<Ok<CaseDetail>> (long id, long planId, HttpContext http, ActivatePlan activate) =>
                TypedResults.Ok(await activate.HandleAsync(id, planId, http.RequestAborted)))
            .WithSummary("启动应急预案（宣传办）：清单逐项生成任务");

        commands.MapPost("/tasks/{taskId:long}/complete", async Task<Ok<CaseDetail>> (long id, long taskId, CompleteTaskRequest request,
                HttpContext http, CompleteTask complete) =>
                TypedResults.Ok(await complete.HandleAsync(id, taskId, request.Note, http.RequestAborted)))
            .WithSummary("完成预案任务（负责人、负责单位的人员或宣传办）");

        commands.MapPost("/interviews", async Task<Ok<CaseDetail>> (long id, InterviewRequest request, HttpContext http, RecordInterview record) =>
                TypedResults.Ok(await record.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("登记约谈问责（宣传办；只对有超时时限的舆情）")
            .WithDescription("{\"interviewee\":\"被约谈人 职务\",\"interviewedAt\":\"2026-11-20T16:00\",\"interviewer\":\"约谈人 职务\",\"outcome\":\"结果\"}。");

        var opinion = api.MapGroup("/opinion").WithTags("舆情处置");
        opinion.MapGet("/deadline-rules", async Task<Ok<IReadOnlyList<DeadlineRuleDto>>> (HttpContext http, DeadlineRules rules) =>
                TypedResults.Ok(await rules.ListAsync(http.RequestAborted)))
            .WithSummary("时限规则表（等级 × 种类；minutes 为空即不设此项）");

        opinion.MapGet("/plans", async Task<Ok<IReadOnlyList<PlanDto>>> (HttpContext http, Plans plans) =>
                TypedResults.Ok(await plans.ListAsync(http.RequestAborted)))
            .WithSummary("应急预案模板（类别、等级、清单）");

        opinion.MapPut("/deadline-rules", async Task<Ok<IReadOnlyList<DeadlineRuleDto>>> (DeadlineRuleInput[] cells, HttpContext http, DeadlineRules rules) =>
                TypedResults.Ok(await rules.SaveAsync(cells, http.RequestAborted)))
            .WithSummary("修改时限规则（宣传办）")
            .WithDescription("[{\"severity\":\"major\",\"kind\":\"first_response\",\"hours\":1,\"basis\":\"…\"}]：只改给出的格；hours 可带小数，为空即取消这一项。" +
                             "修改只影响此后立案或调整等级的舆情。返回整张表。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        opinion.MapPost("/plans", async Task<Created<PlanDto>> (PlanRequest request, HttpContext http, Plans plans) =>
            {
                var plan = await plans.SaveAsync(null, request, http.RequestAborted);
                return TypedResults.Created("/api/v1/opinion/plans", plan);
            })
            .WithSummary("新建应急预案模板（宣传办）")
            .WithDescription("{\"name\":\"…\",\"category\":\"…\",\"severity\":\"major\",\"description\":\"…\",\"steps\":[{\"title\":\"…\",\"owner\":\"responsible_unit|office|unit|user\",\"unitId\":n,\"userId\":n,\"hours\":2}]}。名称不能重复（400）。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        opinion.MapPut("/plans/{id:long}", async Task<Ok<PlanDto>> (long id, PlanRequest request, HttpContext http, Plans plans) =>
                TypedResults.Ok(await plans.SaveAsync(id, request, http.RequestAborted)))
            .WithSummary("修改应急预案模板（宣传办；整体替换，已生成的任务不受影响）")
            .WithDescription("字段同新建；revision 与当前不符时 409。")
            .ProducesCommandProblems();

        opinion.MapPost("/plans/{id:long}/disable", (long id, HttpContext http, Plans plans) => SetPlanDisabledAsync(id, true, http, plans))
            .WithSummary("停用应急预案（不能再启动，已生成的任务不受影响；宣传办）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        opinion.MapPost("/plans/{id:long}/enable", (long id, HttpContext http, Plans plans) => SetPlanDisabledAsync(id, false, http, plans))
            .WithSummary("重新启用应急预案（宣传办）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PlanDto>> SetPlanDisabledAsync(long id, bool disabled, HttpContext http, Plans plans)
    {
        await plans.SetDisabledAsync(id, disabled, http.RequestAborted);
        return TypedResults.Ok((await plans.ListAsync(http.RequestAborted)).First(p => p.Id == id));
    }

    /// <summary>附件下载：范围同舆情（看不到的 404）。网页与 API 令牌都可用。</summary>
    public static void MapCaseFiles(this RouteGroupBuilder group)
    {
        group.MapGet("/opinion/cases/{id:long}/files/{fileId:long}", async (long id, long fileId, HttpContext http, CaseStore store, FileStore files) =>
        {
            var (_, _, c) = await store.LoadAsync(id, http.RequestAborted);
            var file = c.Responses.SelectMany(r => r.Attachments).Concat(c.Disposals.SelectMany(d => d.Attachments)).FirstOrDefault(a => a.Id == fileId)
                       ?? throw Infrastructure.Web.AppException.NotFound();
            return Results.Stream(files.OpenRead(file.FileHash), file.ContentType, file.ContentType == "application/pdf" ? file.FileName : null);
        }).WithSummary("下载回应或处置的附件");
    }
}

public sealed record CompleteTaskRequest(string? Note);
