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
/// 3-gram Jaccard 确认），保存信息、命中和段键。查候选与写入在同一个写事务里，并发的两批不会互相漏查。
/// </summary>
public sealed class OpinionIngest(HeraldDbContext db, KeywordCatalog catalog, Clock clock, IOptions<OpinionIntakeOptions> options)
{
    private sealed class Pending(OpinionItem item, ShingleSet shingles, long[] keys)
    {
        public OpinionItem Item { get; } = item;
        public ShingleSet Shingles { get; } = shingles;
        public long[] Keys { get; } = keys;
        public Pending? BatchHead { get; set; }
        public long? DuplicateOf { get; set; }
    }

    public async Task<IReadOnlyList<IngestedItem>> IngestAsync(IReadOnlyList<OpinionItem> items, CancellationToken ct = default)
    {
        if (items.Count == 0) return [];
        var watch = await catalog.GetAsync(db, KeywordListPurpose.Watch, ct);
        // 匹配与签名都是纯计算，放在写事务之外。
        var pending = new List<Pending>(items.Count);
        foreach (var item in items)
        {
            item.SetHits(HitsOf(watch, item));
            var shingles = ShingleSet.Of(NearDuplicates.TextOf(item.Title, item.Content));
            pending.Add(new Pending(item, shingles, DuplicateSignature.BandKeys(shingles)));
        }

        var threshold = options.Value.DuplicateThreshold;
        var createdTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = createdTransaction ? await db.Database.BeginTransactionAsync(ct) : null;

        var since = clock.UtcNow.AddDays(-options.Value.DuplicateWindowDays);
        var windowStart = await db.OpinionItems.AsNoTracking().Where(i => i.ReceivedAt >= since)
            .OrderBy(i => i.ReceivedAt).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;
        var stored = await StoredCandidatesAsync(pending, windowStart, ct);

        // 逐条决定：先与已收录的候选比，再与本批中排在前面的比；都达到阈值时取更相似的。
        var batchIndex = new Dictionary<long, List<Pending>>();
        var headCounts = new Dictionary<long, int>();
        foreach (var p in pending)
        {
            var fromStore = NearDuplicates.Best(p.Shingles,
                p.Keys.SelectMany(k => stored.ByKey.TryGetValue(k, out var ids) ? ids : []).Distinct().Select(id => stored.Items[id]),
                threshold);
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
            var storeScore = fromStore is null ? -1.0 : p.Shingles.JaccardWith(fromStore.Shingles);
            if (fromStore is not null && storeScore >= batchScore)
            {
                p.DuplicateOf = fromStore.GroupId;
                p.Item.MarkDuplicateOf(fromStore.GroupId);
                headCounts[fromStore.GroupId] = headCounts.GetValueOrDefault(fromStore.GroupId) + 1;
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
            }
            foreach (var key in p.Keys)
            {
                if (!batchIndex.TryGetValue(key, out var list)) batchIndex[key] = list = [];
                list.Add(p);
            }
        }

        db.OpinionItems.AddRange(items);
        await db.SaveChangesAsync(ct);
        // 组首在本批里的：保存后才有编号。
        var late = pending.Where(p => p.BatchHead is not null).ToList();
        foreach (var p in late)
        {
            p.DuplicateOf = p.BatchHead!.Item.Id;
            p.Item.MarkDuplicateOf(p.BatchHead.Item.Id);
        }
        if (late.Count > 0) await db.SaveChangesAsync(ct);
        foreach (var (headId, count) in headCounts)
            await db.OpinionItems.Where(i => i.Id == headId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.DuplicateCount, i => i.DuplicateCount + count), ct);
        await InsertBandsAsync(pending, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return pending.Select(p => new IngestedItem(p.Item, p.DuplicateOf)).ToList();
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

    private sealed record StoredCandidates(Dictionary<long, List<long>> ByKey, Dictionary<long, DuplicateCandidate> Items);

    private async Task<StoredCandidates> StoredCandidatesAsync(List<Pending> pending, long windowStart, CancellationToken ct)
    {
        var keys = pending.SelectMany(p => p.Keys).Distinct().ToArray();
        var byKey = new Dictionary<long, List<long>>();
        var items = new Dictionary<long, DuplicateCandidate>();
        if (keys.Length == 0 || windowStart == long.MaxValue) return new(byKey, items);
        var rows = await db.OpinionItemBands.AsNoTracking()
            .Where(b => keys.Contains(b.BandKey) && b.ItemId >= windowStart)
            .Select(b => new { b.BandKey, b.ItemId }).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (!byKey.TryGetValue(row.BandKey, out var list)) byKey[row.BandKey] = list = [];
            list.Add(row.ItemId);
        }
        var ids = rows.Select(r => r.ItemId).Distinct().ToArray();
        if (ids.Length == 0) return new(byKey, items);
        var texts = await db.OpinionItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.DuplicateOfId, i.Title, i.Content }).ToListAsync(ct);
        foreach (var t in texts)
            items[t.Id] = new DuplicateCandidate(t.Id, t.DuplicateOfId, ShingleSet.Of(NearDuplicates.TextOf(t.Title, t.Content)));
        return new(byKey, items);
    }

    /// <summary>段键行很多（每条 20 行）：多行 VALUES 一次插入，不经变更跟踪。</summary>
    private async Task InsertBandsAsync(List<Pending> pending, CancellationToken ct)
    {
        const int RowsPerStatement = 400;
        var rows = pending.SelectMany(p => p.Keys.Distinct().Select(k => (Key: k, p.Item.Id))).ToList();
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            var chunk = rows.Skip(offset).Take(RowsPerStatement).ToList();
            var sql = new System.Text.StringBuilder("INSERT INTO opinion_item_bands (band_key, item_id) VALUES ");
            var parameters = new object[chunk.Count * 2];
            for (var i = 0; i < chunk.Count; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Append("({").Append(i * 2).Append("},{").Append(i * 2 + 1).Append("})");
                parameters[i * 2] = chunk[i].Key;
                parameters[i * 2 + 1] = chunk[i].Id;
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
