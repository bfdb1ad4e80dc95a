using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情详情：信息、时限、交办、回应与审核、处置、反馈、任务、约谈、处置记录，以及调用者能做什么。</summary>
public sealed class GetCase(HeraldDbContext db, CaseStore store, ResponseRoute routes, Clock clock)
{
    public async Task<CaseDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        return await ViewAsync(me, scope, c, ct);
    }

    public async Task<CaseDetail> ViewAsync(Infrastructure.Auth.UserContext me, CaseScope scope, OpinionCase c, CancellationToken ct)
    {
        var people = CaseViews.People(c).ToArray();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var itemIds = c.Items.Select(i => i.ItemId).ToArray();
        var active = c.Items.ToDictionary(i => i.ItemId, i => i.Active);
        var items = await db.OpinionItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToListAsync(ct);
        var itemDtos = items.OrderBy(i => i.PublishedAt ?? i.ReceivedAt).ThenBy(i => i.Id).Select(i => new CaseItemDto(i.Id, i.DisplayTitle, i.Platform, i.Source, i.Url,
            i.PublishedAt, i.ReceivedAt, i.HitWeight, i.DuplicateCount, active[i.Id])).ToList();
        // 重大舆情交办后，回应找不到审核人的级别（详情页和交办结果都提示）。
        var missing = c.UnitId is { } unitId && c.ResponseNeedsApproval && c.Status != OpinionCaseStatus.Closed
            ? routes.MissingApprovers(me.Tree, unitId)
            : [];
        return CaseViews.Detail(c, itemDtos, me, scope, names, missing, clock.UtcNow);
    }
}
