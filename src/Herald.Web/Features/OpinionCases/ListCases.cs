using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 舆情列表（只含调用者可见的）：按状态、等级、责任单位（含下级）筛选，overdue=true 只看有超时未满足时限的；
/// 未办结的在前，其中等级高的在前，再按立案时间倒序。每行带最早到期的一项时限。
/// </summary>
public sealed class ListCases(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<PagedResult<CaseListItem>> HandleAsync(CaseQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        var page = PageRequest.From(query);
        if (!scope.SeesAnything) return PagedResult<CaseListItem>.Empty(page);
        var now = clock.UtcNow;

        var q = db.OpinionCases.AsNoTracking().Where(scope.Filter());
        if (Wire.OptionalCode<OpinionCaseStatus>(query.Status, "status") is { } status) q = q.Where(c => c.Status == status);
        if (Wire.OptionalCode<OpinionSeverity>(query.Severity, "severity") is { } severity) q = q.Where(c => c.Severity == severity);
        if (query.UnitId is { } unitId)
        {
            var units = me.Tree.Subtree(unitId).ToArray();
            q = q.Where(c => c.UnitId != null && units.Contains(c.UnitId.Value));
        }
        if (query.Overdue == true)
            q = q.Where(c => c.Status != OpinionCaseStatus.Closed
                             && c.Deadlines.Any(d => d.MetAt == null && d.SupersededAt == null && d.DueAt < now));

        var total = await q.CountAllAsync(ct);
        var rows = await q.OrderBy(c => c.Status == OpinionCaseStatus.Closed ? 1 : 0).ThenByDescending(c => c.Severity)
            .ThenByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .TakePage(page)
            .Include(c => c.Deadlines)
            .ToListAsync(ct);
        var items = rows.Select(c =>
        {
            var next = CaseViews.NextClock(c.Deadlines, c.ClosedAt, now);
            var overdue = c.ClosedAt is null && c.Deadlines.Any(d => d.IsActive && d.MetAt is null && d.DueAt < now);
            return new CaseListItem(c.Id, c.Title, c.Category, c.Severity, c.Severity.Colour(), c.Severity.Level(), c.Sentiment, c.Status,
                c.OwnerUnitId, c.UnitId, c.UnitId is null ? null : CaseViews.UnitName(me.Tree, c.UnitId), c.FromSuperior, c.OpenedAt,
                c.ClosedAt, next, overdue);
        }).ToList();
        return items.ToPage(page, total);
    }
}
