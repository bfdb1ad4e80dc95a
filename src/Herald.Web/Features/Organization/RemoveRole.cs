using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>收回角色。管理员不能收回自己的管理员角色（免得把自己关在门外）。</summary>
public sealed class RemoveRole(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit)
{
    public async Task HandleAsync(long userId, long assignmentId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(r => r.Id == assignmentId && r.UserId == userId, ct)
                         ?? throw AppException.NotFound();
        if (userId == me.Id && assignment.Role is Role.SysAdmin or Role.SecAdmin)
            throw AppException.Conflict("User.CannotRemoveOwnAdminRole");
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstAsync(ct);

        db.RoleAssignments.Remove(assignment);
        audit.Add("role.remove", "User", userId, RoleText.Describe(userName, assignment.Role, assignment.UnitId, me.Tree));
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }
}
