using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Organization;

/// <summary>待办来源：系统管理员、安全管理员看到的找不到单位负责人的单位（kind unit_no_head，只有件数），与 /org/units?warning=no_head 同一查询。</summary>
public sealed class OrganizationWaiting(ListUnits units) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.CanManageOrganization) return [];
        var rows = await units.HandleAsync(ct);
        return [new WaitingGroup("unit_no_head", rows.Count(r => r.Warnings.Contains(UnitWarning.NoHead)), "/org/units?warning=no_head", [])];
    }
}
