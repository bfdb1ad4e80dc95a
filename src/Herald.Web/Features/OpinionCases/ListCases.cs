using Herald.Domain.Opinion.Cases;
using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 舆情列表（只含调用者可见的）：按状态、等级、责任单位（含下级）筛选，overdue=true 只看有超时未满足时限的；
/// 未办结的在前，其中等级高的在前，再按立案时间倒序。每行带最早到期的一项时限。
/// </summary>
public sealed class ListCases([ReadReplica] HeraldDbContext db, CurrentUser current, Clock clock)
{
    public const string DefaultSort = "priority";

    /// <summary>可排序的列（白名单）。priority 之后再按等级、立案时间；同值的按编号倒序，翻页稳定。</summary>
    public static readonly SortKeys<OpinionCase> Sorting = new SortKeys<OpinionCase>()
        .Add("priority", c => c.Status == OpinionCaseStatus.Closed ? 1 : 0)
        .Add("openedAt", c => c.OpenedAt, descending: true)
        .Add("severity", c => c.Severity, descending: true)
        .Add("title", c => c.Title)
        .Add("unit", c => c.UnitId)
        .Add("status", c => c.Status);

    public static TableSort SortOf(CaseQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<CaseListItem>> HandleAsync(CaseQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var page = PageRequest.From(query);
        var now = clock.UtcNow;
        if (Filtered(query, me, now) is not { } q) return PagedResult<CaseListItem>.Empty(page);
        var total = await q.CountAllAsync(ct);
        var rows = await Sorted(q, query).TakePage(page).Include(c => c.Deadlines).ToListAsync(ct);
        return rows.Select(c => Item(c, me, now)).ToList().ToPage(page, total);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页（各件的时限随行读出）。</summary>
    public async Task<IAsyncEnumerable<CaseListItem>> ExportAsync(CaseQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var now = clock.UtcNow;
        var q = Filtered(query, me, now) ?? db.OpinionCases.Where(c => false);
        return await ListExport.RowsAsync(Sorted(q, query).Include(c => c.Deadlines), c => Item(c, me, now), ct);
    }

    /// <summary>可见且符合条件的舆情；什么都看不到的人为 null。</summary>
    private IQueryable<OpinionCase>? Filtered(CaseQuery query, UserContext me, DateTime now)
    {
        SortOf(query);
        var scope = CaseScope.Of(me);
        var q = db.OpinionCases.AsNoTracking().Where(scope.Filter());
        if (Wire.OptionalCode<OpinionCaseStatus>(query.Status, "status") is { } status) q = q.Where(c => c.Status == status);
        if (Wire.OptionalCode<OpinionSeverity>(query.Severity, "severity") is { } severity) q = q.Where(c => c.Severity == severity);
        if (query.UnitId is { } unitId)
        {
            var units = me.Tree.Subtree(unitId).ToArray();
            q = q.Where(c => c.UnitId != null && units.Contains(c.UnitId.Value));
        }
        if (query.Open == true) q = q.Where(c => c.Status != OpinionCaseStatus.Closed);
        if (query.Overdue == true)
            q = q.Where(c => c.Status != OpinionCaseStatus.Closed
                             && c.Deadlines.Any(d => d.MetAt == null && d.SupersededAt == null && d.DueAt < now));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(c => c.Title.Contains(text));
        }
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(c => c.OpenedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(c => c.OpenedAt < end);
        }
        return scope.SeesAnything ? q : null;
    }

    private static IOrderedQueryable<OpinionCase> Sorted(IQueryable<OpinionCase> q, CaseQuery query)
    {
        var sort = SortOf(query);
        var ordered = Sorting.Apply(q, sort);
        if (sort.Key == DefaultSort) ordered = ordered.ThenByDescending(c => c.Severity).ThenByDescending(c => c.OpenedAt);
        return ordered.ThenByDescending(c => c.Id);
    }

    private static CaseListItem Item(OpinionCase c, UserContext me, DateTime now)
    {
        var next = CaseViews.NextClock(c.Deadlines, c.ClosedAt, now);
        var overdue = c.ClosedAt is null && c.Deadlines.Any(d => d.IsActive && d.MetAt is null && d.DueAt < now);
        return new CaseListItem(c.Id, c.Title, c.Category, c.Severity, c.Severity.Colour(), c.Severity.Level(), c.Sentiment, c.Status,
            c.OwnerUnitId, c.UnitId, c.UnitId is null ? null : CaseViews.UnitName(me.Tree, c.UnitId), c.FromSuperior, c.OpenedAt,
            c.ClosedAt, next, overdue);
    }
}
