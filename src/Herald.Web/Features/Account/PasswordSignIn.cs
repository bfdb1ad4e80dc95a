using Herald.Domain.Identity;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.RateLimits;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Account;

/// <summary>
/// 口令登录（网页登录与 API 取令牌共用）：连续失败 5 次锁定 15 分钟；成功、失败、锁定都记审计。
/// 不泄露账号是否存在：不存在的用户名与真账号给出同样的提示（包括锁定），并同样核对一次口令散列（耗时相同）。
/// 同一地址的失败先由 <see cref="SignInThrottle"/> 限流，超出的尝试不计入账号锁定。
/// </summary>
public sealed class PasswordSignIn(HeraldDbContext db, PasswordHashing hashing, AuditLog audit, Clock clock,
    IOptions<HeraldOptions> options, SignInThrottle throttle, UnknownNameLockout unknownNames, IHttpContextAccessor accessor)
{
    public async Task<UserAccount> HandleAsync(string? userName, string? password, string channel, CancellationToken ct = default)
    {
        var name = UserAccount.NormalizeUserName(userName);
        if (name.Length == 0) throw AppException.Invalid("UserName", "Required");
        if (string.IsNullOrEmpty(password)) throw AppException.Invalid("Password", "Required");

        var ip = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        throttle.EnsureSignInAllowed(ip, name);

        var now = clock.UtcNow;
        var policy = options.Value.Security.Lockout;
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, ct);
        // 不存在的用户名：对照一个假散列（与真账号同样耗时），失败计在影子账号上。
        var account = user ?? unknownNames.For(name, now);
        var passwordOk = user is null ? hashing.VerifyDummy(password) : hashing.Verify(user, password);
        var detail = user is null ? $"{channel}: unknown user" : $"{channel}: wrong password";

        if (account.IsLockedOut(now))
        {
            throttle.RecordSignInFailure(ip, name);
            audit.Add(user?.Id, name, "signin.locked", "User", user?.Id, channel);
            await db.SaveChangesAsync(ct);
            throw LockedOut(account, now);
        }
        if (!passwordOk)
        {
            throttle.RecordSignInFailure(ip, name);
            var lockedNow = account.RegisterFailedSignIn(now, policy);
            audit.Add(user?.Id, name, "signin.failed", "User", user?.Id, detail);
            if (lockedNow) audit.Add(user?.Id, name, "signin.lockout", "User", user?.Id, $"{policy.MaxFailures} failures");
            await db.SaveChangesAsync(ct);
            if (lockedNow) throw LockedOut(account, now);
            throw new AppException(ProblemKind.Unauthorized, "SignIn.Invalid");
        }
        if (user!.Disabled)
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

    private static AppException LockedOut(UserAccount account, DateTime now) =>
        new(ProblemKind.Unauthorized, "SignIn.LockedOut", null,
            account.LockoutMinutesLeft(now));
}
