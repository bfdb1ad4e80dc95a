using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Organization;

/// <summary>组织管理（系统管理员、安全管理员）页面的权限检查。</summary>
public static class OrgAccess
{
    /// <summary>当前组织树；不是管理员时 403。</summary>
    public static async Task<OrgTree> ManagerTreeAsync(this CurrentUser current, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        return me.Tree;
    }
}
