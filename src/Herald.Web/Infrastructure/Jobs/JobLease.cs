namespace Herald.Web.Infrastructure.Jobs;

/// <summary>一个后台任务的租约（表 job_leases，一个任务一行）：哪个进程持有、到什么时候为止（docs/adr/0029）。</summary>
public sealed class JobLease
{
    public const int NameMaxLength = 64;
    public const int HolderMaxLength = 200;

    public string Name { get; set; } = "";
    /// <summary>持有者（进程标识）；空表示没人持有。</summary>
    public string? Holder { get; set; }
    /// <summary>到期时间（UTC）；到期后别的进程可以接手。</summary>
    public DateTime? ExpiresAt { get; set; }
}
