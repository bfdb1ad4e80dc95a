using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>新建账号：随机初始口令（只显示一次），首次登录必须修改；可顺带授予一个角色（管理员角色记为待审批的申请，安全管理员批准后生效）。</summary>
public sealed class CreateUser(HeraldDbContext db, CurrentUser current, OrgDirectory directory, PasswordHashing hashing,
    AuditLog audit, Clock clock, RequestAdminRole requests)
{
    public async Task<IssuedPassword> HandleAsync(UserInput input, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var unitId = input.UnitId;
        if (unitId is { } u && tree.Find(u) is null) throw AppException.Invalid("UnitId", "Unit.UnknownParent");
        Role? role = string.IsNullOrWhiteSpace(input.Role) ? null : FormValues.Role(input.Role);

        // 先做便宜的检查，再算口令散列（PBKDF2 较慢）。
        var userName = UserAccount.NormalizeUserName(input.UserName);
        if (!UserAccount.IsValidUserName(userName))
            throw AppException.Invalid("UserName", userName.Length == 0 ? "Required" : "User.InvalidUserName");
        if (await db.Users.AnyAsync(x => x.UserName == userName, ct))
            throw AppException.Invalid("UserName", "User.DuplicateUserName", userName);
        var now = clock.UtcNow;
        long? roleUnitId = role is { } r && !r.IsGlobal() ? unitId : null;
        // 只为校验（全局角色不挂单位、单位角色须有单位），真正的记录在账号保存后创建。
        if (role is { } check) RoleAssignment.Create(0, check, roleUnitId, now);

        var password = PasswordHashing.Generate();
        var user = UserAccount.Create(userName, input.DisplayName ?? "", unitId, hashing.Hash(password), mustChangePassword: true, now);
        user.UpdateProfile(user.DisplayName, input.Phone, input.Email);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // 两位管理员同时建同名账号。
            throw AppException.Invalid("UserName", "User.DuplicateUserName", userName);
        }
        if (role is { } admin && AdminSeparation.NeedsApproval(admin))
        {
            await requests.HandleAsync(user, admin, AdminRoleChange.Grant, ct);
        }
        else if (role is { } granted)
        {
            db.RoleAssignments.Add(RoleAssignment.Create(user.Id, granted, roleUnitId, now));
            audit.Add("role.assign", "User", user.Id, RoleText.Describe(user.UserName, granted, roleUnitId, tree));
        }
        audit.Add("user.create", "User", user.Id, user.UserName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Invalidate();
        current.Reset();
        return new IssuedPassword(user.Id, user.UserName, user.DisplayName, password, IsNewUser: true);
    }
}
