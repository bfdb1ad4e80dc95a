namespace Herald.Web.Infrastructure.RateLimits;

/// <summary>配置节 "Herald:RateLimits"。Enabled=false 取消全部限流（压力测试用）。</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>同一地址的登录失败（所有账号合计）；超过后该地址的登录一律 429，不再核对口令。</summary>
    public RateLimitRule SignInFailuresPerIp { get; set; } = new(50, 15 * 60);

    /// <summary>同一地址对同一账号的登录失败；超过后不再计入账号锁定，一个地址不能让账号一直处于锁定状态。</summary>
    public RateLimitRule SignInFailuresPerAccount { get; set; } = new(10, 24 * 60 * 60);

    public RateLimitRule PasswordChangesPerIp { get; set; } = new(30, 15 * 60);
    public RateLimitRule PasswordChangesPerAccount { get; set; } = new(10, 15 * 60);

    /// <summary>每个 API 令牌的调用次数。</summary>
    public RateLimitRule ApiCallsPerToken { get; set; } = new(1200, 60);

    /// <summary>每个用户的导出与报表（.xlsx/.docx、/export、/reports）。</summary>
    public RateLimitRule ExportsPerUser { get; set; } = new(60, 60);
}

/// <summary>固定窗口：WindowSeconds 秒内最多 Limit 次。</summary>
public sealed class RateLimitRule
{
    public RateLimitRule() { }

    public RateLimitRule(int limit, int windowSeconds)
    {
        Limit = limit;
        WindowSeconds = windowSeconds;
    }

    public int Limit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));

    public System.Threading.RateLimiting.FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = Math.Max(1, Limit),
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
