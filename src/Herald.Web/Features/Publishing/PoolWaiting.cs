using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>待办来源：采编池里待采编的稿件（kind pool，宣传办），范围与 /pool?editorial=pending 相同，审定最早的在前。</summary>
public sealed class PoolWaiting(HeraldDbContext db) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.IsOffice) return [];
        var pending = GetPool.InPool(db.Manuscripts.AsNoTracking(), me).Where(m => m.Editorial == EditorialStatus.Pending);
        // 省级规模下池中可有几十万篇：像数据表一样只数到上限（首页显示"10000+"）。
        var count = await pending.CountCappedAsync(PageRequest.Of(1, 1), ct);
        var rows = await pending.OrderBy(m => m.ApprovedAt).ThenBy(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Title, m.UnitId, m.ApprovedAt }).ToListAsync(ct);
        var items = rows.Select(m => new WaitingItem("pool", m.Title, $"/manuscripts/{m.Id}", m.ApprovedAt ?? default,
            Unit: me.Tree.Find(m.UnitId)?.Name)).ToList();
        return [new WaitingGroup("pool", count.Count, "/pool?editorial=pending", items, CountCapped: count.Capped)];
    }
}

/// <summary>待办来源：待核实的用稿申报（kind claim，宣传办），范围与 /adoptions?status=pending 相同，申报最早的在前。</summary>
public sealed class ClaimsWaiting(HeraldDbContext db) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.IsOffice) return [];
        var all = me.SeesAllSubmitted();
        var pending = from a in db.Adoptions.AsNoTracking()
                      join m in all ? db.Manuscripts.AsNoTracking() : db.Manuscripts.AsNoTracking().VisibleTo(me) on a.ManuscriptId equals m.Id
                      where a.Status == AdoptionStatus.Pending
                      select new { a.Id, a.ClaimedAt, a.SourceName, m.Title, ManuscriptId = m.Id, m.UnitId };
        // 看全部已报送稿件的人（省级宣传办）只数登记本身，不逐条连接稿件表（见 SeesAllSubmitted）。
        var count = all ? await db.Adoptions.CountAsync(a => a.Status == AdoptionStatus.Pending, ct) : await pending.CountAsync(ct);
        var rows = await pending.OrderBy(x => x.ClaimedAt).ThenBy(x => x.Id).Take(take).ToListAsync(ct);
        var items = rows.Select(x => new WaitingItem("claim", $"{x.Title}（{x.SourceName}）", $"/manuscripts/{x.ManuscriptId}", x.ClaimedAt,
            Unit: me.Tree.Find(x.UnitId)?.Name)).ToList();
        return [new WaitingGroup("claim", count, "/adoptions?status=pending", items)];
    }
}
