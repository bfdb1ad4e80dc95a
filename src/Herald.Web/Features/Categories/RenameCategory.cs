using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>改名：已有稿件跟着显示新名称（稿件只存类别编号）。</summary>
public sealed class RenameCategory(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, string? name, CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
        var old = category.Name;
        category.Rename(name ?? "");
        if (category.Name == old) return;
        if (await db.Categories.AnyAsync(c => c.Id != id && c.Name == category.Name, ct))
            throw AppException.Invalid("Name", "Category.DuplicateName", category.Name);
        audit.Add("category.rename", "Category", category.Id, $"{old} -> {category.Name}");
        await db.SaveChangesAsync(ct);
    }
}
