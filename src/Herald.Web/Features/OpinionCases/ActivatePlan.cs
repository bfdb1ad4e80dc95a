using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 在舆情上启动应急预案（宣传办）：清单逐项生成任务（负责单位或人员、期限），负责人收到通知。
/// 同一预案只能启动一次（重复点击 409，不会多出任务）。
/// </summary>
public sealed class ActivatePlan(HeraldDbContext db, CaseStore store, CaseNotifier notifier, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, long planId, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        var plan = await db.EmergencyPlans.Include(p => p.Steps).AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct)
                   ?? throw AppException.Invalid("planId", "OpinionCase.PlanUnknown");
        var tasks = c.ActivatePlan(plan, me.Id, clock.UtcNow);
        foreach (var task in tasks)
        {
            var owners = task.OwnerKind switch
            {
                TaskOwnerKind.User => task.OwnerUserId is { } u ? [u] : [],
                TaskOwnerKind.Office => CaseAccess.OfficePeople(me.Tree, task.OwnerUnitId ?? c.OwnerUnitId),
                _ => task.OwnerUnitId is { } unit ? CaseAccess.UnitPeople(me.Tree, unit) : [],
            };
            notifier.Tell(owners, NotificationKind.OpinionTaskAssigned, c, me.Id, me.DisplayName, task.Title);
        }
        audit.Add("opinion_case.plan", "OpinionCase", c.Id, $"plan {plan.Id}; {tasks.Count} tasks");
        await store.SaveAsync(ct, () => AppException.Conflict("OpinionCase.PlanAlreadyActive", plan.Name));
        return await views.ViewAsync(me, scope, c, ct);
    }
}
