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

/// <summary>
/// 宣传办把已审定的稿件发布到本单位（或上级单位）的平台：平台、链接、发布时间，编辑为当前用户。
/// 同一平台只发布一次；作者和单位负责人收到通知。
/// </summary>
public sealed class PublishManuscript(HeraldDbContext db, CurrentUser current, Notifier notifier, AuditLog audit, Clock clock)
{
    public async Task<PublicationDto> HandleAsync(long manuscriptId, PublishRequest request, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Publications).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == manuscriptId, ct)
                ?? throw AppException.NotFound();
        me.Require(PublishingAccess.IsOfficeFor(me, m.UnitId));
        var channelId = request.ChannelId ?? throw AppException.Invalid("channelId", "Required");
        var units = me.Tree.SelfAndAncestors(m.UnitId).Select(u => u.Id).ToArray();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId && units.Contains(c.UnitId), ct)
                      ?? throw AppException.Invalid("channelId", "Publishing.ChannelNotForUnit");
        var now = clock.UtcNow;
        var publishedAt = Wire.TimeOrNow(request.PublishedAt, "publishedAt", now);

        var publication = m.Publish(channel, request.Url, publishedAt, me.Id, now);
        notifier.Tell(PublishingAccess.AuthorAndHead(me.Tree, m), NotificationKind.Published, m, me.Id, me.DisplayName, null);
        audit.Add("manuscript.publish", "Manuscript", m.Id, channel.Name);
        await db.SaveAsync(() => AppException.Conflict("Publishing.AlreadyPublished", channel.Name),
            () => AppException.Conflict("Publishing.Stale"), ct);
        return EditorialRecords.ToDto(publication, new Dictionary<long, string> { [me.Id] = me.DisplayName });
    }
}
