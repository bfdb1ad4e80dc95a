using System.Linq.Expressions;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 谁能看到、处理哪些舆情：
/// 宣传办、主要负责人、领导（只读）看其所辖单位子树立案或交办的全部舆情；
/// 单位（信息员、舆情信息员、单位负责人）只看交办给本单位的（单位负责人另含其代为审核的下级单位）；
/// 分管领导看交办给其分管单位的。看不到的一律 404，看得到但无权操作的 403。
/// </summary>
public sealed class CaseScope
{
    private CaseScope(IReadOnlySet<long> wide, IReadOnlySet<long> units, IReadOnlySet<long> office, bool wholeTree)
    {
        WholeTree = wholeTree;
        Wide = wide;
        Units = units;
        OfficeUnits = office;
    }

    /// <summary>宣传办、主要负责人、领导所辖的单位：立案单位或责任单位在其中即可见。</summary>
    public IReadOnlySet<long> Wide { get; }

    /// <summary>责任单位在其中即可见（本单位、分管单位）。</summary>
    public IReadOnlySet<long> Units { get; }

    /// <summary>以宣传办身份管辖的单位。</summary>
    public IReadOnlySet<long> OfficeUnits { get; }

    /// <summary>所辖单位是整棵组织树（省级宣传办、主要负责人）：每件舆情都可见。</summary>
    public bool WholeTree { get; }

    public bool SeesAnything => Wide.Count > 0 || Units.Count > 0;

    public static CaseScope Of(UserContext me)
    {
        var tree = me.Tree;
        var office = Common.UnitScope.Office(me);
        var wide = new HashSet<long>(Common.UnitScope.Oversight(me));
        var units = new HashSet<long>();
        foreach (var a in me.Assignments)
        {
            if (a.UnitId is not { } unitId) continue;
            switch (a.Role)
            {
                case Role.Correspondent or Role.OpinionOfficer:
                    units.Add(unitId);
                    break;
                case Role.UnitHead or Role.SupervisingLeader:
                    units.Add(unitId);
                    units.UnionWith(tree.ReviewUnits(me.Id, a.Role));
                    break;
            }
        }
        return new CaseScope(wide, units, office, wide.Count == tree.Count);
    }

    public Expression<Func<OpinionCase, bool>> Filter()
    {
        // 立案单位都在组织树中：看全树的人不必把几千个单位编号逐个交给数据库（每次请求要 1.6 秒）。
        if (WholeTree) return c => true;
        var wide = Wide.ToArray();
        var all = Wide.Concat(Units).Distinct().ToArray();
        return c => wide.Contains(c.OwnerUnitId) || (c.UnitId != null && all.Contains(c.UnitId.Value));
    }

    public bool CanSee(OpinionCase c) =>
        Wide.Contains(c.OwnerUnitId) || (c.UnitId is { } unit && (Wide.Contains(unit) || Units.Contains(unit)));

    /// <summary>以宣传办身份管理这件舆情（交办、调整等级、办结、重新打开、启动预案、约谈）。</summary>
    public bool Manages(OpinionCase c) => OfficeUnits.Contains(c.OwnerUnitId);

    public bool CanOpenIn(long ownerUnitId) => OfficeUnits.Contains(ownerUnitId);
}

public static class CaseAccess
{
    private static readonly Role[] MemberRoles = [Role.UnitHead, Role.Correspondent, Role.OpinionOfficer];

    /// <summary>此人是责任单位的人员（单位负责人、信息员、舆情信息员）。</summary>
    public static bool IsMemberOf(UserContext me, long unitId) =>
        me.Assignments.Any(a => a.UnitId == unitId && MemberRoles.Contains(a.Role));

    /// <summary>可以登记回应、处置、反馈：责任单位的人员，或管理这件舆情的宣传办。</summary>
    public static bool CanHandle(UserContext me, CaseScope scope, OpinionCase c) =>
        scope.Manages(c) || (c.UnitId is { } unit && IsMemberOf(me, unit));

    /// <summary>单位的经办人员：单位负责人、信息员、舆情信息员；都没有时取最近的上级单位负责人。</summary>
    public static IEnumerable<long> UnitPeople(OrgTree tree, long unitId)
    {
        var people = MemberRoles.SelectMany(r => tree.Holders(r, unitId)).Distinct().ToList();
        return people.Count > 0 ? people : tree.ResolveReviewers(Role.UnitHead, unitId).UserIds;
    }

    /// <summary>舆情立案单位的宣传办人员（从该单位向上，各级宣传办）。</summary>
    public static IEnumerable<long> OfficePeople(OrgTree tree, long ownerUnitId) =>
        tree.SelfAndAncestors(ownerUnitId).SelectMany(u => tree.Holders(Role.Office, u.Id)).Distinct();

    /// <summary>责任单位的分管领导（本单位没有时取最近的上级）。</summary>
    public static IEnumerable<long> SupervisingLeaders(OrgTree tree, long unitId) =>
        tree.ResolveReviewers(Role.SupervisingLeader, unitId).UserIds;

    /// <summary>某任务此人能否完成：负责人本人、负责单位的人员、宣传办（负责宣传办的任务，或管理这件舆情）。</summary>
    public static bool CanComplete(UserContext me, CaseScope scope, OpinionCase c, OpinionCaseTask task) =>
        scope.Manages(c) || task.OwnerKind switch
        {
            TaskOwnerKind.User => task.OwnerUserId == me.Id,
            TaskOwnerKind.Office => task.OwnerUnitId is { } u && scope.OfficeUnits.Contains(u),
            _ => task.OwnerUnitId is { } unit && IsMemberOf(me, unit),
        };
}
