using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>采编池页的数据：筛选、本页稿件及各自的采编状态与可发布渠道。</summary>
public sealed record PoolPageModel(ManuscriptQuery Query, long? CategoryId, string? Editorial, IReadOnlyList<FormOption> Categories,
    PagedResult<ManuscriptListItem> Result, OrgTree Tree, IReadOnlyDictionary<long, PoolRow> Rows, DateTime NowUtc, string? Notice,
    string ReturnBase) : IPageModel<PoolPage>;

/// <summary>采编池（待采编）：宣传办在这里发布或标记不采用。</summary>
public static class PoolEndpoints
{
    public static void MapPoolPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/pool", async ([AsParameters] ManuscriptQuery query, long? categoryId, string? editorial, string? notice, HttpContext http, GetPool pool,
            EditorialDesk desk, CurrentUser current, HeraldDbContext db) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new FormOption(c.Id.ToString(), c.Name)).ToListAsync(http.RequestAborted);
            var result = await pool.HandleAsync(query, categoryId, editorial, http.RequestAborted);
            var rows = await desk.ForPoolAsync(result.Items, http.RequestAborted);
            return Pages.Render(new PoolPageModel(query, categoryId, editorial, categories, result, me.Tree, rows, desk.NowUtc, notice, ReturnBase(http.Request)));
        });
    }

    /// <summary>当前地址，保留筛选与页码、去掉 notice。</summary>
    private static string ReturnBase(HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var pairs = query.Where(kv => !kv.Key.Equals("notice", StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)));
        return QueryHelpers.AddQueryString(request.Path, pairs);
    }
}
