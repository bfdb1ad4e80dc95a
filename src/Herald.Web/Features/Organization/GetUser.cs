using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>账号详情：资料、角色（含分管单位）、锁定与停用状态、关联的信息员备案。</summary>
public sealed class GetUser(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<UserDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        var now = clock.UtcNow;
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == id)
            .OrderBy(r => r.Role).ThenBy(r => r.Id).ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().CountAsync(t => t.UserId == id && t.RevokedAt == null && t.ExpiresAt > now, ct);
        var records = await db.Correspondents.AsNoTracking().Where(c => c.UserId == id)
            .OrderByDescending(c => c.AppointedOn).ToListAsync(ct);

        return new UserDetail(user.Id, user.UserName, user.DisplayName, user.Phone, user.Email, user.UnitId,
            user.UnitId is { } home ? tree.PathName(home) : null,
            user.Disabled, user.IsLockedOut(now), user.LockoutEndUtc, user.MustChangePassword, user.CreatedAt, user.LastSignInAt,
            roles.Select(r => new RoleOnUnit(r.Id, r.Role, r.UnitId, r.UnitId is { } unit ? tree.PathName(unit) : null)).ToList(),
            tokens,
            records.Select(c => new LinkedCorrespondentRecord(c.Id, tree.PathName(c.UnitId), c.AppointedOn, c.EndedOn)).ToList(),
            user.HasSecondFactor);
    }
}
