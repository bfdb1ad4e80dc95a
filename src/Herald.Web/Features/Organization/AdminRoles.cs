using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>三员分立检查要用的查询：某人已有的角色、某管理员角色在用的持有人数、是否已有同样的待审批申请。</summary>
internal static class AdminRoles
{
    public static async Task<List<Role>> HeldAsync(HeraldDbContext db, long userId, CancellationToken ct) =>
        await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.Role).Distinct().ToListAsync(ct);

    /// <summary>除 <paramref name="exceptUserId"/> 外，持有该角色且未停用的人数。</summary>
    public static Task<int> OtherActiveHoldersAsync(HeraldDbContext db, Role role, long exceptUserId, CancellationToken ct) =>
        db.RoleAssignments.Where(r => r.Role == role && r.UserId != exceptUserId)
            .Join(db.Users.Where(u => !u.Disabled), r => r.UserId, u => u.Id, (r, u) => u.Id)
            .Distinct().CountAsync(ct);

    public static Task<bool> PendingExistsAsync(HeraldDbContext db, long userId, Role role, AdminRoleChange change, CancellationToken ct) =>
        db.AdminRoleRequests.AnyAsync(r => r.UserId == userId && r.Role == role && r.Change == change
                                           && r.Status == AdminRoleRequestStatus.Pending, ct);

    /// <summary>停用账号前：它是某管理员角色最后一位在用的持有人时拒绝。</summary>
    public static async Task EnsureNotLastActiveAdminAsync(HeraldDbContext db, long userId, CancellationToken ct)
    {
        foreach (var role in (await HeldAsync(db, userId, ct)).Where(r => r.IsGlobal()))
            AdminSeparation.EnsureNotLastHolder(role, await OtherActiveHoldersAsync(db, role, userId, ct));
    }
}
