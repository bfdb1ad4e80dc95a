using Herald.Domain.Scoring;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>通报列表：本人能看的已发布通报，宣传办另见其所辖范围内的草稿。新的在前。</summary>
public sealed class ListBulletins(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<BulletinSummary>> HandleAsync(int? year, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var readable = BulletinAccess.ReadableRoots(me).ToArray();
        var managed = me.IsOffice ? BulletinAccess.ManagedUnits(me).ToArray() : [];
        var query = db.Bulletins.AsNoTracking()
            .Where(b => managed.Contains(b.RootUnitId) || (b.Status == BulletinStatus.Published && readable.Contains(b.RootUnitId)));
        if (year is { } y) query = query.Where(b => b.Year == y);
        var rows = await query
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Kind).ThenByDescending(b => b.Quarter)
            .ThenBy(b => b.RootUnitId).ThenByDescending(b => b.Version)
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(b => b.AsSummary(me.Tree)).ToList();
    }
}
