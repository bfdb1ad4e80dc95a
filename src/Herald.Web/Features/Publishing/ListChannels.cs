using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 发布渠道。API：宣传办、主要负责人、领导看全部，其他人看其可见稿件所在单位的渠道。
/// 管理页：宣传办所辖单位的渠道（含停用的），按组织树顺序。
/// </summary>
public sealed class ListChannels(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<ChannelDto>> HandleAsync(long? unitId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = db.Channels.AsNoTracking();
        if (!me.HasAny(Role.Office, Role.Principal, Role.Viewer))
        {
            var units = UnitScope.Manuscripts(me).ToArray();
            q = q.Where(c => units.Contains(c.UnitId));
        }
        if (unitId is { } only) q = q.Where(c => c.UnitId == only);
        return Ordered(await q.ToListAsync(ct), me.Tree);
    }

    public async Task<IReadOnlyList<ChannelDto>> ForOfficeAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        var units = PublishingAccess.OfficeUnits(me).ToArray();
        return Ordered(await db.Channels.AsNoTracking().Where(c => units.Contains(c.UnitId)).ToListAsync(ct), me.Tree);
    }

    public static ChannelDto ToDto(Channel c, OrgTree tree) =>
        new(c.Id, c.UnitId, tree.Find(c.UnitId)?.Name ?? "", c.Name, c.Type, c.Url, c.ResponsibleName, c.ResponsiblePhone, c.Disabled, c.CreatedAt);

    private static List<ChannelDto> Ordered(List<Channel> channels, OrgTree tree)
    {
        var position = tree.Flatten().Select((x, i) => (x.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return channels.OrderBy(c => position.GetValueOrDefault(c.UnitId, int.MaxValue)).ThenBy(c => c.Disabled).ThenBy(c => c.Id)
            .Select(c => ToDto(c, tree)).ToList();
    }
}
