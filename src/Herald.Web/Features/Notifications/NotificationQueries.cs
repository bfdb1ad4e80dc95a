using Herald.Domain.Notifications;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Notifications;

public sealed record NotificationDto(long Id, NotificationKind Kind, long? ManuscriptId, string Subject, string? ActorName,
    string? Comment, DateTime CreatedAt, bool Read, long? OpinionCaseId = null);

/// <summary>通知中心：最近的通知、标记已读。</summary>
public sealed class NotificationCenter(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<IReadOnlyList<NotificationDto>> ListAsync(bool unreadOnly, int take, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == me.Id);
        if (unreadOnly) q = q.Where(n => n.ReadAt == null);
        return await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationDto(n.Id, n.Kind, n.ManuscriptId, n.Subject, n.ActorName, n.Comment, n.CreatedAt, n.ReadAt != null, n.OpinionCaseId))
            .ToListAsync(ct);
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == me.Id && n.ReadAt == null, ct);
    }

    /// <summary>标记一条为已读，返回它指向的页面（别人的通知视为不存在）。</summary>
    public async Task<string> OpenAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == me.Id, ct)
                ?? throw Infrastructure.Web.AppException.NotFound();
        n.MarkRead(clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return n switch
        {
            { OpinionCaseId: { } caseId } => $"/opinion/cases/{caseId}",
            { ManuscriptId: { } manuscriptId } => $"/manuscripts/{manuscriptId}",
            _ => "/notifications",
        };
    }

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var now = clock.UtcNow;
        await db.Notifications.Where(n => n.UserId == me.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
