using System.Diagnostics;
using System.Globalization;
using System.Text;
using Herald.Domain.Keywords;
using Herald.Domain.Opinion;
using Herald.Domain.Text;
using Microsoft.Data.Sqlite;

namespace Herald.DataGen;

/// <summary>
/// Stored opinion items for the intake benchmark (issue 4): about 1 KB each (title + netizen-style post built from
/// the seed sentences), spread evenly over the last <c>--opinion-days</c> days, 15% near-duplicate reposts of a
/// recent item (grouped as the app would group them), watch-list hits computed with the seeded watch list, and the
/// MinHash band rows for the items inside the app's default 30-day duplicate window (what the pruning job leaves).
/// </summary>
public sealed class OpinionWriter(SqliteConnection connection, GenOptions options, Org org, TextGen text, Random random)
{
    public const int WindowDays = 30;
    private const int Batch = 20_000;
    private static readonly string[] Platforms = ["微博", "微信", "抖音", "快手", "今日头条", "新闻网站", "论坛", "小红书"];
    private static readonly string[] Sources = ["本地生活圈", "城市论坛", "新闻客户端", "网友爆料群", "民生热线", "短视频号"];
    private static readonly string[] Openers = ["网友发帖称：", "有市民反映：", "据网友爆料，", "视频显示，", "有群众留言："];
    private static readonly string[] Tables = ["opinion_items", "opinion_item_hits", "opinion_item_bands"];

    public sealed record Result(int Items, int Duplicates, long Hits, long Bands);

    public Result Run()
    {
        var watch = Stopwatch.StartNew();
        var matcher = WatchMatcher(out var listName);
        var indexes = DropIndexes();
        var anchor = DateTime.SpecifyKind(options.Anchor.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        var start = anchor.AddDays(-options.OpinionDays);
        var windowStart = anchor.AddDays(-WindowDays);
        var step = (anchor - start).Ticks / Math.Max(1, options.OpinionItems);
        var reporters = org.Users.Where(u => u.UnitId is not null).ToArray();
        var recent = new List<(long Id, long GroupId, string Title, string Content)>(1024);
        var groupCounts = new Dictionary<long, int>();
        long hitRows = 0, bandRows = 0;
        var duplicates = 0;

        SqliteTransaction? tx = null;
        SqliteCommand? item = null, hit = null, band = null;
        void Begin()
        {
            tx = connection.BeginTransaction();
            item = Bulk.Prepare(connection, tx, """
                INSERT INTO opinion_items (id, kind, source, platform, url, title, content, author, published_at, received_at, reporter_id,
                    reporter_unit_id, token_id, feed_id, external_id, submission_key, duplicate_of_id, duplicate_count, hit_count, hit_weight)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, NULL, NULL, NULL, $13, 0, $14, $15)
                """, 15);
            hit = Bulk.Prepare(connection, tx, "INSERT INTO opinion_item_hits (item_id, field, keyword, list, category, weight, start, length) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8);
            band = Bulk.Prepare(connection, tx, "INSERT OR IGNORE INTO opinion_item_bands (band_key, item_id) VALUES ($1, $2)", 2);
        }
        void Commit()
        {
            item!.Dispose(); hit!.Dispose(); band!.Dispose();
            tx!.Commit();
            tx.Dispose();
        }

        Begin();
        for (var i = 1; i <= options.OpinionItems; i++)
        {
            long id = i;
            var received = start.AddTicks(step * i);
            string title, content;
            long? duplicateOf = null;
            if (recent.Count > 20 && random.NextDouble() < 0.15)
            {
                // A repost: the same story with a few characters changed (3-gram Jaccard well above 0.8).
                var original = recent[random.Next(recent.Count)];
                title = original.Title;
                content = Tweak(original.Content);
                duplicateOf = original.GroupId;
                groupCounts[original.GroupId] = groupCounts.GetValueOrDefault(original.GroupId) + 1;
                duplicates++;
            }
            else
            {
                (title, content) = Compose(received);
            }
            var hits = new List<(OpinionTextField Field, KeywordHit Hit)>();
            foreach (var h in matcher.FindAll(title)) hits.Add((OpinionTextField.Title, h));
            foreach (var h in matcher.FindAll(content)) hits.Add((OpinionTextField.Content, h));
            var manual = random.Next(10) == 0;
            var reporter = manual ? reporters[random.Next(reporters.Length)] : null;
            Bulk.Run(item!, id, manual ? 0 : 1, Sources[random.Next(Sources.Length)], Platforms[random.Next(Platforms.Length)],
                $"https://opinion.example.invalid/p/{id}", title, content, "网友" + random.Next(100000).ToString(CultureInfo.InvariantCulture),
                Text(received.AddMinutes(-random.Next(1, 600))), Text(received), reporter?.Id, reporter?.UnitId, duplicateOf,
                hits.Count, hits.Sum(h => h.Hit.Keyword.Weight));
            foreach (var (field, h) in hits)
                Bulk.Run(hit!, id, (int)field, h.Keyword.Text, listName, h.Keyword.Category, h.Keyword.Weight, h.Start, h.Length);
            hitRows += hits.Count;
            if (received >= windowStart)
            {
                foreach (var key in DuplicateSignature.BandKeys(ShingleSet.Of(NearDuplicates.TextOf(title, content))))
                    Bulk.Run(band!, key, id);
                bandRows += DuplicateSignature.Bands;
            }
            recent.Add((id, duplicateOf ?? id, title, content));
            if (recent.Count > 1000) recent.RemoveAt(0);
            if (i % Batch == 0)
            {
                Commit();
                Begin();
                if (i % (Batch * 10) == 0)
                    Console.WriteLine($"  opinion items: {i:N0} ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
        Commit();

        using (var update = connection.BeginTransaction())
        using (var cmd = Bulk.Prepare(connection, update, "UPDATE opinion_items SET duplicate_count = $2 WHERE id = $1", 2))
        {
            foreach (var (groupId, count) in groupCounts) Bulk.Run(cmd, groupId, count);
            update.Commit();
        }
        var indexWatch = Stopwatch.StartNew();
        foreach (var sql in indexes) DataGenProgram.Exec(connection, sql);
        Console.WriteLine($"opinion indexes re-created in {indexWatch.Elapsed.TotalSeconds:F0} s");
        return new Result(options.OpinionItems, duplicates, hitRows, bandRows);
    }

    private string? _pool;

    /// <summary>
    /// A post: opener, sometimes a complaint with a watch-list word, the lead of a work report, then "words" drawn from
    /// the characters of the seed prose. Real posts are mostly text of their own; built only from the few hundred seed
    /// sentences, unrelated posts would share far more 3-grams than real ones and overstate the duplicate candidates.
    /// </summary>
    private (string Title, string Content) Compose(DateTime received)
    {
        var topic = text.Topic();
        var unit = org.Units[random.Next(org.Units.Count)].Name;
        var title = text.Title(unit.Length > 12 ? unit[..12] : unit, topic);
        var body = text.Body(unit, topic, DateOnly.FromDateTime(received.AddHours(8)));
        _pool ??= new string(Enumerable.Range(0, 50).SelectMany(_ => text.Body("某单位", text.Topic(), options.Anchor))
            .Where(c => c is >= '\u4e00' and <= '\u9fff').Distinct().ToArray());
        var sb = new StringBuilder(400);
        sb.Append(Openers[random.Next(Openers.Length)]);
        // One post in five carries a typical complaint with a watch-list word.
        if (random.Next(5) == 0) sb.Append(Complaints[random.Next(Complaints.Length)]);
        sb.Append(body.AsSpan(0, Math.Min(body.Length, 80)));
        // About 1 KB of UTF-8: 330 Chinese characters plus the title.
        while (sb.Length < 329)
        {
            var word = 1 + random.Next(4);
            for (var k = 0; k < word; k++) sb.Append(_pool[random.Next(_pool.Length)]);
            if (random.Next(6) == 0) sb.Append('，');
        }
        sb.Length = 329;
        return (title, sb.Append('。').ToString());
    }

    private static readonly string[] Complaints =
    [
        "工地拖欠工资三个月，工人多次讨薪无果。", "小区门口道路塌方，车辆无法通行。", "有商户乱收费，群众要求曝光。",
        "河道发现偷排污水，气味刺鼻。", "业主聚集维权，要求开发商交房。", "夜市发生火灾，暂无人员伤亡报告。",
    ];

    private string Tweak(string content)
    {
        var chars = content.ToCharArray();
        for (var k = 0; k < 2; k++)
        {
            var at = random.Next(chars.Length);
            if (!char.IsSurrogate(chars[at])) chars[at] = '某';
        }
        return new string(chars) + "（转）";
    }

    private KeywordMatcher WatchMatcher(out string listName)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name, words, allow_phrases FROM keyword_lists WHERE purpose = 0 AND disabled = 0 ORDER BY id LIMIT 1";
        using var reader = cmd.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException("no watch list (the 0009 migration seeds one)");
        listName = reader.GetString(0);
        var entries = KeywordListText.Parse(reader.GetString(1), "", []);
        var allow = reader.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return KeywordMatcher.Build(entries.Select(e => new KeywordDefinition(e.Text, e.Category, e.Weight)), allow);
    }

    private List<string> DropIndexes()
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('"
                              + string.Join("','", Tables) + "')";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) DataGenProgram.Exec(connection, $"DROP INDEX \"{name}\"");
        return indexes.Select(i => i.Sql).ToList();
    }

    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
