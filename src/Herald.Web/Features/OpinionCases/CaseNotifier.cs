using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置的站内通知（与业务变更在同一次保存中提交）。操作者本人不收到自己的通知。</summary>
public sealed class CaseNotifier(HeraldDbContext db, Clock clock)
{
    public void Tell(IEnumerable<long> userIds, NotificationKind kind, OpinionCase c, long? actorId, string? actorName, string? comment = null)
    {
        var now = clock.UtcNow;
        foreach (var userId in userIds.Where(u => u != actorId).Distinct())
            db.Notifications.Add(Notification.ForOpinionCase(userId, kind, c.Id, c.Title, actorName, comment, now));
    }

    /// <summary>回应的一步已处理：发出的"回应待您审核"，对不再有回应等其审核的人标为已读。</summary>
    public Task ApprovalStepDoneAsync(OpinionCase c, Func<long, bool> stillAwaiting, CancellationToken ct) =>
        db.ResolveNotificationsAsync(n => n.OpinionCaseId == c.Id && n.Kind == NotificationKind.OpinionApprovalRequested, clock.UtcNow, ct,
            n => stillAwaiting(n.UserId));
}
