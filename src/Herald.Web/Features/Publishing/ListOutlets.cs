using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>媒体名录查询条件：level、type 为代码（见 <see cref="OutletForm"/>），q 为名称关键词。</summary>
public sealed record OutletQuery(string? Level = null, string? Type = null, string? Q = null, bool IncludeDisabled = false);

/// <summary>媒体名录：任何登录用户都可查（申报用稿要选媒体），按级别、名称排序。停用的只有宣传办能看到。</summary>
public sealed class ListOutlets(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<OutletDto>> HandleAsync(OutletQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = db.Outlets.AsNoTracking();
        if (!(query.IncludeDisabled && PublishingAccess.CanManage(me))) q = q.Where(o => !o.Disabled);
        if (Wire.OptionalCode<MediaLevel>(query.Level, "level") is { } level) q = q.Where(o => o.Level == level);
        if (Wire.OptionalCode<OutletType>(query.Type, "type") is { } type) q = q.Where(o => o.Type == type);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(o => o.Name.Contains(text));
        }
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(o => o.Disabled).ThenBy(o => o.Level).ThenBy(o => o.Type).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(ToDto).ToList();
    }

    public static OutletDto ToDto(Outlet o) => new(o.Id, o.Name, o.Level, o.Type, o.Disabled, o.CreatedAt);
}
