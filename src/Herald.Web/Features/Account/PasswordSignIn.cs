using Herald.Domain.Identity;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Account;

/// <summary>
/// 口令登录（网页登录与 API 取令牌共用）：连续失败 5 次锁定 15 分钟；成功、失败、锁定都记审计。
/// 用户名不存在与口令错误给出同一提示，不泄露账号是否存在。
/// </summary>
public sealed class PasswordSignIn(HeraldDbContext db, PasswordHashing hashing, AuditLog audit, Clock clock, IOptions<HeraldOptions> options)
{
    public async Task<UserAccount> HandleAsync(string? userName, string? password, string channel, CancellationToken ct = default)
    {
        var name = UserAccount.NormalizeUserName(userName);
        if (name.Length == 0) throw AppException.Invalid("UserName", "Required");
        if (string.IsNullOrEmpty(password)) throw AppException.Invalid("Password", "Required");

        var now = clock.UtcNow;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            audit.Add(null, name, "signin.failed", "User", null, $"{channel}: unknown user");
            await db.SaveChangesAsync(ct);
            throw new AppException(ProblemKind.Unauthorized, "SignIn.Invalid");
        }
        if (user.IsLockedOut(now))
        {
            audit.Add(user.Id, user.UserName, "signin.locked", "User", user.Id, channel);
            await db.SaveChangesAsync(ct);
            throw new AppException(ProblemKind.Unauthorized, "SignIn.LockedOut", null, MinutesLeft(user, now));
        }
        if (!hashing.Verify(user, password))
        {
            var policy = new LockoutPolicy(options.Value.Security.LockoutFailures, TimeSpan.FromMinutes(options.Value.Security.LockoutMinutes));
            var lockedNow = user.RegisterFailedSignIn(now, policy);
            audit.Add(user.Id, user.UserName, "signin.failed", "User", user.Id, $"{channel}: wrong password");
            if (lockedNow) audit.Add(user.Id, user.UserName, "signin.lockout", "User", user.Id, $"{policy.MaxFailures} failures");
            await db.SaveChangesAsync(ct);
            if (lockedNow) throw new AppException(ProblemKind.Unauthorized, "SignIn.LockedOut", null, MinutesLeft(user, now));
            throw new AppException(ProblemKind.Unauthorized, "SignIn.Invalid");
        }
        if (user.Disabled)
        {
            audit.Add(user.Id, user.UserName, "signin.failed", "User", user.Id, $"{channel}: disabled");
            await db.SaveChangesAsync(ct);
            throw new AppException(ProblemKind.Unauthorized, "SignIn.Disabled");
        }

        user.RegisterSuccessfulSignIn(now);
        audit.Add(user.Id, user.UserName, "signin.success", "User", user.Id, channel);
        if (!user.MustChangePassword && user.IsPasswordExpired(now, options.Value.Security.PasswordMaxAgeDays))
        {
            user.RequirePasswordChange();
            audit.Add(user.Id, user.UserName, "password.expired", "User", user.Id, $"{options.Value.Security.PasswordMaxAgeDays} days");
        }
        await db.SaveChangesAsync(ct);
        return user;
    }

    private static int MinutesLeft(UserAccount user, DateTime now) =>
        Math.Max(1, (int)Math.Ceiling((user.LockoutEndUtc!.Value - now).TotalMinutes));
}
