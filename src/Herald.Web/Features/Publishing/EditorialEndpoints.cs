using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Publishing;

/// <summary>采编：发布、不采用。网页表单（稿件详情页、采编池）与 API 共用同一处理器。</summary>
public static class EditorialEndpoints
{
    public static void MapEditorialPages(this RouteGroupBuilder pages)
    {
        pages.MapPost("/manuscripts/{id:long}/publish", async (long id, HttpContext http, PublishManuscript publish, GetManuscript get,
            Messages messages) =>
        {
            var values = await FormValuesAsync(http);
            try
            {
                var request = new PublishRequest(PublishingCodes.ParseId(Get(values, "channelId"), "channelId"), Get(values, "url"), Get(values, "publishedAt"));
                await publish.HandleAsync(id, request, http.RequestAborted);
                return Done(values, $"/manuscripts/{id}#editorial", "published");
            }
            catch (Exception ex) when (FormErrors.IsUserError(ex))
            {
                return await ShowErrorAsync(http, get, messages, id, "publish", ex, values);
            }
        });

        pages.MapPost("/manuscripts/{id:long}/not-used", async (long id, HttpContext http, MarkNotUsed notUsed, GetManuscript get,
            Messages messages) =>
        {
            var values = await FormValuesAsync(http);
            try
            {
                await notUsed.HandleAsync(id, Get(values, "reason"), http.RequestAborted);
                return Done(values, $"/manuscripts/{id}#editorial", "not-used");
            }
            catch (Exception ex) when (FormErrors.IsUserError(ex))
            {
                return await ShowErrorAsync(http, get, messages, id, "not-used", ex, values);
            }
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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/manuscripts/{id:long}/not-used", async Task<Ok<EditorialDto>> (long id, ReasonRequest request, HttpContext http,
                MarkNotUsed notUsed) =>
                TypedResults.Ok(await notUsed.HandleAsync(id, request.Reason, http.RequestAborted)))
            .WithSummary("标记不采用（宣传办）")
            .WithDescription("{\"reason\":\"…\"}，理由必填。只有待采编的稿件可以标记（已发布或已标记的 409）。作者和单位负责人收到通知。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Dictionary<string, string?>> FormValuesAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in form)
            if (!key.StartsWith("__", StringComparison.Ordinal)) values[key] = value.Count > 0 ? value[^1] : null;
        return values;
    }

    internal static string? Get(IReadOnlyDictionary<string, string?> values, string key) => values.TryGetValue(key, out var value) ? value : null;

    /// <summary>成功：回到表单所在的页面（详情页、采编池或用稿登记页），带上提示。</summary>
    internal static IResult Done(IReadOnlyDictionary<string, string?> values, string fallback, string notice) =>
        Results.LocalRedirect(PublishingForms.WithNotice(PublishingForms.ReturnTo(Get(values, "returnUrl"), fallback), notice));

    /// <summary>出错：重新显示稿件详情页，出错的表单展开并填回用户的输入，附中文说明。</summary>
    internal static async Task<IResult> ShowErrorAsync(HttpContext http, GetManuscript get, Messages messages, long manuscriptId, string form,
        Exception ex, IReadOnlyDictionary<string, string?> values)
    {
        var view = await get.HandleAsync(manuscriptId, http.RequestAborted);
        var state = new EditorialFormState(form, messages.DescribeWithField(ex), values);
        return Pages.Render<ManuscriptDetailPage>(new { View = view, Editorial = state }, PublishingForms.StatusOf(ex));
    }
}
