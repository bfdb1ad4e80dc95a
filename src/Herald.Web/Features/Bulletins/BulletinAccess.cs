using Herald.Domain.Organization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Bulletins;

/// <summary>
/// 谁能看、谁能管：宣传办管理其所辖单位子树内的通报（新建、修改、发布，看得到草稿）；
/// 已发布的通报，凡统计范围与本人的范围相交的都能看——范围的根在本人范围内，或本人所在（所管）单位属于这个范围
/// （通报本来就是印发给范围内各单位的）。草稿对其他人一律 404。
/// </summary>
public static class BulletinAccess
{
    public static IReadOnlySet<long> ManagedUnits(UserContext me) => UnitScope.Office(me);

    public static bool CanManage(UserContext me, long rootUnitId) => me.IsOffice && ManagedUnits(me).Contains(rootUnitId);

    /// <summary>已发布的通报中，本人能看的统计范围的根：本人范围内的单位及其全部上级。</summary>
    public static IReadOnlySet<long> ReadableRoots(UserContext me)
    {
        var roots = new HashSet<long>();
        foreach (var unitId in UnitScope.Manuscripts(me))
            foreach (var unit in me.Tree.SelfAndAncestors(unitId))
                if (!roots.Add(unit.Id)) break;
        return roots;
    }

    public static bool CanSee(UserContext me, Bulletin bulletin) =>
        CanManage(me, bulletin.RootUnitId)
        || (bulletin.Status == BulletinStatus.Published && ReadableRoots(me).Contains(bulletin.RootUnitId));

    /// <summary>修改、发布：不是宣传办的 403；是宣传办但不管这个范围的与看不到一样 404。</summary>
    public static void RequireManage(UserContext me, Bulletin bulletin)
    {
        me.Require(me.IsOffice);
        if (!CanManage(me, bulletin.RootUnitId)) throw AppException.NotFound();
    }

    /// <summary>宣传办所在的单位（不含其中一个的下级）：只有一个时作为新建通报的缺省范围。</summary>
    public static IReadOnlyList<long> OfficeRoots(UserContext me)
    {
        var units = me.Assignments.Where(a => a.Role == Role.Office && a.UnitId is not null).Select(a => a.UnitId!.Value).Distinct().ToList();
        return units.Where(u => !units.Any(other => other != u && me.Tree.Subtree(other).Contains(u))).ToList();
    }
}
