using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Jobs;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 定时删掉查重窗口之外的信息的段键行（信息本身保留），候选索引的大小因此只取决于窗口内的信息量。
/// 表按键排列，按键值分成若干段删除：每条语句只占用写锁很短时间，不会让同时进行的推送久等。
/// 几个进程共用数据库时只在持有任务租约的进程里运行（docs/adr/0029）。
/// </summary>
public sealed class BandIndexPruning(IServiceScopeFactory scopes, JobLeases leases, ILogger<BandIndexPruning> logger) : BackgroundService
{
    public const string Job = "opinion-band-pruning";
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);
    private const int Slices = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await leases.RunAsync(Job, Interval, RunOnceAsync, stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Pruning the duplicate index failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<OpinionIntakeOptions>>().Value;
        var since = scope.ServiceProvider.GetRequiredService<Clock>().UtcNow.AddDays(-options.DuplicateWindowDays);
        // 窗口内最早的信息；窗口内一条都没有时，全部都在窗口外。
        var cut = await db.OpinionItems.AsNoTracking().Where(i => i.ReceivedAt >= since).OrderBy(i => i.ReceivedAt)
            .Select(i => (long?)i.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;
        var removed = 0;
        var step = ulong.MaxValue / Slices + 1;
        for (var slice = 0; slice < Slices; slice++)
        {
            var lo = unchecked((long)((ulong)slice * step) ^ long.MinValue);
            var hi = slice == Slices - 1 ? long.MaxValue : unchecked((long)((ulong)(slice + 1) * step) ^ long.MinValue) - 1;
            removed += await db.OpinionItemBands.Where(b => b.BandKey >= lo && b.BandKey <= hi && b.ItemId < cut).ExecuteDeleteAsync(ct);
        }
        if (removed > 0) logger.LogInformation("Removed {Count} duplicate-index rows outside the window", removed);
        return removed;
    }
}
