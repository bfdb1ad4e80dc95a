using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Jobs;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 定时清理两天前暂存、最终没有提交的上传；文件若没有任何记录引用（<see cref="StoredFileReferences"/>：各模块登记的
/// 每一列）则一并删除。检查和删除在同一个数据库写事务里，其间没有别的写入者能提交引用这份文件的记录；
/// 检查之前刚保存、记录尚未提交的文件由文件库的租约保护（ADR 0018）。几个进程共用数据库时只在持有任务租约的进程里运行（ADR 0029）。
/// </summary>
public sealed class StagedUploadCleanup(IServiceScopeFactory scopes, JobLeases leases, ILogger<StagedUploadCleanup> logger) : BackgroundService
{
    public const string Job = "staged-upload-cleanup";
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await leases.RunAsync(Job, Interval, RunOnceAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or IOException or System.Data.Common.DbException)
            {
                logger.LogWarning(ex, "Staged upload cleanup failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var cutoff = scope.ServiceProvider.GetRequiredService<Clock>().UtcNow - MaxAge;
        var expired = await db.StagedUploads.Where(s => s.CreatedAt < cutoff).Take(1000).ToListAsync(ct);
        if (expired.Count == 0) return 0;
        var references = scope.ServiceProvider.GetRequiredService<StoredFileReferences>();
        db.StagedUploads.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        foreach (var hash in expired.Select(s => s.Hash).Distinct())
        {
            await using var write = await db.Database.BeginTransactionAsync(ct);
            if (!await references.AnyAsync(db, hash, ct)) files.DeleteUnlessLeased(hash);
            await write.CommitAsync(ct);
        }
        logger.LogInformation("Removed {Count} expired staged uploads", expired.Count);
        return expired.Count;
    }
}
