using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Categories;

/// <summary>类别选项（编号、名称、是否停用）。</summary>
public sealed record CategoryOption(long Id, string Name, bool Disabled);

/// <summary>
/// 类别的共用查找：别的功能（报送表单、采编池的筛选、类别 API）取类别选项都经过这里，不各自查表。
/// 按排序号，同序按编号；报送只列在用的，筛选也列停用的（旧稿件仍属于它们）。
/// </summary>
public sealed class CategoryLookup(HeraldDbContext db)
{
    public async Task<IReadOnlyList<CategoryOption>> ListAsync(bool includeDisabled, CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().Where(c => includeDisabled || !c.Disabled)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryOption(c.Id, c.Name, c.Disabled)).ToListAsync(ct);
}
