using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Features.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>备案记录与系统账号的关联：只能关联本单位的有效账号；关联后此人须持有本单位的信息员角色才能报送。</summary>
internal static class CorrespondentLink
{
    public static async Task<UserAccount?> ResolveAsync(HeraldDbContext db, long? userId, long unitId, CancellationToken ct)
    {
        if (userId is not { } id) return null;
        var user = await LinkableUsers.Query(db, unitId).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user ?? throw AppException.Invalid("UserId", "Correspondent.UserNotInUnit");
    }

    /// <summary>没有本单位的信息员角色就授予（同一次保存、记审计）；返回是否授予了。</summary>
    public static async Task<bool> EnsureRoleAsync(HeraldDbContext db, AuditLog audit, UserAccount user, long unitId, OrgTree tree,
        DateTime nowUtc, CancellationToken ct)
    {
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == Role.Correspondent && r.UnitId == unitId, ct))
            return false;
        db.RoleAssignments.Add(RoleAssignment.Create(user.Id, Role.Correspondent, unitId, nowUtc));
        audit.Add("role.assign", "User", user.Id, RoleText.Describe(user.UserName, Role.Correspondent, unitId, tree) + " (registry)");
        return true;
    }

    public static async Task EnsureNotDuplicateAsync(HeraldDbContext db, long userId, long unitId, long? exceptRecordId, DateOnly today, CancellationToken ct)
    {
        if (await db.Correspondents.AnyAsync(c => c.UserId == userId && c.UnitId == unitId && c.Id != exceptRecordId
                                                  && (c.EndedOn == null || c.EndedOn > today), ct))
            throw AppException.Conflict("Correspondent.AlreadyRegistered");
    }
}
