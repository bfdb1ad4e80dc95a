using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 在某单位上授予角色（三员角色为全局，不挂单位——领域规则）。分管领导的"分管单位"就是其分管领导角色所挂的单位。
/// 三员分立：不能给自己授予角色；管理员角色与其他任何角色互斥；管理员角色只记为待审批的申请（返回申请），安全管理员批准后生效。
/// </summary>
public sealed class AssignRole(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock,
    RequestAdminRole requests)
{
    /// <summary>业务角色直接生效，返回 null；管理员角色返回待审批的申请。</summary>
    public async Task<AdminRoleRequestDto?> HandleAsync(long userId, RoleInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var tree = await current.ManagerTreeAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        var role = FormValues.Role(input.Role);
        var unitId = input.UnitId;
        if (unitId is { } u && tree.Find(u) is null) throw AppException.Invalid("UnitId", "Unit.UnknownParent");

        var assignment = RoleAssignment.Create(user.Id, role, unitId, clock.UtcNow);
        AdminSeparation.EnsureNotSelf(me.Id, user.Id);
        AdminSeparation.EnsureCompatible(await AdminRoles.HeldAsync(db, user.Id, ct), role);
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == role && r.UnitId == unitId, ct))
            throw AppException.Conflict("Role.AlreadyAssigned");
        if (AdminSeparation.NeedsApproval(role))
            return await requests.HandleAsync(user, role, AdminRoleChange.Grant, ct);

        db.RoleAssignments.Add(assignment);
        audit.Add("role.assign", "User", user.Id, RoleText.Describe(user.UserName, role, unitId, tree));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw AppException.Conflict("Role.AlreadyAssigned");
        }
        directory.Invalidate();
        current.Reset();
        return null;
    }
}
