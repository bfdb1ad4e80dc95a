using Herald.Domain.Common;
using Herald.Domain.Opinion;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 舆情信息查询条件。hits：true 只看有命中的、false 只看没有的；from/to 为收到日期（北京时间，含当日）；
/// q 查标题和内容，没给 from 时只查最近 <see cref="ListOpinionItems.DefaultSearchDays"/> 天。
/// </summary>
public sealed record OpinionItemQuery(
    string? Platform = null,
    bool? Hits = null,
    string? From = null,
    string? To = null,
    string? Q = null,
    int Page = 1,
    int PageSize = 20) : IPagedQuery;

public sealed record OpinionListItem(long Id, string Title, string Snippet, string Platform, string? Source, OpinionIntakeKind Kind,
    DateTime ReceivedAt, DateTime? PublishedAt, int HitCount, int HitWeight, int DuplicateCount, long? DuplicateOf, string? Unit,
    IReadOnlyList<OpinionHitDto> Hits);

/// <summary>
/// 舆情信息列表（收到时间倒序）。看全部的人：近似重复的一组只显示组首，并注明另有几条；只看本单位的人：本单位上报的逐条显示。
/// </summary>
public sealed class ListOpinionItems(HeraldDbContext db, OpinionAccess access, Clock clock)
{
    public const int SnippetLength = 120;

    /// <summary>关键字逐条比对原文（没有全文索引）：百万条时查遍全库要好几秒，所以不选开始日期时只查最近这些天（含今天）。</summary>
    public const int DefaultSearchDays = 30;

    public async Task<PagedResult<OpinionListItem>> HandleAsync(OpinionItemQuery query, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        var q = OpinionAccess.VisibleTo(db.OpinionItems.AsNoTracking(), scope);
        if (scope.All) q = q.Where(i => i.DuplicateOfId == null);
        if (!string.IsNullOrWhiteSpace(query.Platform))
        {
            var platform = query.Platform.Trim();
            q = q.Where(i => i.Platform == platform);
        }
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
        var page = PageRequest.From(query);
        var total = await q.CountCappedAsync(page, ct);
        var rows = await q.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id)
            .TakePage(page)
            .Select(i => new
            {
                i.Id, i.Title, Snippet = i.Content.Substring(0, SnippetLength), i.Platform, i.Source, i.Kind, i.ReceivedAt, i.PublishedAt,
                i.HitCount, i.HitWeight, i.DuplicateCount, i.DuplicateOfId, i.ReporterUnitId,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToArray();
        var hits = await db.OpinionItemHits.AsNoTracking().Where(h => ids.Contains(h.ItemId)).OrderBy(h => h.Id).ToListAsync(ct);
        var byItem = hits.ToLookup(h => h.ItemId);
        var items = rows.Select(r => new OpinionListItem(r.Id,
            r.Title ?? Shorten(r.Snippet, 40), r.Snippet, r.Platform, r.Source, r.Kind, r.ReceivedAt, r.PublishedAt, r.HitCount, r.HitWeight,
            r.DuplicateCount, r.DuplicateOfId, r.ReporterUnitId is { } u ? scope.Me.Tree.Find(u)?.Name : null,
            byItem[r.Id].Select(h => h.ToDto()).ToList())).ToList();
        return items.ToPage(page, total);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
