using Herald.Domain.Common;
using Herald.Domain.Opinion;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 舆情信息查询条件。hits：true 只看有命中的、false 只看没有的；from/to 为收到日期（北京时间，含当日）；
/// q 查标题和内容，没给 from 时只查最近 <see cref="ListOpinionItems.DefaultSearchDays"/> 天；kind 为 manual|api|feed；
/// sort 为 receivedAt（默认）|publishedAt|hitWeight|platform。
/// </summary>
public sealed record OpinionItemQuery(
    string? Platform = null,
    bool? Hits = null,
    string? From = null,
    string? To = null,
    string? Q = null,
    int Page = 1,
    int PageSize = 20,
    string? Kind = null,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

public sealed record OpinionListItem(long Id, string Title, string Snippet, string Platform, string? Source, OpinionIntakeKind Kind,
    DateTime ReceivedAt, DateTime? PublishedAt, int HitCount, int HitWeight, int DuplicateCount, long? DuplicateOf, string? Unit,
    IReadOnlyList<OpinionHitDto> Hits)
{
    /// <summary>原文链接（导出用）。</summary>
    public string? Url { get; init; }
}

/// <summary>列表行的数据库投影。</summary>
public sealed class OpinionItemRow
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string Snippet { get; init; } = "";
    public string Platform { get; init; } = "";
    public string? Source { get; init; }
    public string? Url { get; init; }
    public OpinionIntakeKind Kind { get; init; }
    public DateTime ReceivedAt { get; init; }
    public DateTime? PublishedAt { get; init; }
    public int HitCount { get; init; }
    public int HitWeight { get; init; }
    public int DuplicateCount { get; init; }
    public long? DuplicateOfId { get; init; }
    public long? ReporterUnitId { get; init; }
}

/// <summary>
/// 舆情信息列表（收到时间倒序）。看全部的人：近似重复的一组只显示组首，并注明另有几条；只看本单位的人：本单位上报的逐条显示。
/// </summary>
public sealed class ListOpinionItems([ReadReplica] HeraldDbContext db, OpinionAccess access, Clock clock)
{
    public const int SnippetLength = 120;

    /// <summary>关键字逐条比对原文（没有全文索引）：百万条时查遍全库要好几秒，所以不选开始日期时只查最近这些天（含今天）。</summary>
    public const int DefaultSearchDays = 30;

    public const string DefaultSort = "receivedAt";

    /// <summary>可排序的列（白名单）；同值的按编号倒序，翻页稳定。</summary>
    public static readonly SortKeys<OpinionItem> Sorting = new SortKeys<OpinionItem>()
        .Add("receivedAt", i => i.ReceivedAt, descending: true)
        .Add("publishedAt", i => i.PublishedAt, descending: true)
        .Add("hitWeight", i => i.HitWeight, descending: true)
        .Add("platform", i => i.Platform);

    public static TableSort SortOf(OpinionItemQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<OpinionListItem>> HandleAsync(OpinionItemQuery query, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        var q = Filtered(query, scope);
        var page = PageRequest.From(query);
        var total = await q.CountCappedAsync(page, ct);
        var rows = await Project(Sorted(q, query).TakePage(page)).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var hits = await db.OpinionItemHits.AsNoTracking().Where(h => ids.Contains(h.ItemId)).OrderBy(h => h.Id).ToListAsync(ct);
        var byItem = hits.ToLookup(h => h.ItemId);
        return rows.Select(r => ToItem(r, scope, byItem[r.Id].Select(h => h.ToDto()).ToList())).ToList().ToPage(page, total);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页；命中的词写成一列（逐行读出，不一次读进内存）。</summary>
    public async Task<IAsyncEnumerable<OpinionListItem>> ExportAsync(OpinionItemQuery query, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        var rows = Project(Sorted(Filtered(query, scope), query));
        return await ListExport.RowsAsync(rows, r => ToItem(r, scope, []), ct);
    }

    private IQueryable<OpinionItem> Filtered(OpinionItemQuery query, OpinionAccess.Scope scope)
    {
        SortOf(query);
        var q = OpinionAccess.VisibleTo(db.OpinionItems.AsNoTracking(), scope);
        if (scope.All) q = q.Where(i => i.DuplicateOfId == null);
        if (!string.IsNullOrWhiteSpace(query.Platform))
        {
            var platform = query.Platform.Trim();
            q = q.Where(i => i.Platform == platform);
        }
        if (Wire.OptionalCode<OpinionIntakeKind>(query.Kind, "kind") is { } kind) q = q.Where(i => i.Kind == kind);
        if (query.Hits is true) q = q.Where(i => i.HitCount > 0);
        if (query.Hits is false) q = q.Where(i => i.HitCount == 0);
        var from = Wire.OptionalDate(query.From, "from");
        if (from is null && !string.IsNullOrWhiteSpace(query.Q)) from = ChinaTime.DateOf(clock.UtcNow).AddDays(1 - DefaultSearchDays);
        if (from is { } day)
        {
            var start = ChinaTime.StartOfDayUtc(day);
            q = q.Where(i => i.ReceivedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(i => i.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(i => (i.Title != null && i.Title.Contains(text)) || i.Content.Contains(text));
        }
        return q;
    }

    private static IOrderedQueryable<OpinionItem> Sorted(IQueryable<OpinionItem> q, OpinionItemQuery query) =>
        Sorting.Apply(q, SortOf(query)).ThenByDescending(i => i.Id);

    private static IQueryable<OpinionItemRow> Project(IQueryable<OpinionItem> q) => q.Select(i => new OpinionItemRow
    {
        Id = i.Id, Title = i.Title, Snippet = i.Content.Substring(0, SnippetLength), Platform = i.Platform, Source = i.Source, Url = i.Url,
        Kind = i.Kind, ReceivedAt = i.ReceivedAt, PublishedAt = i.PublishedAt, HitCount = i.HitCount, HitWeight = i.HitWeight,
        DuplicateCount = i.DuplicateCount, DuplicateOfId = i.DuplicateOfId, ReporterUnitId = i.ReporterUnitId,
    });

    private static OpinionListItem ToItem(OpinionItemRow r, OpinionAccess.Scope scope, IReadOnlyList<OpinionHitDto> hits) => new(r.Id,
        r.Title ?? Shorten(r.Snippet, 40), r.Snippet, r.Platform, r.Source, r.Kind, r.ReceivedAt, r.PublishedAt, r.HitCount, r.HitWeight,
        r.DuplicateCount, r.DuplicateOfId, r.ReporterUnitId is { } u ? scope.Me.Tree.Find(u)?.Name : null, hits) { Url = r.Url };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
