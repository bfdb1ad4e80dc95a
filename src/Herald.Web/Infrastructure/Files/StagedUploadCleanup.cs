using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 定时清理两天前暂存、最终没有提交的上传；文件若不再被任何稿件或暂存引用则一并删除。
/// 状态都在数据库里，多实例同时运行也只是重复做同样的删除。
/// </summary>
public sealed class StagedUploadCleanup(IServiceScopeFactory scopes, ILogger<StagedUploadCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
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
        db.StagedUploads.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        foreach (var hash in expired.Select(s => s.Hash).Distinct())
        {
            var used = await db.ManuscriptAttachments.AnyAsync(a => a.FileHash == hash, ct)
                       || await db.OpinionItemAttachments.AnyAsync(a => a.FileHash == hash, ct)
                       || await db.StagedUploads.AnyAsync(s => s.Hash == hash, ct);
            if (!used) files.Delete(hash);
        }
        logger.LogInformation("Removed {Count} expired staged uploads", expired.Count);
        return expired.Count;
    }
}
