using Herald.Domain.Keywords;
using Herald.Domain.Opinion;
using Herald.Domain.Text;
using Herald.Web.Features.Keywords;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>一条已收录的信息：编号、所归入重复组的组首（不重复时为空）、命中。</summary>
public sealed record IngestedItem(OpinionItem Item, long? DuplicateOf);

/// <summary>
/// 收录舆情信息（人工上报、厂商推送、订阅源共用）：按监测词表标出命中，查近似重复（MinHash 段键找候选，
/// 3-gram Jaccard 确认），保存信息、命中和段键（见 docs/adr/0008、0010）。
/// 查候选分两段：写事务之前查出已有的候选并算好相似度；进入写事务后只补查这之后别的批次新写入的，
/// 所以并发的两批不会互相漏查，而 SQLite 上各批依次进行的那一段只剩写入。
/// 段键不直接写进索引（每条 20 个散落的索引页），而是打包追加到待并入队列，由 <see cref="BandIndexer"/> 成批并入；
/// 查候选时先查队列、再查索引：并入只会把行从队列移到索引，所以两次查询之间发生的并入不会漏掉候选。
/// </summary>
public sealed class OpinionIngest(HeraldDbContext db, KeywordCatalog catalog, Clock clock, IOptions<OpinionIntakeOptions> options)
{
    /// <summary>
    /// 与所归入的信息几乎一样（Jaccard 不低于此值）的不进候选索引：与它相似的也与那一条相似，
    /// 同一篇被转发成百上千次时，候选不会随转发数增长。那一条已收到超过半个窗口时仍然进索引，
    /// 好让持续转发的事件在窗口滑过之后仍归入原来的组。
    /// </summary>
    public const double CopyThreshold = 0.95;

    private sealed class Pending(OpinionItem item, ShingleSet shingles, long[] keys)
    {
        public OpinionItem Item { get; } = item;
        public ShingleSet Shingles { get; } = shingles;
        public long[] Keys { get; } = keys;
        public Pending? BatchHead { get; set; }
        public long? DuplicateOf { get; set; }
        public bool Indexed { get; set; } = true;
    }

    private sealed class Candidates
    {
        public Dictionary<long, List<long>> ByKey { get; } = new();
        public Dictionary<long, DuplicateCandidate> Items { get; } = new();
        public Dictionary<long, DateTime> ReceivedAt { get; } = new();
    }

    /// <param name="alsoInTransaction">调用方要与收录一起提交的改动（审计、订阅源状态等），在写事务提交前执行。</param>
    public async Task<IReadOnlyList<IngestedItem>> IngestAsync(IReadOnlyList<OpinionItem> items, CancellationToken ct = default,
        Func<IReadOnlyList<IngestedItem>, Task>? alsoInTransaction = null)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("Ingest opens its own write transaction; pass the caller's changes as alsoInTransaction.");
        if (items.Count == 0)
        {
            if (alsoInTransaction is not null) await alsoInTransaction([]);
            return [];
        }
        var watch = await catalog.GetAsync(db, KeywordListPurpose.Watch, ct);
        var pending = new List<Pending>(items.Count);
        foreach (var item in items)
        {
            item.SetHits(HitsOf(watch, item));
            var shingles = ShingleSet.Of(NearDuplicates.TextOf(item.Title, item.Content));
            pending.Add(new Pending(item, shingles, DuplicateSignature.BandKeys(shingles)));
        }
        var keys = pending.SelectMany(p => p.Keys).Distinct().ToArray();

        // 第一段（事务外，可与别的批次并行）：窗口内已有的候选。
        var since = clock.UtcNow.AddDays(-options.Value.DuplicateWindowDays);
        var windowStart = await db.OpinionItems.AsNoTracking().Where(i => i.ReceivedAt >= since)
            .OrderBy(i => i.ReceivedAt).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;
        var seenUpTo = await db.OpinionItems.AsNoTracking().MaxAsync(i => (long?)i.Id, ct) ?? 0;
        var candidates = new Candidates();
        await AddCandidatesAsync(candidates, keys, Math.Min(windowStart, seenUpTo + 1), seenUpTo, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // 收录的写事务彼此排队：SQLite 只有一个写者；PostgreSQL 上编号在插入而非提交时分配，不排队时第二段会漏查、编号也不再随提交只增。
        if (db.Database.IsNpgsql()) await PostgresSetup.LockOpinionIngestAsync(db, ct);
        // 第二段（写事务内）：第一段之后别的批次写入的。
        if (await db.OpinionItems.AsNoTracking().AnyAsync(i => i.Id > seenUpTo, ct))
            await AddCandidatesAsync(candidates, keys, seenUpTo + 1, long.MaxValue, ct);

        var refreshBefore = clock.UtcNow.AddDays(-options.Value.DuplicateWindowDays / 2.0);
        var headCounts = Decide(pending, candidates, options.Value.DuplicateThreshold, refreshBefore);
        await using (var writer = new OpinionItemWriter(db))
        {
            // 依次写入：本批里的组首总在它的组员之前，写组员时组首已有编号。
            foreach (var p in pending)
            {
                if (p.BatchHead is { } head)
                {
                    p.DuplicateOf = head.Item.Id;
                    p.Item.MarkDuplicateOf(head.Item.Id);
                }
                await writer.InsertAsync(p.Item, ct);
                if (p.Indexed && p.Keys.Length > 0) await writer.InsertBacklogAsync(p.Item.Id, p.Keys, ct);
            }
            foreach (var (groupFirstId, count) in headCounts)
                await writer.CountDuplicatesAsync(groupFirstId, count, ct);
        }
        var result = pending.Select(p => new IngestedItem(p.Item, p.DuplicateOf)).ToList();
        if (alsoInTransaction is not null) await alsoInTransaction(result);
        await transaction.CommitAsync(ct);
        return result;
    }

    public static List<OpinionItemHit> HitsOf(CompiledKeywords watch, OpinionItem item)
    {
        var hits = new List<OpinionItemHit>();
        foreach (var h in watch.Find(item.Title))
            hits.Add(OpinionItemHit.Create(OpinionTextField.Title, h.Keyword, h.List, h.Category, h.Weight, h.Hit.Start, h.Hit.Length));
        foreach (var h in watch.Find(item.Content))
            hits.Add(OpinionItemHit.Create(OpinionTextField.Content, h.Keyword, h.List, h.Category, h.Weight, h.Hit.Start, h.Hit.Length));
        return hits;
    }

    /// <summary>
    /// 逐条决定：先与已收录的候选比，再与本批中排在前面的比；都达到阈值时取更相似的。
    /// 返回已收录的组首各要加几条。
    /// </summary>
    private static Dictionary<long, int> Decide(List<Pending> pending, Candidates stored, double threshold, DateTime refreshBefore)
    {
        var batchIndex = new Dictionary<long, List<Pending>>();
        var headCounts = new Dictionary<long, int>();
        foreach (var p in pending)
        {
            var fromStore = NearDuplicates.Best(p.Shingles,
                p.Keys.SelectMany(k => stored.ByKey.TryGetValue(k, out var ids) ? ids : []).Distinct().Select(id => stored.Items[id]),
                threshold);
            var storeScore = fromStore is null ? -1.0 : p.Shingles.JaccardWith(fromStore.Shingles);
            Pending? fromBatch = null;
            var batchScore = -1.0;
            foreach (var other in p.Keys.SelectMany(k => batchIndex.TryGetValue(k, out var list) ? list : []).Distinct())
            {
                var score = p.Shingles.JaccardWith(other.Shingles);
                if (score >= threshold && score > batchScore)
                {
                    fromBatch = other;
                    batchScore = score;
                }
            }
            if (fromStore is not null && storeScore >= batchScore)
            {
                p.DuplicateOf = fromStore.GroupId;
                p.Item.MarkDuplicateOf(fromStore.GroupId);
                headCounts[fromStore.GroupId] = headCounts.GetValueOrDefault(fromStore.GroupId) + 1;
                p.Indexed = storeScore < CopyThreshold || stored.ReceivedAt[fromStore.Id] < refreshBefore;
            }
            else if (fromBatch is not null)
            {
                var head = fromBatch.BatchHead ?? fromBatch;
                if (head.DuplicateOf is { } groupId)
                {
                    // 本批前面那条本身归入了已收录的组：同组。
                    p.DuplicateOf = groupId;
                    p.Item.MarkDuplicateOf(groupId);
                    headCounts[groupId] = headCounts.GetValueOrDefault(groupId) + 1;
                }
                else
                {
                    p.BatchHead = head;
                    head.Item.CountDuplicate();
                }
                p.Indexed = batchScore < CopyThreshold;
            }
            if (!p.Indexed) continue;
            foreach (var key in p.Keys)
            {
                if (!batchIndex.TryGetValue(key, out var list)) batchIndex[key] = list = [];
                list.Add(p);
            }
        }
        return headCounts;
    }

    /// <summary>编号在 [from, to] 之间、段键相同的已收录信息（待并入队列里的和索引里的），连同它们的 3-gram 集合。</summary>
    private async Task AddCandidatesAsync(Candidates candidates, long[] keys, long from, long to, CancellationToken ct)
    {
        if (keys.Length == 0 || from > to) return;
        var found = new HashSet<(long Key, long ItemId)>();
        // 先查队列再查索引（见类注释）。队列只有最近几秒收录的，逐行解包比对。
        var wanted = keys.ToHashSet();
        var backlog = await db.OpinionItemBandBacklog.AsNoTracking().Where(b => b.ItemId >= from && b.ItemId <= to)
            .Select(b => new { b.ItemId, b.BandKeys }).ToListAsync(ct);
        foreach (var row in backlog)
            foreach (var key in OpinionItemBandBacklog.Unpack(row.BandKeys))
                if (wanted.Contains(key)) found.Add((key, row.ItemId));
        var rows = await db.OpinionItemBands.AsNoTracking()
            // 一个 JSON 参数（SQLite 上为 json_each）：2000 个单独的参数光绑定就要几十毫秒。
            .Where(b => EF.Parameter(keys).Contains(b.BandKey) && b.ItemId >= from && b.ItemId <= to)
            .Select(b => new { b.BandKey, b.ItemId }).ToListAsync(ct);
        foreach (var row in rows) found.Add((row.BandKey, row.ItemId));
        foreach (var (key, itemId) in found)
        {
            if (!candidates.ByKey.TryGetValue(key, out var list)) candidates.ByKey[key] = list = [];
            list.Add(itemId);
        }
        var ids = found.Select(r => r.ItemId).Distinct().Where(id => !candidates.Items.ContainsKey(id)).ToArray();
        if (ids.Length == 0) return;
        var texts = await db.OpinionItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.DuplicateOfId, i.Title, i.Content, i.ReceivedAt }).ToListAsync(ct);
        foreach (var t in texts)
        {
            candidates.Items[t.Id] = new DuplicateCandidate(t.Id, t.DuplicateOfId, ShingleSet.Of(NearDuplicates.TextOf(t.Title, t.Content)));
            candidates.ReceivedAt[t.Id] = t.ReceivedAt;
        }
    }
}
