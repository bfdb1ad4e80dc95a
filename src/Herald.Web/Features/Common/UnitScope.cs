using System.Linq.Expressions;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Common;

/// <summary>
/// 可见范围（哪些单位的数据对此人可见）只在这里定义，各列表、详情、首页数字都用这几组单位，
/// 再用 <see cref="InUnits{T}"/> 过滤查询。范围以外的行一律不出现（详情为"找不到"）。矩阵测试：Web.Tests/Visibility。
/// </summary>
public static class UnitScope
{
    /// <summary>稿件与统计：本单位（信息员、单位负责人）、分管与审核的单位、宣传办与领导所辖的单位。</summary>
    public static IReadOnlySet<long> Manuscripts(UserContext me) => me.ManuscriptUnits;

    /// <summary>范围是快照中的全部单位（省级宣传办、主要负责人有 5000 个）：查询可以不带全部单位编号的 IN 列表。</summary>
    public static bool CoversWholeTree(IReadOnlySet<long> units, OrgTree tree) => units.Count > 0 && units.Count == tree.Count;

    /// <summary>以宣传办身份所辖的单位（子树）。</summary>
    public static IReadOnlySet<long> Office(UserContext me) => me.Tree.ScopeOf(me.Id, Role.Office);

    /// <summary>总览：宣传办、主要负责人、领导（只读）所辖单位的并集（采编池、首页数字、舆情处置总览）。</summary>
    public static IReadOnlySet<long> Oversight(UserContext me)
    {
        var units = new HashSet<long>(me.Tree.ScopeOf(me.Id, Role.Office));
        units.UnionWith(me.Tree.ScopeOf(me.Id, Role.Principal));
        units.UnionWith(me.Tree.ScopeOf(me.Id, Role.Viewer));
        return units;
    }

    /// <summary>组织事务（信息员备案等）：系统管理员全部单位，宣传办所辖单位，其他人没有。</summary>
    public static IReadOnlySet<long> Managed(UserContext me) =>
        me.Has(Role.SysAdmin) ? me.Tree.All.Select(u => u.Id).ToHashSet()
        : me.IsOffice ? Office(me)
        : new HashSet<long>();

    /// <summary>舆情信息全部可见（含没有上报单位的厂商推送与订阅源收录）：宣传办、主要负责人。</summary>
    public static bool AllOpinionItems(UserContext me) => me.IsOffice || me.Has(Role.Principal);

    /// <summary>
    /// 舆情总览者（宣传办、主要负责人）所辖是否覆盖整棵组织树：覆盖时看全部舆情信息；否则只看没有上报单位的
    /// （厂商推送、订阅源收录，属于全局监测）和所辖单位上报的——另一棵树上报的看不到（议题 9 授权矩阵发现）。
    /// </summary>
    public static bool OpinionOversightCoversTree(UserContext me)
    {
        var units = new HashSet<long>(me.Tree.ScopeOf(me.Id, Role.Office));
        units.UnionWith(me.Tree.ScopeOf(me.Id, Role.Principal));
        return CoversWholeTree(units, me.Tree);
    }

    /// <summary>
    /// 能以其名义上报舆情的单位：担任舆情信息员、信息员、单位负责人的单位，以及本人所属单位（<paramref name="homeUnitId"/>，
    /// 账号上的字段，由调用方读出）；停用的单位除外。
    /// </summary>
    public static IReadOnlyList<long> OpinionReporting(UserContext me, long? homeUnitId) =>
        me.Assignments
            .Where(a => a.Role is Role.OpinionOfficer or Role.Correspondent or Role.UnitHead && a.UnitId is not null)
            .Select(a => a.UnitId!.Value)
            .Concat(homeUnitId is { } h ? [h] : [])
            .Where(u => me.Tree.Find(u) is { Disabled: false })
            .Distinct().ToList();

    /// <summary>舆情信息（不是全部可见时）：稿件范围内的单位与能以其名义上报的单位所上报的。</summary>
    public static IReadOnlySet<long> OpinionItems(UserContext me, IEnumerable<long> reporting)
    {
        var units = new HashSet<long>(Manuscripts(me));
        units.UnionWith(reporting);
        return units;
    }

    /// <summary>只留单位在范围内的行（单位编号由 <paramref name="unitOf"/> 取出，翻译成 SQL 的 IN）。</summary>
    public static IQueryable<T> InUnits<T>(this IQueryable<T> query, IReadOnlySet<long> units, Expression<Func<T, long>> unitOf)
    {
        var ids = units.ToArray();
        Expression<Func<long, bool>> contains = id => ids.Contains(id);
        var body = new Substitute(contains.Parameters[0], unitOf.Body).Visit(contains.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, unitOf.Parameters));
    }

    /// <summary>
    /// 同 <see cref="InUnits{T}(IQueryable{T}, IReadOnlySet{long}, Expression{Func{T, long}})"/>；范围是整棵组织树时（省级宣传办、
    /// 主要负责人有几千个单位）不把几千个编号交给数据库（每条查询要几百毫秒），而用"编号不大于树中最大编号"：单位从不删除、编号只增。
    /// 写成差值，SQLite 不会为它选单位索引。
    /// </summary>
    public static IQueryable<T> InUnits<T>(this IQueryable<T> query, IReadOnlySet<long> units, OrgTree tree, Expression<Func<T, long>> unitOf)
    {
        if (!CoversWholeTree(units, tree)) return query.InUnits(units, unitOf);
        var max = tree.MaxUnitId;
        Expression<Func<long, bool>> inTree = id => id - max <= 0;
        var body = new Substitute(inTree.Parameters[0], unitOf.Body).Visit(inTree.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, unitOf.Parameters));
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
