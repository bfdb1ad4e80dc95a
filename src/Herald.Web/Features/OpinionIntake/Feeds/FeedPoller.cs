using System.Security.Cryptography;
using System.Text;
using Herald.Domain.Common;
using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>
/// 订阅源轮询（后台任务）。状态都在数据库里：到期的源先用一条条件更新“占用”（多个实例不会同时轮询同一个源），
/// 各源并行下载、各自超时，一个源坏了或很慢只记在它自己身上，不耽误别的源，也不耽误下一轮检查。
/// 新条目按订阅源内的 guid/链接去重后收录（同样标出命中、查近似重复）。
/// </summary>
public sealed class FeedPoller(IServiceScopeFactory scopes, IOptions<OpinionIntakeOptions> options, ILogger<FeedPoller> logger)
    : BackgroundService
{
    public const int MaxEntriesPerPoll = 200;
    private const int MaxFeedsPerTick = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollFeeds) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, options.Value.FeedTickSeconds)));
        var running = new List<Task>();
        do
        {
            running.RemoveAll(t => t.IsCompleted);
            try
            {
                running.AddRange(await StartDueAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Checking for due feeds failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>轮询所有到期的源并等它们都结束（测试与“立即检查”用）。</summary>
    public async Task RunOnceAsync(CancellationToken ct) => await Task.WhenAll(await StartDueAsync(ct));

    /// <summary>占用到期的源，各自开始轮询；返回进行中的任务（不等待）。</summary>
    public async Task<IReadOnlyList<Task>> StartDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<Clock>().UtcNow;
        var due = await db.OpinionFeeds.AsNoTracking()
            .Where(f => !f.Disabled && f.NextDueAt <= now && (f.LeaseUntil == null || f.LeaseUntil <= now))
            .OrderBy(f => f.NextDueAt).Take(MaxFeedsPerTick).ToListAsync(ct);
        var tasks = new List<Task>();
        foreach (var feed in due)
        {
            var until = now + feed.LeaseDuration;
            var claimed = await db.OpinionFeeds
                .Where(f => f.Id == feed.Id && (f.LeaseUntil == null || f.LeaseUntil <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseUntil, until), ct);
            if (claimed == 1) tasks.Add(Task.Run(() => PollAsync(feed.Id, ct), ct));
        }
        return tasks;
    }

    private async Task PollAsync(long feedId, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<HeraldDbContext>();
            var clock = services.GetRequiredService<Clock>();
            var feed = await db.OpinionFeeds.FirstAsync(f => f.Id == feedId, ct);
            try
            {
                var fetched = await services.GetRequiredService<FeedFetcher>().FetchAsync(feed, ct);
                var document = fetched.NotModified ? null : FeedParser.Parse(fetched.Content, new Uri(feed.Url));
                var items = document is null ? [] : await NewItemsAsync(db, feed, document, clock.UtcNow, ct);
                await services.GetRequiredService<OpinionIngest>().IngestAsync(items, ct, async _ =>
                {
                    feed.Succeeded(clock.UtcNow, items.Count, fetched.Etag, fetched.LastModified);
                    await db.SaveChangesAsync(ct);
                });
            }
            catch (FeedException ex)
            {
                db.ChangeTracker.Clear();
                feed = await db.OpinionFeeds.FirstAsync(f => f.Id == feedId, ct);
                feed.Failed(clock.UtcNow, FeedErrors.Encode(ex));
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Feed {FeedId} failed: {Code}", feedId, ex.Code);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // 数据库等意外错误：占用到期后下一轮会再试；这里只记日志，不让后台任务退出。
            logger.LogError(ex, "Polling feed {FeedId} failed unexpectedly", feedId);
        }
    }

    /// <summary>订阅源里还没收录过的条目（按源内标识去重）。</summary>
    private static async Task<List<OpinionItem>> NewItemsAsync(HeraldDbContext db, OpinionFeed feed, FeedDocument document,
        DateTime now, CancellationToken ct)
    {
        var entries = document.Entries.Take(MaxEntriesPerPoll)
            .Select(e => (Entry: e, Key: ExternalIdOf(e)))
            .DistinctBy(e => e.Key).ToList();
        var keys = entries.Select(e => e.Key).ToArray();
        var seen = (await db.OpinionItems.AsNoTracking().Where(i => i.FeedId == feed.Id && keys.Contains(i.ExternalId!))
            .Select(i => i.ExternalId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var items = new List<OpinionItem>();
        foreach (var (entry, key) in entries.Where(e => !seen.Contains(e.Key)))
        {
            try
            {
                items.Add(OpinionItem.FromFeed(new OpinionItemInput(feed.Name, feed.Platform, entry.Link, Clip(entry.Title, OpinionItem.TitleMaxLength),
                    Clip(entry.Content, OpinionItem.ContentMaxLength), Clip(entry.Author, OpinionItem.AuthorMaxLength), entry.PublishedAt),
                    feed.Id, key, now));
            }
            catch (DomainValidationException)
            {
                // 既无标题也无内容的条目：跳过，不影响同一源的其他条目。
            }
        }
        return items;
    }

    /// <summary>条目在源内的标识：guid/id，没有时用链接，再没有时用标题与内容的散列；过长的取散列。</summary>
    public static string ExternalIdOf(FeedEntry entry)
    {
        var id = entry.Id ?? entry.Link;
        if (id is not null && id.Length <= OpinionItem.ExternalIdMaxLength) return id;
        var basis = id ?? (entry.Title + "\n" + entry.Content);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
