using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>
/// 停用：报送页不再提供该类别，已有稿件保留原类别。至少要留一个可用的类别，否则谁都报不了稿。
/// </summary>
public sealed class SetCategoryDisabled(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, bool disabled, CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
        if (category.Disabled == disabled) return;
        if (disabled && !await db.Categories.AnyAsync(c => c.Id != id && !c.Disabled, ct))
            throw AppException.Conflict("Category.LastEnabled");
        if (disabled) category.Disable();
        else category.Enable();
        audit.Add(disabled ? "category.disable" : "category.enable", "Category", category.Id, category.Name);
        await db.SaveChangesAsync(ct);
    }
}
