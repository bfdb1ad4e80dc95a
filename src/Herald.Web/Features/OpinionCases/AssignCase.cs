using Herald.Domain.Notifications;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

/// <summary>交办（或改派）：宣传办把舆情交给其所辖的一个在用单位，写明要求，可给办理期限；责任单位的人员收到通知。</summary>
public sealed class AssignCase(CaseStore store, CaseNotifier notifier, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, AssignRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        CaseStore.CheckRevision(c, request.Revision);
        var unitId = request.UnitId ?? throw AppException.Invalid("unitId", "Required");
        if (me.Tree.Find(unitId) is not { } unit || !scope.OfficeUnits.Contains(unitId))
            throw AppException.Forbidden("OpinionCase.UnitOutOfScope");
        if (unit.Disabled) throw AppException.Invalid("unitId", "OpinionCase.UnitDisabled", unit.Name);
        var now = clock.UtcNow;
        DateTime? due = string.IsNullOrWhiteSpace(request.DueAt) ? null : Wire.TimeOrNow(request.DueAt, "dueAt", now);
        c.Assign(unitId, request.Instructions, due, me.Id, now);
        notifier.Tell(CaseAccess.UnitPeople(me.Tree, unitId), NotificationKind.OpinionAssigned, c, me.Id, me.DisplayName, c.Instructions);
        audit.Add("opinion_case.assign", "OpinionCase", c.Id, $"unit {unitId}; due {due:yyyy-MM-dd HH:mm}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
