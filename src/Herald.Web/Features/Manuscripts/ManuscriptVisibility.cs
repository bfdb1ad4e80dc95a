using System.Linq.Expressions;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 谁能看到哪些稿件：作者本人总能看到；其他人只看其范围内单位已报送的稿件（草稿只有作者可见）。
/// 不在范围内的稿件对调用者一律"找不到"。
/// </summary>
public static class ManuscriptVisibility
{
    /// <summary>
    /// 此人能看到全部单位已报送的稿件（省级宣传办、主要负责人）。用稿登记只挂在已审定的稿件上，对他们不必逐行连接稿件表判断可见
    /// （省级规模下待核实的近两万条，逐条回表要 0.3 秒）。
    /// </summary>
    public static bool SeesAllSubmitted(this UserContext me) => UnitScope.CoversWholeTree(UnitScope.Manuscripts(me), me.Tree);

    public static IQueryable<Manuscript> VisibleTo(this IQueryable<Manuscript> query, UserContext me)
    {
        var id = me.Id;
        var scope = UnitScope.Manuscripts(me);
        if (me.SeesAllSubmitted())
        {
            // 能看全部单位：同一条件，但不带全部单位编号的 IN 列表。
            // 单位从不删除、编号只增，所以"在快照中"就是"编号不大于最大编号"。
            var maxUnitId = me.Tree.MaxUnitId;
            return query.Where(m => m.AuthorId == id || (m.Status != ManuscriptStatus.Draft && m.UnitId <= maxUnitId));
        }
        var units = scope.ToArray();
        return query.Where(m => m.AuthorId == id || (m.Status != ManuscriptStatus.Draft && units.Contains(m.UnitId)));
    }

    /// <summary>
    /// 与 VisibleTo 相同的稿件集合，供翻页列表使用。VisibleTo 顶层的 OR（本人的，或我范围内单位的非草稿）让 SQLite
    /// 从两个索引收集全部候选行、再逐行读表过滤和排序；每个单位上千篇稿件时，这占了页面的大部分时间。
    /// 当我本人的稿件都在我的范围内时（通常如此，一次索引查询即可确认），条件等价于"在我范围内的单位，且不是草稿或是我的"，
    /// 一个覆盖索引就能按更新时间给出。否则仍用 VisibleTo。
    /// </summary>
    public static async Task<IQueryable<Manuscript>> VisibleInListsAsync(this IQueryable<Manuscript> query, IQueryable<Manuscript> all,
        UserContext me, CancellationToken ct)
    {
        var id = me.Id;
        var scope = UnitScope.Manuscripts(me);
        Expression<Func<Manuscript, bool>> inScope, outOfScope;
        if (me.SeesAllSubmitted())
        {
            // 快照中的全部单位（单位编号递增、从不删除）。写成差值，SQLite 就不会为它选单位索引（那样要把整张表排序），
            // 而是顺着更新时间索引直接取到第一页。
            var maxUnitId = me.Tree.MaxUnitId;
            inScope = m => m.UnitId - maxUnitId <= 0;
            outOfScope = m => m.UnitId - maxUnitId > 0;
        }
        else
        {
            var units = scope.ToArray();
            inScope = m => units.Contains(m.UnitId);
            outOfScope = m => !units.Contains(m.UnitId);
        }
        if (await all.Where(m => m.AuthorId == id).Where(outOfScope).AnyAsync(ct))
            return query.VisibleTo(me);
        return query.Where(inScope).Where(m => m.Status != ManuscriptStatus.Draft || m.AuthorId == id);
    }

    public static bool CanSee(this UserContext me, Manuscript m) =>
        m.AuthorId == me.Id || (m.Status != ManuscriptStatus.Draft && UnitScope.Manuscripts(me).Contains(m.UnitId));
}
