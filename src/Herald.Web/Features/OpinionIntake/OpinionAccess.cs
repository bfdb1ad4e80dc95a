using Herald.Domain.Opinion;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 舆情信息的可见范围：宣传办和主要负责人看厂商推送、订阅源收录的（没有上报单位的）和所辖单位上报的，所辖覆盖整棵树时即全部；
/// 其他人只看本单位（及其可见稿件的单位）上报的。上报人：舆情信息员、信息员、单位负责人，以及任何有所属单位的人，以其单位名义上报。
/// </summary>
public sealed class OpinionAccess(HeraldDbContext db, CurrentUser current)
{
    /// <summary>All：总览视图（宣传办、主要负责人），重复的信息合并显示；WholeTree：所辖覆盖整棵树，不必再按单位过滤。</summary>
    public sealed record Scope(UserContext Me, bool All, IReadOnlySet<long> Units, IReadOnlyList<long> ReportUnits, bool WholeTree = false);

    private Scope? _scope;

    public async Task<Scope> GetAsync(CancellationToken ct)
    {
        if (_scope is not null) return _scope;
        var me = await current.GetAsync(ct);
        var home = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.UnitId).FirstOrDefaultAsync(ct);
        var reportUnits = UnitScope.OpinionReporting(me, home);
        _scope = new Scope(me, UnitScope.AllOpinionItems(me), UnitScope.OpinionItems(me, reportUnits), reportUnits,
            UnitScope.OpinionOversightCoversTree(me));
        return _scope;
    }

    public static IQueryable<OpinionItem> VisibleTo(IQueryable<OpinionItem> items, Scope scope)
    {
        if (scope.All && scope.WholeTree) return items;
        if (scope.All)
        {
            var units = scope.Units.ToList();
            return items.Where(i => i.ReporterUnitId == null || units.Contains(i.ReporterUnitId.Value));
        }
        return items.Where(i => i.ReporterUnitId != null).InUnits(scope.Units, i => i.ReporterUnitId!.Value);
    }
}
