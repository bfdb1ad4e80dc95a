using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

/// <summary>记下一项管理员角色的授予或收回申请（调用方已做过三员分立的检查），等待安全管理员批准。</summary>
public sealed class RequestAdminRole(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock, Messages messages)
{
    public async Task<AdminRoleRequestDto> HandleAsync(UserAccount user, Role role, AdminRoleChange change, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        if (await AdminRoles.PendingExistsAsync(db, user.Id, role, change, ct)) throw AppException.Conflict("AdminRequest.AlreadyPending");
        var request = AdminRoleRequest.Create(user.Id, role, change, me.Id, clock.UtcNow);
        db.AdminRoleRequests.Add(request);
        audit.Add("role.request", "User", user.Id, $"{user.UserName}: {change.Code()} {role.Code()}");
        await db.SaveChangesAsync(ct);
        var people = new Dictionary<long, (string, string)> { [user.Id] = (user.UserName, user.DisplayName), [me.Id] = (me.UserName, me.DisplayName) };
        return request.ToDto(people, messages);
    }
}
