using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 安全管理员批准或驳回管理员角色变更申请：不能是申请人或当事人（领域规则）；批准时按当时的角色再查一次三员分立和"最后一位"，
/// 然后生效。只有安全管理员可以调用，其他人 403。
/// </summary>
public sealed class DecideAdminRoleRequest(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock)
{
    public async Task ApproveAsync(long id, CancellationToken ct = default)
    {
        var (me, request) = await LoadAsync(id, ct);
        request.Approve(me.Id, clock.UtcNow);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == request.UserId, ct);
        if (request.Change == AdminRoleChange.Grant)
        {
            var held = await AdminRoles.HeldAsync(db, user.Id, ct);
            AdminSeparation.EnsureCompatible(held, request.Role);
            if (held.Contains(request.Role)) throw AppException.Conflict("Role.AlreadyAssigned");
            db.RoleAssignments.Add(RoleAssignment.Create(user.Id, request.Role, null, clock.UtcNow));
        }
        else
        {
            AdminSeparation.EnsureNotLastHolder(request.Role, await AdminRoles.OtherActiveHoldersAsync(db, request.Role, user.Id, ct));
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(r => r.UserId == user.Id && r.Role == request.Role).ToListAsync(ct));
        }
        audit.Add("role.approve", "AdminRoleRequest", request.Id, $"user #{user.Id} {user.UserName}: {request.Change.Code()} {request.Role.Code()}");
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }

    public async Task RejectAsync(long id, string? reason, CancellationToken ct = default)
    {
        var (me, request) = await LoadAsync(id, ct);
        request.Reject(me.Id, reason, clock.UtcNow);
        audit.Add("role.reject", "AdminRoleRequest", request.Id, $"user #{request.UserId}: {request.Change.Code()} {request.Role.Code()}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<(UserContext Me, AdminRoleRequest Request)> LoadAsync(long id, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.Has(Role.SecAdmin));
        var request = await db.AdminRoleRequests.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppException.NotFound();
        return (me, request);
    }
}
