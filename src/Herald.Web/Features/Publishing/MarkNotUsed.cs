using Herald.Domain.Notifications;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>宣传办决定不采用待采编的稿件（须说明理由）；作者和单位负责人收到通知。</summary>
public sealed class MarkNotUsed(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock)
{
    public async Task<EditorialDto> HandleAsync(long manuscriptId, string? reason, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.VisibleTo(me).FirstOrDefaultAsync(x => x.Id == manuscriptId, ct) ?? throw AppException.NotFound();
        me.Require(PublishingAccess.IsOfficeFor(me, m.UnitId));
        if (string.IsNullOrWhiteSpace(reason)) throw AppException.Invalid("reason", "Editorial.ReasonRequired");

        m.MarkNotUsed(me.Id, reason, clock.UtcNow);
        notifier.Tell(PublishingAccess.AuthorAndHead(me.Tree, m), NotificationKind.NotUsed, m, me.Id, me.DisplayName, m.NotUsedReason);
        audit.Add("manuscript.not_used", "Manuscript", m.Id, $"unit {m.UnitId}");
        await db.SaveAsync(() => AppException.Conflict("Publishing.Stale"), () => AppException.Conflict("Publishing.Stale"), ct);
        return EditorialRecords.Editorial(m);
    }
}
