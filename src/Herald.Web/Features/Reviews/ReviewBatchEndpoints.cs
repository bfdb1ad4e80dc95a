using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Batches;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Reviews;

/// <summary>待我审核的数据表：导出 Excel，勾选几篇以同一个决定和意见一起审核（逐篇检查、逐篇报告）。</summary>
public static class ReviewBatchEndpoints
{
    /// <summary>批量审核可用的决定：与单篇审核相同。</summary>
    public static readonly string[] Decisions = ["approve", "return", "reject"];

    public static void MapReviewBatchPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/reviews/export.xlsx", ExportAsync);

        // 表单：ids（勾选的，可多个）、decision、comment，每行的 revision-{id}（看到的版本），returnUrl。
        pages.MapPost("/reviews/batch", async (HttpContext http, Batch batch, Messages messages) =>
        {
            var values = await FormPost.ValuesAsync(http);
            var ids = await Batch.FormIdsAsync(http);
            var revisions = new Dictionary<long, int>();
            foreach (var id in ids)
                if (int.TryParse(FormPost.Get(values, $"revision-{id}"), out var revision)) revisions[id] = revision;
            var request = new ReviewBatchRequest(ids, FormPost.Get(values, "decision"), FormPost.Get(values, "comment"), revisions);
            var results = await ReviewBatchAsync(batch, request, http.RequestAborted);
            return Pages.Render(new BatchResultModel(messages["Inbox.BatchTitle." + request.Decision!.Trim().ToLowerInvariant()], results,
                code => StatusText(messages, code), Pages.SafeLocal(FormPost.Get(values, "returnUrl"), "/reviews")));
        });
    }

    public static void MapReviewBatchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reviews/inbox/export.xlsx", ExportAsync)
            .WithSummary("导出待我审核（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/reviews/inbox（q、unitId、step、from、to、sort、dir；不分页）。只含轮到调用者审核的稿件。" +
                             "流式写出，超过 500000 行 400 Export.TooManyRows。文件名如 待我审核-2026年12月7日.xlsx。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/reviews/batch", async Task<Ok<IReadOnlyList<BatchItemResult>>> (ReviewBatchRequest request, HttpContext http, Batch batch) =>
                TypedResults.Ok(await ReviewBatchAsync(batch, request, http.RequestAborted)))
            .WithSummary("批量审核：以同一个决定和意见审核几篇稿件，逐篇检查、逐篇报告")
            .WithDescription("{\"ids\":[…],\"decision\":\"approve|return|reject\",\"comment\":\"…\",\"revisions\":{\"12\":3}}（ids 1–100 个，重复的只算一次；" +
                             "revisions 可选，为各篇看到时的版本号）。每篇与单篇审核（POST /api/v1/manuscripts/{id}/review）走同一个处理器、各自一个事务：" +
                             "不是当前步骤的审核人、版本已变（Manuscript.StaleReview）、已不在审核中（Review.NotInReview）、" +
                             "含阻断类敏感词（Review.SensitiveBlocked，批量里不能放行，须逐篇审核）、退回或不予采用没写意见，都只影响那一篇。" +
                             "结果按 ids 的顺序：[{\"id\":n,\"status\":\"in_review|approved|returned|rejected\",\"title\":\"…\"} 或 " +
                             "{\"id\":n,\"error\":\"中文说明\",\"code\":\"Review.NotReviewer\"}]，status 为稿件的新状态；看不到的稿件为 NotFound，不透露标题。" +
                             "重复提交无害：已审过的报错，不会审两次。decision 不是这三个之一、ids 为空或超过 100 个时整批 400。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>逐篇调用单篇审核的处理器（各自的作用域和事务）；批量里不放行敏感词。</summary>
    public static Task<IReadOnlyList<BatchItemResult>> ReviewBatchAsync(Batch batch, ReviewBatchRequest request, CancellationToken ct)
    {
        Batch.Ids(request.Ids);
        var decision = request.Decision?.Trim().ToLowerInvariant();
        if (decision is null || !Decisions.Contains(decision)) throw AppException.Invalid("decision", "Review.UnknownDecision");
        return batch.RunAsync<ReviewManuscript>(request.Ids, async (review, id, token) =>
        {
            int? revision = request.Revisions is { } revisions && revisions.TryGetValue(id, out var r) ? r : null;
            var view = await review.HandleAsync(id, new ReviewRequest(decision, request.Comment, revision), token);
            return (view.Detail.Status.Code(), view.Detail.Title);
        }, ct);
    }

    private static string StatusText(Messages messages, string code) =>
        ManuscriptStatusCodes.TryParse(code, out var status) ? messages.Status(status) : code;

    private static async Task<IResult> ExportAsync([AsParameters] ReviewInboxQuery query, HttpContext http, GetReviewInbox inbox, Messages messages,
        Clock clock) =>
        ListExport.Xlsx(messages["Inbox.Title"], clock.UtcNow, ManuscriptExport.Columns(messages), await inbox.ExportAsync(query, http.RequestAborted));
}
