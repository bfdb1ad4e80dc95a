using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 管理员重置口令：随机新口令只显示这一次，下次登录必须修改；同时解除锁定、使会话失效并撤销 API 令牌。
/// 自己的口令请在"修改口令"页修改。
/// </summary>
public sealed class ResetPassword(HeraldDbContext db, CurrentUser current, PasswordHashing hashing, AuditLog audit, Clock clock)
{
    public async Task<IssuedPassword> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        AdminSeparation.EnsureNotSelf(me.Id, id, "User.ResetOwnPassword");

        var password = PasswordHashing.Generate();
        db.PasswordHistory.Add(PasswordHistoryEntry.Create(user.Id, user.PasswordHash, clock.UtcNow));
        user.ResetPassword(hashing.Hash(password));
        var revoked = await TokenRevocation.RevokeAllAsync(db, user.Id, clock.UtcNow, ct);
        audit.Add("user.password_reset", "User", user.Id, $"{user.UserName}; tokens revoked: {revoked}");
        await db.SaveChangesAsync(ct);
        return new IssuedPassword(user.Id, user.UserName, user.DisplayName, password, IsNewUser: false);
    }
}
