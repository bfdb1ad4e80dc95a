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
/// 本人修改口令：须输入原口令（输错与登录失败一样计入锁定并记审计，锁定时网页会话随之失效），
/// 新口令满足策略、不是常见口令、不与最近几次口令相同，且两次一致。
/// </summary>
public sealed class ChangePassword(HeraldDbContext db, PasswordHashing hashing, AuditLog audit, Clock clock, IOptions<HeraldOptions> options)
{
    public async Task<UserAccount> HandleAsync(long userId, string? current, string? next, string? confirm, CancellationToken ct = default)
    {
        var security = options.Value.Security;
        var now = clock.UtcNow;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (user.IsLockedOut(now))
            throw AppException.Invalid("CurrentPassword", "SignIn.LockedOut", user.LockoutMinutesLeft(now));
        if (string.IsNullOrEmpty(current) || !hashing.Verify(user, current))
        {
            await RegisterWrongCurrentAsync(user, now, security, ct);
            if (user.IsLockedOut(now)) throw AppException.Invalid("CurrentPassword", "SignIn.LockedOut", user.LockoutMinutesLeft(now));
            throw AppException.Invalid("CurrentPassword", "Password.WrongCurrent");
        }
        var problems = PasswordPolicy.Check(next, user.UserName);
        if (problems.Count > 0) throw AppException.Invalid("NewPassword", problems[0]);
        if (next != confirm) throw AppException.Invalid("ConfirmPassword", "Password.Mismatch");
        if (hashing.Verify(user, next!)) throw AppException.Invalid("NewPassword", "Password.SameAsOld");
        var recent = await RecentHashesAsync(user.Id, security.PasswordHistory - 1, ct);
        if (recent.Any(hash => hashing.Verify(hash, next!)))
            throw AppException.Invalid("NewPassword", "Password.Reused", security.PasswordHistory);

        db.PasswordHistory.Add(PasswordHistoryEntry.Create(user.Id, user.PasswordHash, now));
        user.ChangePassword(hashing.Hash(next!), now);
        audit.Add("password.change", "User", user.Id);
        await db.SaveChangesAsync(ct);
        return user;
    }

    private async Task RegisterWrongCurrentAsync(UserAccount user, DateTime now, SecurityOptions security, CancellationToken ct)
    {
        var policy = security.Lockout;
        var lockedNow = user.RegisterFailedSignIn(now, policy);
        audit.Add(user.Id, user.UserName, "password.change_failed", "User", user.Id, "wrong current password");
        if (lockedNow)
        {
            user.EndSessions();
            audit.Add(user.Id, user.UserName, "signin.lockout", "User", user.Id, $"{policy.MaxFailures} failures (password change)");
        }
        await db.SaveChangesAsync(ct);
    }

    private Task<List<string>> RecentHashesAsync(long userId, int count, CancellationToken ct) =>
        count <= 0
            ? Task.FromResult(new List<string>())
            : db.PasswordHistory.Where(h => h.UserId == userId).OrderByDescending(h => h.RetiredAt).ThenByDescending(h => h.Id)
                .Take(count).Select(h => h.PasswordHash).ToListAsync(ct);
}
