using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 收回角色。不能收回自己的角色；管理员角色只记为待审批的申请（返回申请），且不能收回某管理员角色最后一位在用的持有人的。
/// </summary>
public sealed class RemoveRole(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, RequestAdminRole requests)
{
    /// <summary>业务角色直接收回，返回 null；管理员角色返回待审批的申请。</summary>
    public async Task<AdminRoleRequestDto?> HandleAsync(long userId, long assignmentId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == userId, ct)
                         ?? throw AppException.NotFound();
        AdminSeparation.EnsureNotSelf(me.Id, userId);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        if (AdminSeparation.NeedsApproval(assignment.Role))
        {
            AdminSeparation.EnsureNotLastHolder(assignment.Role, await AdminRoles.OtherActiveHoldersAsync(db, assignment.Role, userId, ct));
            return await requests.HandleAsync(user, assignment.Role, AdminRoleChange.Revoke, ct);
        }

        db.RoleAssignments.Remove(assignment);
        audit.Add("role.remove", "User", userId, RoleText.Describe(user.UserName, assignment.Role, assignment.UnitId, me.Tree));
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
        return null;
    }
}
