using Herald.Domain.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>反馈办理情况（责任单位或宣传办）：宣传办收到通知；上级交办的舆情以此满足反馈时限，办结前必须反馈。</summary>
public sealed class SubmitFeedback(CaseStore store, CaseNotifier notifier, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, FeedbackRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(CaseAccess.CanHandle(me, scope, c));
        CaseStore.CheckRevision(c, request.Revision);
        var feedback = c.SubmitFeedback(request.Report, me.Id, clock.UtcNow);
        notifier.Tell(CaseAccess.OfficePeople(me.Tree, c.OwnerUnitId), NotificationKind.OpinionFeedback, c, me.Id, me.DisplayName,
            RecordResponse.Clip(feedback.Report));
        audit.Add("opinion_case.feedback", "OpinionCase", c.Id, c.FromSuperior ? $"to superior {c.SuperiorReference}" : null);
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
