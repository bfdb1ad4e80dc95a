using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 待办来源（系统管理员、安全管理员，只有件数）：锁定中的账号（kind locked_user，与 /org/users?state=locked 同一查询），
/// 找不到单位负责人的单位（kind unit_no_head，与 /org/units?warning=no_head 同一查询）；
/// 安全管理员另有待审批的管理员角色变更（kind role_request，/org/role-requests）。
/// </summary>
public sealed class OrganizationWaiting(ListUsers users, ListUnits units, ListAdminRoleRequests requests) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.CanManageOrganization) return [];
        var locked = await users.HandleAsync(new UserQuery(State: "locked", PageSize: 1), ct);
        var rows = await units.HandleAsync(ct);
        List<WaitingGroup> groups =
        [
            new WaitingGroup("locked_user", locked.Total, "/org/users?state=locked", []),
            new WaitingGroup("unit_no_head", rows.Count(r => r.Warnings.Contains(UnitWarning.NoHead)), "/org/units?warning=no_head", []),
        ];
        if (me.Has(Herald.Domain.Organization.Role.SecAdmin))
            groups.Add(new WaitingGroup("role_request", await requests.CountPendingAsync(ct), "/org/role-requests", []));
        return groups;
    }
}
