using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>单位树：类型、负责人、分管领导、在册信息员数和缺项提醒（管理员）。</summary>
public sealed class ListUnits(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<IReadOnlyList<UnitRow>> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var tree = me.Tree;
        var counts = await ActiveCorrespondentCountsAsync(db, ChinaTime.DateOf(clock.UtcNow), ct);

        var people = tree.All.SelectMany(u => tree.Holders(Role.UnitHead, u.Id).Concat(tree.Holders(Role.SupervisingLeader, u.Id)));
        var names = await UserNames.LoadAsync(db, people, ct);

        var rows = new List<UnitRow>();
        foreach (var (unit, depth) in tree.Flatten())
        {
            var (heads, inheritedHeads, noHead) = Resolve(tree, Role.UnitHead, unit.Id);
            var (leaders, inheritedLeaders, noLeader) = Resolve(tree, Role.SupervisingLeader, unit.Id);
            var count = counts.GetValueOrDefault(unit.Id);
            var warnings = new List<UnitWarning>();
            // 停用的单位不再报送，不必提醒。
            if (!unit.Disabled)
            {
                if (noHead) warnings.Add(UnitWarning.NoHead);
                if (noLeader) warnings.Add(UnitWarning.NoLeader);
                if (count == 0) warnings.Add(UnitWarning.NoCorrespondent);
            }
            rows.Add(new UnitRow(unit.Id, unit.ParentId, unit.Name, depth, unit.Type, unit.Disabled,
                names.Refs(heads), names.Refs(inheritedHeads), names.Refs(leaders), names.Refs(inheritedLeaders), count, warnings));
        }
        return rows;
    }

    public static async Task<Dictionary<long, int>> ActiveCorrespondentCountsAsync(HeraldDbContext db, DateOnly today, CancellationToken ct) =>
        await db.Correspondents.AsNoTracking()
            .Where(c => c.EndedOn == null || c.EndedOn > today)
            .GroupBy(c => c.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

    /// <summary>本单位直接设置的人；没有则为审核时实际沿用的上级单位的人。</summary>
    private static (IReadOnlyList<long> Own, IReadOnlyList<long> Inherited, bool None) Resolve(OrgTree tree, Role role, long unitId)
    {
        var own = tree.Holders(role, unitId);
        if (own.Count > 0) return (own, [], false);
        var resolved = tree.ResolveReviewers(role, unitId);
        return ([], resolved.UserIds, !resolved.Found);
    }
}
