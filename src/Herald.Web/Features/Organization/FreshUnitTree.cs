using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 直接从数据库读出的单位树（不含角色）。改动结构前用它校验：缓存的快照在多实例下可能旧达 30 秒，
/// 拿旧树判断成环或重名会放过错误。
/// </summary>
public static class FreshUnitTree
{
    public static async Task<OrgTree> LoadAsync(HeraldDbContext db, CancellationToken ct) =>
        new(await db.Units.AsNoTracking()
                .Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Type, u.Disabled, u.SortOrder))
                .ToListAsync(ct),
            []);

    /// <summary>排在同级最后。</summary>
    public static int NextSortOrder(OrgTree tree, long? parentId)
    {
        var siblings = parentId is { } p ? tree.Children(p) : tree.Roots;
        return siblings.Count == 0 ? 0 : siblings.Max(u => u.SortOrder) + 1;
    }
}
