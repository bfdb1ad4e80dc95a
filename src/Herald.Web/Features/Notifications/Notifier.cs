using Herald.Domain.Notifications;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Notifications;

/// <summary>稿件状态变化后给相关的人发站内通知（与状态变化在同一事务中保存）。</summary>
public sealed class Notifier(HeraldDbContext db, Clock clock)
{
    /// <summary>审核的一步已处理（不论是谁处理的）：发给这一级各审核人的"请您审核"都标为已读。</summary>
    public Task ReviewStepDoneAsync(Manuscript m, CancellationToken ct = default) =>
        db.ResolveNotificationsAsync(n => n.ManuscriptId == m.Id && n.Kind == NotificationKind.ReviewRequested, clock.UtcNow, ct);

    /// <summary>稿件流转后通知下一步的审核人或作者。"请您审核"写的是作者（报送人），不是刚审核通过的上一级。</summary>
    public async Task ManuscriptChangedAsync(Manuscript m, long actorId, string actorName, string? comment, OrgTree tree,
        CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        switch (m.Status)
        {
            case ManuscriptStatus.InReview when m.CurrentStepRole is { } role:
                var author = m.AuthorId == actorId ? actorName : await AuthorNameAsync(m.AuthorId, ct);
                foreach (var userId in tree.ResolveReviewers(role, m.UnitId).UserIds.Where(u => u != actorId))
                    db.Notifications.Add(Notification.Create(userId, NotificationKind.ReviewRequested, m.Id, m.Title, author, null, now));
                break;
            case ManuscriptStatus.Returned:
                Tell(m, NotificationKind.Returned, actorId, actorName, comment, now);
                break;
            case ManuscriptStatus.Rejected:
                Tell(m, NotificationKind.Rejected, actorId, actorName, comment, now);
                break;
            case ManuscriptStatus.Approved:
                Tell(m, NotificationKind.Approved, actorId, actorName, comment, now);
                break;
        }
    }

    /// <summary>采编与用稿：告诉这些人（操作者本人除外，每人一条）。</summary>
    public void Tell(IEnumerable<long> userIds, NotificationKind kind, Manuscript m, long actorId, string actorName, string? comment)
    {
        var now = clock.UtcNow;
        foreach (var userId in userIds.Where(u => u != actorId).Distinct())
            db.Notifications.Add(Notification.Create(userId, kind, m.Id, m.Title, actorName, comment, now));
    }

    private Task<string?> AuthorNameAsync(long authorId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == authorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    private void Tell(Manuscript m, NotificationKind kind, long actorId, string actorName, string? comment, DateTime now)
    {
        if (m.AuthorId == actorId) return;
        db.Notifications.Add(Notification.Create(m.AuthorId, kind, m.Id, m.Title, actorName, comment, now));
    }
}
