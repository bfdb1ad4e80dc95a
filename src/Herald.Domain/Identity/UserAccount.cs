using System.Text.RegularExpressions;
using Herald.Domain.Common;

namespace Herald.Domain.Identity;

/// <summary>系统账号。口令散列由宿主计算，领域只保存结果并管理锁定规则。</summary>
public sealed partial class UserAccount
{
    private UserAccount() { UserName = ""; DisplayName = ""; PasswordHash = ""; SecurityStamp = ""; }

    public long Id { get; private set; }
    /// <summary>登录名：小写字母、数字、点、下划线、连字符，3–32 位。</summary>
    public string UserName { get; private set; }
    public string DisplayName { get; private set; }
    public string PasswordHash { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    /// <summary>所属单位（/api/v1/me 的 unitId）。</summary>
    public long? UnitId { get; private set; }
    public bool Disabled { get; private set; }
    public bool MustChangePassword { get; private set; }
    public int FailedSignInCount { get; private set; }
    public DateTime? LockoutEndUtc { get; private set; }
    /// <summary>口令重置或停用时更换，使已签发的会话失效。</summary>
    public string SecurityStamp { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastSignInAt { get; private set; }
    /// <summary>本人最近一次设定口令的时间（口令有效期从这里算；创建以来没改过时为空，按创建时间算）。</summary>
    public DateTime? PasswordChangedAt { get; private set; }
    /// <summary>第二因素（TOTP）密钥，由宿主加密后保存；领域不解读。</summary>
    public string? TotpSecret { get; private set; }
    public DateTime? TotpEnabledAt { get; private set; }
    /// <summary>最近一次接受的 TOTP 时间片：同一个动态码不能用第二次。</summary>
    public long? TotpLastStep { get; private set; }

    public bool HasSecondFactor => TotpEnabledAt is not null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,31}$")]
    private static partial Regex UserNamePattern();

    public static string NormalizeUserName(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

    /// <summary>规范化后的用户名是否合规（批量导入时逐行校验，不必等到创建时抛异常）。</summary>
    public static bool IsValidUserName(string? userName) => UserNamePattern().IsMatch(NormalizeUserName(userName));

    public static UserAccount Create(string userName, string displayName, long? unitId, string passwordHash,
        bool mustChangePassword, DateTime nowUtc)
    {
        var normalized = NormalizeUserName(userName);
        if (normalized.Length == 0) throw new DomainValidationException(nameof(UserName), "Required");
        if (!UserNamePattern().IsMatch(normalized))
            throw new DomainValidationException(nameof(UserName), "User.InvalidUserName");
        var user = new UserAccount
        {
            UserName = normalized,
            UnitId = unitId,
            PasswordHash = passwordHash,
            MustChangePassword = mustChangePassword,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = nowUtc,
        };
        user.UpdateProfile(displayName, null, null);
        return user;
    }

    public void UpdateProfile(string displayName, string? phone, string? email)
    {
        DisplayName = Guard.Line(displayName, nameof(DisplayName), 32);
        Phone = Guard.OptionalLine(phone, nameof(Phone), 32);
        Email = Guard.OptionalLine(email, nameof(Email), 128);
        if (Email is not null && !Email.Contains('@'))
            throw new DomainValidationException(nameof(Email), "Email.Invalid");
    }

    public void MoveToUnit(long? unitId) => UnitId = unitId;

    public bool IsLockedOut(DateTime nowUtc) => LockoutEndUtc is { } end && end > nowUtc;

    /// <summary>锁定还剩几分钟（向上取整，至少 1），用于提示；未锁定时为 0。</summary>
    public int LockoutMinutesLeft(DateTime nowUtc) =>
        LockoutEndUtc is { } end && end > nowUtc ? Math.Max(1, (int)Math.Ceiling((end - nowUtc).TotalMinutes)) : 0;

    /// <summary>记一次失败；达到上限则锁定。锁定期间的失败不再累计。返回是否因此被锁定。</summary>
    public bool RegisterFailedSignIn(DateTime nowUtc, LockoutPolicy policy)
    {
        if (IsLockedOut(nowUtc)) return false;
        FailedSignInCount++;
        if (FailedSignInCount < policy.MaxFailures) return false;
        LockoutEndUtc = nowUtc + policy.Duration;
        FailedSignInCount = 0;
        return true;
    }

    public void RegisterSuccessfulSignIn(DateTime nowUtc)
    {
        FailedSignInCount = 0;
        LockoutEndUtc = null;
        LastSignInAt = nowUtc;
    }

    /// <summary>本人修改口令。</summary>
    public void ChangePassword(string newHash, DateTime nowUtc)
    {
        PasswordHash = newHash;
        MustChangePassword = false;
        PasswordChangedAt = nowUtc;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>口令是否已超过有效期（maxAgeDays 为 0 表示不设有效期）。</summary>
    public bool IsPasswordExpired(DateTime nowUtc, int maxAgeDays) =>
        maxAgeDays > 0 && (PasswordChangedAt ?? CreatedAt).AddDays(maxAgeDays) <= nowUtc;

    /// <summary>口令到期：下次进入系统前必须修改。</summary>
    public void RequirePasswordChange() => MustChangePassword = true;

    /// <summary>启用第二因素：登记时已用一个动态码验证过密钥。</summary>
    public void EnableSecondFactor(string protectedSecret, long verifiedStep, DateTime nowUtc)
    {
        TotpSecret = protectedSecret;
        TotpEnabledAt = nowUtc;
        TotpLastStep = verifiedStep;
    }

    /// <summary>接受一个动态码所在的时间片；不晚于上次接受的（重放）则拒绝。</summary>
    public bool AcceptTotpStep(long step)
    {
        if (TotpLastStep is { } last && step <= last) return false;
        TotpLastStep = step;
        return true;
    }

    /// <summary>安全管理员重置第二因素（手机丢失等）：下次登录重新登记，已签发的会话失效。</summary>
    public void ResetSecondFactor()
    {
        TotpSecret = null;
        TotpEnabledAt = null;
        TotpLastStep = null;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>使已签发的网页会话全部失效（例如修改口令页上连续输错当前口令而锁定时）。</summary>
    public void EndSessions() => SecurityStamp = Guid.NewGuid().ToString("N");

    /// <summary>管理员重置口令：下次登录必须修改，并解除锁定。</summary>
    public void ResetPassword(string newHash)
    {
        PasswordHash = newHash;
        MustChangePassword = true;
        FailedSignInCount = 0;
        LockoutEndUtc = null;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>管理员解除锁定（不改口令）。</summary>
    public void Unlock()
    {
        FailedSignInCount = 0;
        LockoutEndUtc = null;
    }

    public void Disable()
    {
        Disabled = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Enable() => Disabled = false;
}
