using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>备案名册：在册、已免去（历史）、未备案的单位。只含调用者管辖的单位，按组织树顺序。</summary>
public sealed class ListCorrespondents(HeraldDbContext db, CurrentUser current, Clock clock)
{
    /// <summary>名册和其中一页（在册或历史，按查询筛选、排序）。</summary>
    public async Task<(CorrespondentRegistry Registry, PagedResult<CorrespondentItem> Page)> TableAsync(CorrespondentQuery query, CancellationToken ct = default)
    {
        CorrespondentTable.SortOf(query);
        var registry = await HandleAsync(query.UnitId, ct);
        return (registry, CorrespondentTable.Page(registry, query, (await current.GetAsync(ct)).Tree));
    }

    /// <summary>导出：与表格相同的范围、筛选和排序，全部行。</summary>
    public async Task<IAsyncEnumerable<CorrespondentItem>> ExportAsync(CorrespondentQuery query, CancellationToken ct = default)
    {
        CorrespondentTable.SortOf(query);
        var registry = await HandleAsync(query.UnitId, ct);
        return ListExport.Rows(CorrespondentTable.Rows(registry, query, (await current.GetAsync(ct)).Tree));
    }

    public async Task<CorrespondentRegistry> HandleAsync(long? unitId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var scope = CorrespondentScope.UnitsOf(me);
        var tree = me.Tree;
        var units = unitId is { } filter ? tree.Subtree(filter).Where(scope.Contains).ToHashSet() : scope.ToHashSet();
        var ids = units.ToArray();
        var today = ChinaTime.DateOf(clock.UtcNow);

        var rows = await (
                from c in db.Correspondents.AsNoTracking()
                where ids.Contains(c.UnitId)
                join u in db.Users.AsNoTracking() on c.UserId equals (long?)u.Id into linked
                from u in linked.DefaultIfEmpty()
                select new { Record = c, UserName = u == null ? null : u.UserName, DisplayName = u == null ? null : u.DisplayName })
            .ToListAsync(ct);

        var order = tree.Flatten().Select((x, i) => (x.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var items = rows
            .Select(r => new CorrespondentItem(r.Record.Id, r.Record.UnitId, tree.PathName(r.Record.UnitId), r.Record.Name, r.Record.Position,
                r.Record.Phone, r.Record.Email, r.Record.AppointedOn, r.Record.EndedOn, r.Record.UserId, r.UserName, r.DisplayName))
            .OrderBy(i => order.GetValueOrDefault(i.UnitId, int.MaxValue)).ThenBy(i => i.AppointedOn).ThenBy(i => i.Id)
            .ToList();
        var active = items.Where(i => i.EndedOn is null || i.EndedOn > today).ToList();
        var ended = items.Where(i => i.EndedOn is { } e && e <= today).OrderByDescending(i => i.EndedOn).ThenBy(i => i.Id).ToList();

        var covered = active.Select(i => i.UnitId).ToHashSet();
        var missing = tree.Flatten()
            .Where(x => units.Contains(x.Unit.Id) && !x.Unit.Disabled && !covered.Contains(x.Unit.Id))
            .Select(x => new MissingUnit(x.Unit.Id, tree.PathName(x.Unit.Id), x.Unit.Type))
            .ToList();
        return new CorrespondentRegistry(active, ended, missing);
    }
}
