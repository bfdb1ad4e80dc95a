using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Publishing;

/// <summary>稿件详情页"采编与用稿"区域需要的：当前用户能做什么、可发布的渠道、可选的媒体。</summary>
public sealed record EditorialPanelModel(bool IsOffice, bool CanClaim, IReadOnlyList<ChannelDto> Channels, IReadOnlyList<OutletDto> Outlets,
    DateTime NowUtc)
{
    public static readonly EditorialPanelModel None = new(false, false, [], [], default);
}

/// <summary>采编池中一篇稿件的采编状态与（宣传办）可发布的渠道。</summary>
public sealed record PoolRow(EditorialStatus Editorial, string? NotUsedReason, IReadOnlyList<string> PublishedTo, bool IsOffice,
    IReadOnlyList<ChannelDto> Channels, DateTime? ApprovedAt = null);

/// <summary>
/// 采编台：稿件可发布到其单位及各级上级单位的在用渠道（已发布过的渠道不再列出）。
/// 供详情页和采编池的组件在渲染时取数。
/// </summary>
public sealed class EditorialDesk(HeraldDbContext db, CurrentUser current, Clock clock, IOptions<PublishingOptions> options)
{
    public long MaxProofBytes => options.Value.MaxProofBytes;

    public DateTime NowUtc => clock.UtcNow;

    public async Task<EditorialPanelModel> ForManuscriptAsync(ManuscriptDetail d, CancellationToken ct = default)
    {
        if (d.Status != ManuscriptStatus.Approved) return EditorialPanelModel.None;
        var me = await current.GetAsync(ct);
        var office = PublishingAccess.IsOfficeFor(me, d.UnitId);
        var claim = d.AuthorId == me.Id || me.SubmitUnits.Contains(d.UnitId);
        IReadOnlyList<ChannelDto> channels = [];
        if (office)
        {
            var published = d.Publications.Select(p => p.ChannelId).ToHashSet();
            channels = (await ChannelsForAsync([d.UnitId], me.Tree, ct)).Where(c => !published.Contains(c.Id)).ToList();
        }
        IReadOnlyList<OutletDto> outlets = office || claim
            ? (await db.Outlets.AsNoTracking().Where(o => !o.Disabled).ToListAsync(ct))
                .OrderBy(o => o.Level).ThenBy(o => o.Type).ThenBy(o => o.Name, StringComparer.Ordinal).Select(ListOutlets.ToDto).ToList()
            : [];
        return new EditorialPanelModel(office, claim, channels, outlets, clock.UtcNow);
    }

    public async Task<IReadOnlyDictionary<long, PoolRow>> ForPoolAsync(IReadOnlyList<ManuscriptListItem> items, CancellationToken ct = default)
    {
        if (items.Count == 0) return new Dictionary<long, PoolRow>();
        var me = await current.GetAsync(ct);
        var ids = items.Select(i => i.Id).ToArray();
        var states = await db.Manuscripts.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Editorial, m.NotUsedReason, m.ApprovedAt }).ToDictionaryAsync(m => m.Id, ct);
        var publications = (await db.Publications.AsNoTracking().Where(p => ids.Contains(p.ManuscriptId))
                .Select(p => new { p.ManuscriptId, p.ChannelId, p.ChannelName }).ToListAsync(ct))
            .ToLookup(p => p.ManuscriptId);
        var officeItems = items.Where(i => PublishingAccess.IsOfficeFor(me, i.UnitId)).ToList();
        var channels = await ChannelsForAsync(officeItems.Select(i => i.UnitId).Distinct(), me.Tree, ct);

        var rows = new Dictionary<long, PoolRow>();
        foreach (var item in items)
        {
            if (!states.TryGetValue(item.Id, out var state)) continue;
            var published = publications[item.Id].ToList();
            var office = officeItems.Contains(item);
            var lineage = me.Tree.SelfAndAncestors(item.UnitId).Select(u => u.Id).ToHashSet();
            var available = office
                ? channels.Where(c => lineage.Contains(c.UnitId) && published.All(p => p.ChannelId != c.Id)).ToList()
                : [];
            rows[item.Id] = new PoolRow(state.Editorial, state.NotUsedReason, published.Select(p => p.ChannelName).ToList(), office, available, state.ApprovedAt);
        }
        return rows;
    }

    /// <summary>这些单位及其各级上级单位的在用渠道，近的单位在前。</summary>
    private async Task<List<ChannelDto>> ChannelsForAsync(IEnumerable<long> unitIds, OrgTree tree, CancellationToken ct)
    {
        var lineage = unitIds.SelectMany(u => tree.SelfAndAncestors(u)).Select(u => u.Id).Distinct().ToArray();
        if (lineage.Length == 0) return [];
        var depth = lineage.ToDictionary(id => id, id => tree.SelfAndAncestors(id).Count());
        return (await db.Channels.AsNoTracking().Where(c => !c.Disabled && lineage.Contains(c.UnitId)).ToListAsync(ct))
            .OrderByDescending(c => depth[c.UnitId]).ThenBy(c => c.Id).Select(c => ListChannels.ToDto(c, tree)).ToList();
    }
}
