using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

/// <summary>API：整棵单位树的扁平列表（登录用户都可读，单位名称不是机密，客户端据此选单位）。</summary>
public sealed class GetUnitList(CurrentUser current)
{
    public async Task<IReadOnlyList<UnitApiItem>> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var tree = me.Tree;
        return tree.Flatten()
            .Select(x => new UnitApiItem(x.Unit.Id, x.Unit.ParentId, x.Unit.Name, tree.PathName(x.Unit.Id), x.Unit.Type, x.Unit.Disabled, x.Depth))
            .ToList();
    }

    /// <summary>一个单位（与列表中的一项相同）；不存在时 404。</summary>
    public async Task<UnitApiItem> FindAsync(long id, CancellationToken ct = default) =>
        (await HandleAsync(ct)).FirstOrDefault(u => u.Id == id) ?? throw AppException.NotFound();
}
