using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>全部类别（含停用的），按排序；附带使用该类别的稿件数。</summary>
public sealed class ListCategories(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<CategoryItem>> HandleAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(ct);
        return await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryItem(c.Id, c.Name, c.SortOrder, c.Disabled, db.Manuscripts.Count(m => m.CategoryId == c.Id)))
            .ToListAsync(ct);
    }

    /// <summary>一个类别（与列表中的一项相同）；不存在时 404。</summary>
    public async Task<CategoryItem> FindAsync(long id, CancellationToken ct = default) =>
        (await HandleAsync(ct)).FirstOrDefault(c => c.Id == id) ?? throw AppException.NotFound();
}
