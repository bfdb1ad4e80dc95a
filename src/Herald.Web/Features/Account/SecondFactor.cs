using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Account;

/// <summary>口令之后的下一步：不需要第二因素、输入动态码、先登记。</summary>
public enum SecondFactorStep { None, Verify, Enrol }

public sealed record SecondFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

public sealed record SecondFactorEnrolment(string Secret, string OtpAuthUri, string EnrolmentToken, string QrSvg);

public sealed record RecoveryCodesIssued(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// 第二因素（TOTP）：登录时的校验（动态码或一次性恢复码，错了与口令错误一样计入锁定）、登记（扫码后输入一个动态码确认）、
/// 重新生成恢复码、停用（角色要求时不能停用）、安全管理员重置（不能重置自己的）。网页与 API 共用。
/// </summary>
public sealed class SecondFactor(HeraldDbContext db, TotpCodes totp, AuditLog audit, Clock clock, IOptions<HeraldOptions> options)
{
    private SecondFactorPolicy Policy => SecondFactorPolicy.Parse(options.Value.Security.SecondFactorRoles);

    public async Task<bool> IsRequiredAsync(long userId, CancellationToken ct) =>
        Policy.IsRequiredFor(await db.RoleAssignments.Where(r => r.UserId == userId).Select(r => r.Role).ToListAsync(ct));

    public async Task<SecondFactorStep> NextStepAsync(UserAccount user, CancellationToken ct) =>
        user.HasSecondFactor ? SecondFactorStep.Verify
        : await IsRequiredAsync(user.Id, ct) ? SecondFactorStep.Enrol
        : SecondFactorStep.None;

    public async Task<SecondFactorStatus> StatusAsync(long userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        var left = await db.RecoveryCodes.CountAsync(r => r.UserId == userId && r.UsedAt == null, ct);
        return new SecondFactorStatus(user.HasSecondFactor, await IsRequiredAsync(userId, ct), user.HasSecondFactor ? left : 0);
    }

    /// <summary>登录时校验动态码或恢复码。失败计入锁定并记审计；锁定中一律拒绝。</summary>
    public async Task VerifyAsync(long userId, string? code, string channel, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (user.IsLockedOut(now) || user.Disabled) throw new AppException(ProblemKind.Unauthorized, "SignIn.Invalid");
        if (string.IsNullOrWhiteSpace(code)) throw new AppException(ProblemKind.Unauthorized, "SignIn.SecondFactorRequired");
        if (await AcceptAsync(user, code, now, ct))
        {
            audit.Add(user.Id, user.UserName, "signin.second_factor", "User", user.Id, channel);
            await db.SaveChangesAsync(ct);
            return;
        }
        var policy = options.Value.Security.Lockout;
        var lockedNow = user.RegisterFailedSignIn(now, policy);
        audit.Add(user.Id, user.UserName, "signin.second_factor_failed", "User", user.Id, channel);
        if (lockedNow) audit.Add(user.Id, user.UserName, "signin.lockout", "User", user.Id, $"{policy.MaxFailures} failures (second factor)");
        await db.SaveChangesAsync(ct);
        throw new AppException(ProblemKind.Unauthorized, "SignIn.SecondFactorInvalid");
    }

    /// <summary>口令已对、等第二因素的那个人：安全戳变了（口令被重置、被停用）就不再认。</summary>
    public Task<UserAccount?> FindPendingAsync(PendingSignIn.State state, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == state.UserId && u.SecurityStamp == state.SecurityStamp && !u.Disabled, ct);

    /// <summary>登记表单出错重显时沿用同一个密钥（用户已经扫过码）；令牌过期则换一个新的。</summary>
    public SecondFactorEnrolment ResumeEnrolment(UserAccount user, string? enrolmentToken) =>
        totp.SecretFromEnrolmentToken(user.Id, enrolmentToken) is { } secret ? Enrolment(user, secret) : StartEnrolment(user);

    public SecondFactorEnrolment StartEnrolment(UserAccount user) => Enrolment(user, TotpCodes.NewSecret());

    private SecondFactorEnrolment Enrolment(UserAccount user, string secret)
    {
        var uri = TotpCodes.OtpAuthUri(user.UserName, secret);
        return new SecondFactorEnrolment(secret, uri, totp.EnrolmentToken(user.Id, secret), TotpCodes.QrSvg(uri));
    }

    /// <summary>扫码后输入的动态码对上了才启用；返回一组新的恢复码（明文只此一次）。</summary>
    public async Task<RecoveryCodesIssued> CompleteEnrolmentAsync(long userId, string? enrolmentToken, string? code, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (user.HasSecondFactor) throw AppException.Conflict("SecondFactor.AlreadyEnabled");
        var secret = totp.SecretFromEnrolmentToken(userId, enrolmentToken) ?? throw AppException.Invalid("Code", "SecondFactor.EnrolmentExpired");
        var step = totp.Verify(secret, code) ?? throw AppException.Invalid("Code", "SecondFactor.InvalidCode");
        user.EnableSecondFactor(totp.Protect(secret), step, clock.UtcNow);
        var codes = await ReplaceRecoveryCodesAsync(user.Id, ct);
        audit.Add(user.Id, user.UserName, "second_factor.enable", "User", user.Id, null);
        await db.SaveChangesAsync(ct);
        return new RecoveryCodesIssued(codes);
    }

    public async Task<RecoveryCodesIssued> RegenerateRecoveryCodesAsync(long userId, string? code, CancellationToken ct)
    {
        var user = await RequireCurrentCodeAsync(userId, code, ct);
        var codes = await ReplaceRecoveryCodesAsync(user.Id, ct);
        audit.Add(user.Id, user.UserName, "second_factor.recovery_codes", "User", user.Id, null);
        await db.SaveChangesAsync(ct);
        return new RecoveryCodesIssued(codes);
    }

    public async Task DisableAsync(long userId, string? code, CancellationToken ct)
    {
        if (await IsRequiredAsync(userId, ct)) throw AppException.Conflict("SecondFactor.Required");
        var user = await RequireCurrentCodeAsync(userId, code, ct);
        user.ResetSecondFactor();
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserId == userId).ToListAsync(ct));
        audit.Add(user.Id, user.UserName, "second_factor.disable", "User", user.Id, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>安全管理员为别人重置第二因素（手机丢失）：对方下次登录重新登记，已登录的会话失效。</summary>
    public async Task ResetAsync(UserContext me, long userId, CancellationToken ct)
    {
        me.Require(me.Has(Role.SecAdmin));
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (user.Id == me.Id) throw AppException.Conflict("SecondFactor.ResetOwn");
        user.ResetSecondFactor();
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserId == userId).ToListAsync(ct));
        audit.Add("second_factor.reset", "User", user.Id, null);
        await db.SaveChangesAsync(ct);
    }

    private async Task<UserAccount> RequireCurrentCodeAsync(long userId, string? code, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.NotFound();
        if (!user.HasSecondFactor) throw AppException.Conflict("SecondFactor.NotEnabled");
        if (!await AcceptAsync(user, code, clock.UtcNow, ct)) throw AppException.Invalid("Code", "SecondFactor.InvalidCode");
        return user;
    }

    /// <summary>动态码（不能重放）或一个未用过的恢复码。</summary>
    private async Task<bool> AcceptAsync(UserAccount user, string? code, DateTime now, CancellationToken ct)
    {
        if (!user.HasSecondFactor || string.IsNullOrWhiteSpace(code)) return false;
        if (totp.Verify(totp.Unprotect(user.TotpSecret!), code) is { } step) return user.AcceptTotpStep(step);
        if (code.Count(char.IsAsciiLetterOrDigit) != 8) return false;
        var hash = TotpCodes.HashRecoveryCode(code);
        var recovery = await db.RecoveryCodes.FirstOrDefaultAsync(r => r.UserId == user.Id && r.CodeHash == hash && r.UsedAt == null, ct);
        return recovery?.Use(now) == true;
    }

    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(long userId, CancellationToken ct)
    {
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.UserId == userId).ToListAsync(ct));
        var codes = TotpCodes.NewRecoveryCodes();
        var now = clock.UtcNow;
        foreach (var code in codes) db.RecoveryCodes.Add(RecoveryCode.Create(userId, TotpCodes.HashRecoveryCode(code), now));
        return codes;
    }
}
