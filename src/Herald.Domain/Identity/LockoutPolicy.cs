namespace Herald.Domain.Identity;

/// <summary>连续登录失败 MaxFailures 次后锁定 Duration。</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration)
{
    public static readonly LockoutPolicy Default = new(5, TimeSpan.FromMinutes(15));
}
