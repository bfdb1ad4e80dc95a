using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>宣传办为所辖单位登记或修改发布渠道；同一单位的渠道不能重名。</summary>
public sealed class SaveChannel(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock)
{
    public async Task<ChannelDto> HandleAsync(long? id, ChannelForm form, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        var offices = PublishingAccess.OfficeUnits(me);
        Channel channel;
        if (id is null)
        {
            var unitId = form.UnitId ?? throw AppException.Invalid("unitId", "Required");
            if (!offices.Contains(unitId)) throw AppException.Forbidden("Channel.UnitNotInScope");
            var type = Wire.RequiredCode<ChannelType>(form.Type, "channelType");
            channel = Channel.Create(unitId, form.Name ?? "", type, form.Url, form.ResponsibleName ?? "", form.ResponsiblePhone, null, clock.UtcNow);
            db.Channels.Add(channel);
        }
        else
        {
            channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
            if (!offices.Contains(channel.UnitId)) throw AppException.NotFound();
            var type = Wire.RequiredCode<ChannelType>(form.Type, "channelType");
            channel.Update(form.Name ?? "", type, form.Url, form.ResponsibleName ?? "", form.ResponsiblePhone, channel.ResponsibleUserId);
        }
        if (await db.Channels.AnyAsync(c => c.UnitId == channel.UnitId && c.Name == channel.Name && c.Id != channel.Id, ct))
            throw AppException.Conflict("Channel.DuplicateName", channel.Name);

        var detail = $"{channel.Name} ({Wire.Code(channel.Type)})";
        if (id is null)
            await db.SaveNewAsync(() => audit.Add("channel.create", "Channel", channel.Id, detail), Duplicate(channel), Stale, ct);
        else
        {
            audit.Add("channel.update", "Channel", channel.Id, detail);
            await db.SaveAsync(Duplicate(channel), Stale, ct);
        }
        return ListChannels.ToDto(channel, me.Tree);
    }

    private static Func<AppException> Duplicate(Channel channel) => () => AppException.Conflict("Channel.DuplicateName", channel.Name);

    private static AppException Stale() => AppException.Conflict("Concurrency");
}
