using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Reviews;

/// <summary>审核：稿件详情页上的审核表单、待我审核页，以及对应的 API。</summary>
public static class ReviewEndpoints
{
    public static void MapReviewPages(this RouteGroupBuilder pages)
    {
        pages.MapPost("/manuscripts/{id:long}/review", (long id, [FromForm] ReviewForm form, HttpContext http, ReviewManuscript review,
            ManuscriptDetailPages detail, Messages messages) =>
            FormPost.RunAsync(http, async () =>
                {
                    var result = await review.HandleAsync(id, new ReviewRequest(form.Decision, form.Comment, form.Revision, form.Override,
                        form.OverrideReason), http.RequestAborted);
                    return $"/reviews?done={Uri.EscapeDataString(form.Decision ?? "")}&m={result.Detail.Id}";
                },
                failure => detail.RenderAsync(id, null, new FailedForm(ReviewSection.Form, messages.Describe(failure.Exception), form.Values()),
                    StatusCodes.Status400BadRequest, http.RequestAborted)));

        pages.MapGet("/reviews", async ([AsParameters] ReviewInboxQuery query, string? done, long? m, HttpContext http, GetReviewInbox inbox,
            CurrentUser current) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var result = await inbox.HandleAsync(query, http.RequestAborted);
            return Pages.Render(new ReviewInboxModel(result, query, GetReviewInbox.SortOf(query), me.Tree, done, m));
        });
    }

    public static void MapReviewApi(this RouteGroupBuilder api)
    {
        api.MapPost("/manuscripts/{id:long}/review", async Task<Ok<ManuscriptDetail>> (long id, ReviewRequest request, HttpContext http, ReviewManuscript review) =>
                TypedResults.Ok((await review.HandleAsync(id, request, http.RequestAborted)).Detail))
            .WithSummary("审核：approve 通过 / return 退回修改 / reject 不予采用")
            .WithDescription("{\"decision\":\"approve|return|reject\",\"comment\":\"…\",\"revision\":n}。退回和不予采用必须填写 comment。revision（可选）与当前不符时 409。只有当前步骤的审核人可以操作（否则 403）。" +
                             "标题或正文含阻断类敏感词时，通过答 409 Review.SensitiveBlocked（detail 列出这些词），须带 \"override\":true 和 \"overrideReason\":\"…\" 才能通过，放行记入流转记录和审计；命中明细见 GET /api/v1/manuscripts/{id}/sensitive。")
            .ProducesCommandProblems();

        api.MapGet("/reviews/inbox", async Task<Ok<ReviewInbox>> ([AsParameters] ReviewInboxQuery query, HttpContext http, GetReviewInbox inbox) =>
                TypedResults.Ok(await inbox.HandleAsync(query, http.RequestAborted)))
            .WithSummary("待我审核（紧急在前，先报先审）及各审核级别数量")
            .WithDescription("q：标题关键词；unitId（含下级）；step：unit_head|supervising_leader|principal；from/to：报送日期 yyyy-MM-dd；" +
                             "sort：queue（默认，紧急在前、先报先审）|submittedAt|title|unit|step，dir：asc|desc（其他值 400）；page、pageSize（默认 20，≤100）。" +
                             "total 与 countsByStep 为轮到调用者审核的全部篇数（不受筛选影响），matched 为符合筛选的篇数。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}

public sealed class ReviewForm
{
    public string? Decision { get; set; }
    public string? Comment { get; set; }
    public int? Revision { get; set; }
    public bool? Override { get; set; }
    public string? OverrideReason { get; set; }

    /// <summary>出错重新显示时填回的值。</summary>
    public IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["comment"] = Comment,
        ["overrideReason"] = OverrideReason,
    };
}
