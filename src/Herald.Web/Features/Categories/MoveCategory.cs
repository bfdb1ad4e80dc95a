using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>上移/下移一位（与相邻的类别交换）；先把排序号整理成 0..n-1，避免相同排序号时交换无效。</summary>
public sealed class MoveCategory(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    /// <summary>API：direction 为 up 或 down（在权限检查之后解析）。</summary>
    public async Task HandleAsync(long id, string? direction, CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        var up = direction?.Trim().ToLowerInvariant() switch
        {
            "up" => true,
            "down" => false,
            _ => throw AppException.Invalid("Direction", "Category.UnknownDirection", direction ?? ""),
        };
        await HandleAsync(id, up, ct);
    }

    public async Task HandleAsync(long id, bool up, CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        var all = await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var index = all.FindIndex(c => c.Id == id);
        if (index < 0) throw AppException.NotFound();
        var target = up ? index - 1 : index + 1;
        if (target < 0 || target >= all.Count) return;

        (all[index], all[target]) = (all[target], all[index]);
        for (var i = 0; i < all.Count; i++) all[i].SetSortOrder(i);
        audit.Add("category.move", "Category", id, $"{all[target].Name} {(up ? "up" : "down")} -> {target + 1}");
        await db.SaveChangesAsync(ct);
    }
}
