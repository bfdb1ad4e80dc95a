using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>停用渠道：不能再发布到它，已有的发布记录保留原渠道名称。</summary>
public sealed class SetChannelDisabled(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
        if (!PublishingAccess.OfficeUnits(me).Contains(channel.UnitId)) throw AppException.NotFound();
        if (channel.Disabled == disabled) return;
        if (disabled) channel.Disable();
        else channel.Enable();
        audit.Add(disabled ? "channel.disable" : "channel.enable", "Channel", channel.Id, channel.Name);
        await db.SaveChangesAsync(ct);
    }
}
