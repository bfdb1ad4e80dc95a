using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Writing;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Reviews;

/// <summary>审改：详情页上的“审改”打开的编辑页（/manuscripts/{id}/review-edit）与 POST /api/v1/manuscripts/{id}/edit。</summary>
public static class ReviewEditEndpoints
{
    public static void MapReviewEditPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/manuscripts/{id:long}/review-edit", async (long id, HttpContext http, GetManuscript get) =>
        {
            var view = await get.HandleAsync(id, http.RequestAborted);
            if (!view.Permissions.CanReviewEdit) throw AppException.Forbidden("Review.NotReviewer");
            return Pages.Render(ReviewEditModel.From(view.Detail));
        });

        pages.MapPost("/manuscripts/{id:long}/review-edit", async (long id, [FromForm] ReviewEditForm form, HttpContext http,
            EditInReview edit, GetManuscript get, CheckText check) =>
        {
            var request = form.ToRequest();
            // 与报送一样：有敏感词或不规范写法、而审核人还没看过这段文字的检查结果时，先显示结果；不改再保存即照常保存。
            var title = form.Title ?? "";
            var body = EditInReview.ReadBody(request.Body);
            if (form.TextChecked != CheckText.Fingerprint(title, body.Text)
                && await check.HandleAsync(new TextCheckRequest { Title = title, Body = body.Text }, http.RequestAborted) is { Any: true } found)
            {
                var current = await get.HandleAsync(id, http.RequestAborted);
                if (!current.Permissions.CanReviewEdit) throw AppException.Forbidden("Review.NotReviewer");
                return Pages.Render(ReviewEditModel.From(current.Detail, form, body.Html) with
                {
                    TextCheck = found, CheckedTitle = title, CheckedBody = body.Text,
                });
            }
            return await FormPost.RunAsync(http, async () =>
                {
                    await edit.HandleAsync(id, request, http.RequestAborted);
                    return $"/manuscripts/{id}?notice=review-edited";
                },
                async failure =>
                {
                    var current = await get.HandleAsync(id, http.RequestAborted);
                    return Pages.Render(ReviewEditModel.From(current.Detail, form, body.Html) with { Error = failure.Message }, failure.Status);
                });
        });
    }

    public static void MapReviewEditApi(this RouteGroupBuilder api) =>
        api.MapPost("/manuscripts/{id:long}/edit", async Task<Ok<ManuscriptDetail>> (long id, ReviewEditRequest request, HttpContext http, EditInReview edit) =>
                TypedResults.Ok((await edit.HandleAsync(id, request, http.RequestAborted)).Detail))
            .WithSummary("审改：当前这一级的审核人直接修改标题和正文，产生署审核人名字的新版本")
            .WithDescription("{\"title\":\"…\",\"body\":\"…\",\"revision\":n}。body 为 HTML（按报送同样的白名单净化）或纯文本（不含标签，每行一段）；" +
                             "revision 为打开时稿件的修订号（稿件详情的 revision），与当前不符时 409 Review.StaleEdit。稿件作者不变，审核仍停在这一级；" +
                             "图片与 Word 原件不变。只有当前这一级的审核人可以审改（否则 403 Review.NotReviewer），不在审核中 409 Review.NotInReview，" +
                             "看不到 404；标题或正文为空、过长、含控制字符，或内容没有改动时 400。作者收到通知；改动见 GET /api/v1/manuscripts/{id}/versions。")
            .ProducesCommandProblems();
}

/// <summary>审改页提交的字段：title、bodyHtml（编辑器）或 body（无脚本时的纯文本框）、revision、textChecked（看过的检查结果）。</summary>
public sealed class ReviewEditForm
{
    public string? Title { get; set; }
    public string? BodyHtml { get; set; }
    public string? Body { get; set; }
    public int? Revision { get; set; }
    public string? TextChecked { get; set; }

    public ReviewEditRequest ToRequest() => new(Title, !string.IsNullOrWhiteSpace(BodyHtml) ? BodyHtml : Body, Revision);
}

/// <summary>审改页：稿件的规范名称与当前内容；出错或先看检查结果时，显示审核人刚填的内容。</summary>
public sealed record ReviewEditModel(long Id, string Name, string Title, string BodyHtml, int Revision) : IPageModel<ReviewEditPage>
{
    public string? Error { get; init; }
    public TextCheckResult? TextCheck { get; init; }
    public string? CheckedTitle { get; init; }
    public string? CheckedBody { get; init; }

    public static ReviewEditModel From(ManuscriptDetail d) => new(d.Id, d.Name, d.Title, d.BodyHtml, d.Revision);

    /// <summary>重新显示：审核人填的标题和（已净化的）正文，打开时的修订号。</summary>
    public static ReviewEditModel From(ManuscriptDetail d, ReviewEditForm form, string sanitizedBody) =>
        new(d.Id, d.Name, form.Title ?? "", sanitizedBody, form.Revision ?? d.Revision);
}
