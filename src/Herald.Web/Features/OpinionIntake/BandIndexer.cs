using System.Data.Common;
using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 把待并入队列里的段键成批并入近似重复索引 <c>opinion_item_bands</c>（docs/adr/0010）。
/// 逐条写索引时每个段键落在一个随机的索引页上，每条信息要改写 20 页（约 80 KB 的 WAL）；攒成一批、按键排序后插入，
/// 一批改动的页数不超过索引的总页数。队列攒到 <see cref="OpinionIntakeOptions.BandMergeItems"/> 条、
/// 或最早的一条已等了 <see cref="OpinionIntakeOptions.BandMergeSeconds"/> 秒时并入。
/// 几个进程共用数据库时只由持有任务租约的进程并入（docs/adr/0029），两个进程不会同时并入同一批。
/// </summary>
public sealed class BandIndexer(IServiceScopeFactory scopes, IOptions<OpinionIntakeOptions> options, JobLeases leases, ILogger<BandIndexer> logger)
    : BackgroundService
{
    public const string Job = "opinion-band-merge";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        var waitedTicks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await leases.RunAsync(Job, Tick, async ct =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
                    var pending = await db.OpinionItemBandBacklog.CountAsync(ct);
                    waitedTicks = pending == 0 ? 0 : waitedTicks + 1;
                    if (pending < options.Value.BandMergeItems && (pending == 0 || waitedTicks < options.Value.BandMergeSeconds)) return 0;
                    waitedTicks = 0;
                    return await MergeAsync(db, options.Value.BandMergeItems * 2, ct);
                }, stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Merging the duplicate-index backlog failed; will retry");
            }
        }
    }

    /// <summary>立即并入队列里最早的至多 <paramref name="maxItems"/> 条，返回并入的条数。</summary>
    public async Task<int> MergeNowAsync(int maxItems = int.MaxValue, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await MergeAsync(scope.ServiceProvider.GetRequiredService<HeraldDbContext>(), maxItems, ct);
    }

    /// <summary>
    /// 按键排序后分 <see cref="Slices"/> 段、每段一个事务写入索引（每段只占用写闸一小会儿，推送不会卡上一两秒），
    /// 最后一段与删除队列在同一事务里。中途失败时已写入的段留在索引里，重做时跳过；查候选两边都查，不会漏也不会重。
    /// </summary>
    private const int Slices = 8;

    private static async Task<int> MergeAsync(HeraldDbContext db, int maxItems, CancellationToken ct)
    {
        var rows = await db.OpinionItemBandBacklog.AsNoTracking().OrderBy(b => b.ItemId).Take(maxItems)
            .Select(b => new { b.ItemId, b.BandKeys }).ToListAsync(ct);
        if (rows.Count == 0) return 0;
        var pairs = rows.SelectMany(r => OpinionItemBandBacklog.Unpack(r.BandKeys).Select(key => (Key: key, r.ItemId)))
            .Order().ToArray();
        // 编号只增不减：读出之后才提交的信息编号都更大，删除 ≤ last 只删到这里读出的。
        var last = rows[^1].ItemId;
        var size = (pairs.Length + Slices - 1) / Slices;
        for (var start = 0; start < pairs.Length; start += size)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await InsertAsync(db, pairs.AsMemory(start, Math.Min(size, pairs.Length - start)), ct);
            if (start + size >= pairs.Length)
                await db.OpinionItemBandBacklog.Where(b => b.ItemId <= last).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return rows.Count;
    }

    private static async Task InsertAsync(HeraldDbContext db, ReadOnlyMemory<(long Key, long ItemId)> pairs, CancellationToken ct)
    {
        // 标准写法（SQLite 3.24+ 与 PostgreSQL 都支持）：中断后重做时已并入的行跳过。
        await using var insert = PreparedCommands.Create(db,
            "INSERT INTO opinion_item_bands (band_key, item_id) VALUES (@k, @i) ON CONFLICT DO NOTHING", ["k", "i"]);
        for (var i = 0; i < pairs.Length; i++)
        {
            var (key, itemId) = pairs.Span[i];
            PreparedCommands.Bind(insert, key, itemId);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
