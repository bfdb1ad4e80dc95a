using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.RateLimits;

/// <summary>
/// 登录失败与改口令的限流（按地址、按账号）。登录只计失败：一个办公室的人共用一个出口地址照样能登录；
/// 地址的失败额度用完后，登录在核对口令、计入账号锁定之前就被拒绝（429）。
/// </summary>
public sealed class SignInThrottle(IOptions<HeraldOptions> options) : IDisposable
{
    private readonly bool _enabled = options.Value.RateLimits.Enabled;
    private readonly Budget _failuresByIp = new(options.Value.RateLimits.SignInFailuresPerIp);
    private readonly Budget _failuresByAccount = new(options.Value.RateLimits.SignInFailuresPerAccount);
    private readonly Budget _changesByIp = new(options.Value.RateLimits.PasswordChangesPerIp);
    private readonly Budget _changesByAccount = new(options.Value.RateLimits.PasswordChangesPerAccount);

    /// <summary>该地址（对该账号）的失败额度已用完时抛出 429。</summary>
    public void EnsureSignInAllowed(string? ip, string userName)
    {
        if (!_enabled) return;
        var wait = _failuresByIp.Check(IpKey(ip)) ?? _failuresByAccount.Check(AccountKey(ip, userName));
        if (wait is { } retry) throw AppException.TooManyRequests(retry);
    }

    public void RecordSignInFailure(string? ip, string userName)
    {
        if (!_enabled) return;
        _failuresByIp.Consume(IpKey(ip));
        _failuresByAccount.Consume(AccountKey(ip, userName));
    }

    /// <summary>每次改口令（无论成败）都计数。</summary>
    public void CountPasswordChange(string? ip, long userId)
    {
        if (!_enabled) return;
        var wait = _changesByIp.Consume(IpKey(ip)) ?? _changesByAccount.Consume(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (wait is { } retry) throw AppException.TooManyRequests(retry);
    }

    private static string IpKey(string? ip) => ip ?? "unknown";

    private static string AccountKey(string? ip, string userName) => IpKey(ip) + "\n" + userName;

    public void Dispose()
    {
        _failuresByIp.Dispose();
        _failuresByAccount.Dispose();
        _changesByIp.Dispose();
        _changesByAccount.Dispose();
    }
}
