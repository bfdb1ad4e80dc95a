using Herald.Domain.Organization;
using Herald.Web.Features.Categories;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Batches;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Publishing;

/// <summary>采编池页的数据：筛选、排序、本页稿件及各自的采编状态与可发布渠道；批量发布可选的渠道（本页各篇可用渠道的并集）。</summary>
public sealed record PoolPageModel(PoolQuery Query, IReadOnlyList<CategoryOption> Categories, PagedResult<ManuscriptListItem> Result, TableSort Sort,
    OrgTree Tree, IReadOnlyDictionary<long, PoolRow> Rows, DateTime NowUtc, string? Notice, string ReturnBase) : IPageModel<PoolPage>
{
    /// <summary>宣传办能处理的（待采编）行：可勾选批量发布、批量不采用。</summary>
    public bool Selectable(long id) => Rows.GetValueOrDefault(id) is { IsOffice: true, Editorial: Domain.Publishing.EditorialStatus.Pending };

    public IReadOnlyList<ChannelDto> BatchChannels =>
        Result.Items.Where(i => Selectable(i.Id)).SelectMany(i => Rows[i.Id].Channels).DistinctBy(c => c.Id).OrderBy(c => c.UnitId).ThenBy(c => c.Name).ToList();
}

/// <summary>采编池（待采编）：宣传办在这里发布或标记不采用，可以勾选几篇一起做；列表可导出。</summary>
public static class PoolEndpoints
{
    public static void MapPoolPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/pool", async ([AsParameters] PoolQuery query, string? notice, HttpContext http, GetPool pool, EditorialDesk desk, CurrentUser current,
            CategoryLookup categories) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var result = await pool.HandleAsync(query, http.RequestAborted);
            var rows = await desk.ForPoolAsync(result.Items, http.RequestAborted);
            return Pages.Render(new PoolPageModel(query, await categories.ListAsync(includeDisabled: true, http.RequestAborted), result,
                GetPool.SortOf(query), me.Tree, rows, desk.NowUtc, notice, ReturnBase(http.Request)));
        });

        pages.MapGet("/pool/export.xlsx", ExportAsync);

        // 勾选的几篇一起发布到同一渠道 / 以同一理由标记不采用：逐篇检查，结果逐篇列出。
        pages.MapPost("/pool/publish-batch", async (HttpContext http, Batch batch, Messages messages) =>
        {
            var values = await FormPost.ValuesAsync(http);
            var request = new PublishBatchRequest(await Batch.FormIdsAsync(http), Wire.OptionalId(FormPost.Get(values, "channelId"), "channelId"),
                FormPost.Get(values, "url"), FormPost.Get(values, "publishedAt"));
            return ResultPage(messages, "Pool.PublishBatchTitle", await PoolBatchItem.PublishAllAsync(batch, request, http.RequestAborted), values);
        });

        pages.MapPost("/pool/not-used-batch", async (HttpContext http, Batch batch, Messages messages) =>
        {
            var values = await FormPost.ValuesAsync(http);
            var request = new NotUsedBatchRequest(await Batch.FormIdsAsync(http), FormPost.Get(values, "reason"));
            return ResultPage(messages, "Pool.NotUsedBatchTitle", await PoolBatchItem.NotUsedAllAsync(batch, request, http.RequestAborted), values);
        });
    }

    public static void MapPoolApi(this RouteGroupBuilder api)
    {
        api.MapGet("/pool", async Task<Ok<PagedResult<ManuscriptListItem>>> ([AsParameters] PoolQuery query, HttpContext http, GetPool pool) =>
                TypedResults.Ok(await pool.HandleAsync(query, http.RequestAborted)))
            .WithSummary("采编池（分页；宣传办、主要负责人、领导所辖单位已审定的稿件）")
            .WithDescription("editorial：pending（默认）|published|not_used|all；unitId（含下级）；categoryId；from/to：审定日期 yyyy-MM-dd；q：标题关键词；" +
                             "sort：approvedAt（默认，倒序）|submittedAt|title|unit|eventDate，dir：asc|desc（其他值 400）；page、pageSize（≤100）。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapGet("/pool/export.xlsx", ExportAsync)
            .WithSummary("导出采编池（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/pool（不分页）。流式写出，超过 500000 行 400 Export.TooManyRows。文件名如 采编池-2026年12月7日.xlsx。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPost("/pool/publish-batch", async Task<Ok<IReadOnlyList<BatchItemResult>>> (PublishBatchRequest request, HttpContext http, Batch batch) =>
                TypedResults.Ok(await PoolBatchItem.PublishAllAsync(batch, request, http.RequestAborted)))
            .WithSummary("批量发布到同一渠道（宣传办）")
            .WithDescription("{\"ids\":[…],\"channelId\":n,\"url\":\"https://…\",\"publishedAt\":\"2026-11-20T10:00:00+08:00\"}（ids 1–100 个，重复的只算一次；" +
                             "url、publishedAt 可省略，同 POST /api/v1/manuscripts/{id}/publications）。每篇走单篇发布的处理器、各自一个事务：" +
                             "不在所辖范围（NotFound）、渠道不属于该稿件的单位或上级（Publishing.ChannelNotForUnit）、已发布到该渠道（Publishing.AlreadyPublished）都只影响那一篇。" +
                             "结果按 ids 的顺序：[{\"id\":n,\"status\":\"published\",\"title\":\"…\"} 或 {\"id\":n,\"error\":\"中文说明\",\"code\":\"…\"}]，status 为稿件新的采编状态。" +
                             "没有 channelId、ids 为空或超过 100 个时整批 400。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/pool/not-used-batch", async Task<Ok<IReadOnlyList<BatchItemResult>>> (NotUsedBatchRequest request, HttpContext http, Batch batch) =>
                TypedResults.Ok(await PoolBatchItem.NotUsedAllAsync(batch, request, http.RequestAborted)))
            .WithSummary("批量标记不采用（宣传办）")
            .WithDescription("{\"ids\":[…],\"reason\":\"…\"}（理由必填，ids 1–100 个）。每篇走单篇标记的处理器、各自一个事务；只有待采编的可以标记" +
                             "（已发布或已标记的报 Publishing.NotPending，重复提交无害）。结果同批量发布，status 为 not_used。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>当前地址，保留筛选与页码、去掉 notice（发布、标记后回到这里）。</summary>
    private static string ReturnBase(HttpRequest request)
    {
        var page = request.Query["page"].ToString();
        return ListLinks.With(request, ("page", page.Length > 0 ? page : null));
    }

    private static IResult ResultPage(Messages messages, string titleKey, IReadOnlyList<BatchItemResult> results, IReadOnlyDictionary<string, string?> values) =>
        Pages.Render(new BatchResultModel(messages[titleKey], results, code => messages["Batch.Status." + code],
            Pages.SafeLocal(FormPost.Get(values, "returnUrl"), "/pool")));

    private static async Task<IResult> ExportAsync([AsParameters] PoolQuery query, HttpContext http, GetPool pool, Messages messages, Clock clock) =>
        ListExport.Xlsx(messages["Pool.Title"], clock.UtcNow, ManuscriptExport.Columns(messages), await pool.ExportAsync(query, http.RequestAborted));
}
