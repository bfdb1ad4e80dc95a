using System.Threading.RateLimiting;

namespace Herald.Web.Infrastructure.RateLimits;

/// <summary>按键分区的固定窗口计数：先 <see cref="Check"/> 是否还有余量，出事（如登录失败）再 <see cref="Consume"/>。</summary>
public sealed class Budget(RateLimitRule rule) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => rule.ToLimiterOptions()), StringComparer.Ordinal);

    /// <summary>余量已用完时返回还要等多久（近似为一个窗口），否则 null。</summary>
    public TimeSpan? Check(string key) => Acquire(key, 0);

    /// <summary>用掉一次；已用完时返回还要等多久。</summary>
    public TimeSpan? Consume(string key) => Acquire(key, 1);

    private TimeSpan? Acquire(string key, int permits)
    {
        using var lease = _limiter.AttemptAcquire(key, permits);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : rule.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
