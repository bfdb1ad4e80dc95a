using Herald.Domain.Common;
using Herald.Domain.Organization;
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
        var today = ChinaTime.DateOf(clock.UtcNow);

        var rows = await (
                from c in db.Correspondents.AsNoTracking().InUnits(units, tree, c => c.UnitId)
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
        var missing = Uncovered(tree, units, covered)
            .Select(u => new MissingUnit(u.Id, tree.PathName(u.Id), u.Type))
            .ToList();
        return new CorrespondentRegistry(active, ended, missing);
    }

    /// <summary>所辖单位中没有在册信息员的单位数（与名册"未备案"一栏相同）；只读有在册信息员的单位编号，不读名册各行（工作台用）。</summary>
    public async Task<int> CountMissingAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var units = CorrespondentScope.UnitsOf(me);
        var today = ChinaTime.DateOf(clock.UtcNow);
        var covered = (await db.Correspondents.AsNoTracking().InUnits(units, me.Tree, c => c.UnitId)
            .Where(c => c.EndedOn == null || c.EndedOn > today)
            .Select(c => c.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
        return Uncovered(me.Tree, units, covered).Count();
    }

    /// <summary>范围内、未停用、没有在册信息员的单位，按组织树顺序。</summary>
    private static IEnumerable<UnitNode> Uncovered(OrgTree tree, IReadOnlySet<long> units, IReadOnlySet<long> covered) =>
        tree.Flatten().Select(x => x.Unit).Where(u => units.Contains(u.Id) && !u.Disabled && !covered.Contains(u.Id));
}
