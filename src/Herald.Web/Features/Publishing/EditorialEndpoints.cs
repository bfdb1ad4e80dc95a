using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Publishing;

/// <summary>采编：发布、不采用。网页表单（稿件详情页、采编池）与 API 共用同一处理器。</summary>
public static class EditorialEndpoints
{
    public static void MapEditorialPages(this RouteGroupBuilder pages)
    {
        pages.MapPost("/manuscripts/{id:long}/publish", async (long id, HttpContext http, PublishManuscript publish, ManuscriptDetailPages detail) =>
        {
            var values = await FormPost.ValuesAsync(http);
            return await FormPost.RunAsync(http, async () =>
                {
                    var request = new PublishRequest(Wire.OptionalId(FormPost.Get(values, "channelId"), "channelId"), FormPost.Get(values, "url"),
                        FormPost.Get(values, "publishedAt"));
                    await publish.HandleAsync(id, request, http.RequestAborted);
                    return FormPost.ReturnTo(values, $"/manuscripts/{id}#editorial", "published");
                },
                failure => ShowErrorAsync(http, detail, id, "publish", failure, values));
        });

        pages.MapPost("/manuscripts/{id:long}/not-used", async (long id, HttpContext http, MarkNotUsed notUsed, ManuscriptDetailPages detail) =>
        {
            var values = await FormPost.ValuesAsync(http);
            return await FormPost.RunAsync(http, async () =>
                {
                    await notUsed.HandleAsync(id, FormPost.Get(values, "reason"), http.RequestAborted);
                    return FormPost.ReturnTo(values, $"/manuscripts/{id}#editorial", "not-used");
                },
                failure => ShowErrorAsync(http, detail, id, "not-used", failure, values));
        });
    }

    public static void MapEditorialApi(this RouteGroupBuilder api)
    {
        api.MapPost("/manuscripts/{id:long}/publications", async Task<Created<PublicationDto>> (long id, PublishRequest request, HttpContext http,
                PublishManuscript publish) =>
            {
                var publication = await publish.HandleAsync(id, request, http.RequestAborted);
                return TypedResults.Created($"/api/v1/manuscripts/{id}", publication);
            })
            .WithSummary("发布到本单位平台（宣传办）")
            .WithDescription("{\"channelId\":n,\"url\":\"https://…\",\"publishedAt\":\"2026-11-20T10:00:00+08:00\"}。只有已审定的稿件可以发布；渠道须属于稿件单位或其上级单位且在用；同一渠道只发布一次（409）。publishedAt 缺省为现在，不带时区时按北京时间，不能晚于现在。作者和单位负责人收到通知。")
            .ProducesCommandProblems();

        api.MapPost("/manuscripts/{id:long}/not-used", async Task<Ok<EditorialDto>> (long id, ReasonRequest request, HttpContext http,
                MarkNotUsed notUsed) =>
                TypedResults.Ok(await notUsed.HandleAsync(id, request.Reason, http.RequestAborted)))
            .WithSummary("标记不采用（宣传办）")
            .WithDescription("{\"reason\":\"…\"}，理由必填。只有待采编的稿件可以标记（已发布或已标记的 409）。作者和单位负责人收到通知。")
            .ProducesCommandProblems();
    }

    /// <summary>出错：重新显示稿件详情页，出错的表单展开并填回用户的输入，附中文说明。</summary>
    internal static Task<IResult> ShowErrorAsync(HttpContext http, ManuscriptDetailPages detail, long manuscriptId, string form,
        FormFailure failure, IReadOnlyDictionary<string, string?> values) =>
        detail.RenderAsync(manuscriptId, null, new FailedForm(form, failure.Message, values), failure.Status, http.RequestAborted);
}
