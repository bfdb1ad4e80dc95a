using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 停用账号：更换安全戳（已登录的网页会话立即失效）并撤销全部 API 令牌；角色保留，重新启用即恢复。
/// 不能停用或启用自己；不能停用某管理员角色最后一位在用的持有人。
/// </summary>
public sealed class SetUserDisabled(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock)
{
    public async Task HandleAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        AdminSeparation.EnsureNotSelf(me.Id, id, disabled ? "User.CannotDisableSelf" : "User.CannotChangeOwnAccount");
        if (user.Disabled == disabled) return;
        if (disabled) await AdminRoles.EnsureNotLastActiveAdminAsync(db, id, ct);

        if (disabled)
        {
            user.Disable();
            var revoked = await TokenRevocation.RevokeAllAsync(db, user.Id, clock.UtcNow, ct);
            audit.Add("user.disable", "User", user.Id, $"{user.UserName}; tokens revoked: {revoked}");
        }
        else
        {
            user.Enable();
            audit.Add("user.enable", "User", user.Id, user.UserName);
        }
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }
}
