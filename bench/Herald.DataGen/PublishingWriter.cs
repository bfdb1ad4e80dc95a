using System.Globalization;
using Herald.Domain.Publishing;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Demo;
using Microsoft.Data.Sqlite;

namespace Herald.DataGen;

/// <summary>One approved manuscript, remembered while writing so that publications and adoptions can follow it.</summary>
public readonly record struct ApprovedItem(long Id, long UnitId, long AuthorId, long ApprovedTicks, long PublishedTicks);

/// <summary>
/// Issue 3 data on top of the manuscripts: a province's media outlets (central, provincial, the twelve cities' and every
/// county's media, 政务信息 bulletins), one website channel per submitting unit, publications of the items the office
/// published, and about 0.35 adoptions per approved item (26.5% of them adopted, some by several outlets; 90% verified,
/// 6% pending, 4% refused; 8% front page; a few leader instructions) — about 300,000 adoptions for 1,000,000 manuscripts.
/// </summary>
public sealed class PublishingWriter(SqliteConnection connection, Org org, Random random, DateOnly anchor)
{
    private static readonly (MediaLevel Level, double P)[] LevelMix =
        [(MediaLevel.County, 0.45), (MediaLevel.Municipal, 0.30), (MediaLevel.Provincial, 0.15), (MediaLevel.Internal, 0.06), (MediaLevel.Central, 0.04)];
    private static readonly string[] Columns = ["要闻", "头版", "综合新闻", "政务动态", "基层传真", "科技视点", "民生", "专题报道"];

    private readonly Dictionary<MediaLevel, List<Outlet>> _general = new();
    private readonly Dictionary<long, List<Outlet>> _local = new();
    private readonly Dictionary<long, long> _channelOf = new();
    private readonly Dictionary<long, GenUnit> _units = org.Units.ToDictionary(u => u.Id);

    private sealed record Outlet(long Id, string Name, MediaLevel Level, OutletType Type);

    public (int Outlets, int Channels, int Publications, int Adoptions) Run(IReadOnlyList<ApprovedItem> approved)
    {
        using var tx = connection.BeginTransaction();
        var now = Bulk.Text(anchor.ToDateTime(TimeOnly.MinValue).AddDays(-800))!;
        var outlets = WriteOutlets(tx, now);
        var channels = WriteChannels(tx, now);
        tx.Commit();

        var publications = 0;
        var adoptions = 0;
        using var pubTx = connection.BeginTransaction();
        using var pCmd = Bulk.Prepare(connection, pubTx, """
            INSERT INTO publications (manuscript_id, channel_id, channel_name, url, published_at, editor_id, created_at)
            VALUES ($1, $2, '门户网站', $3, $4, $5, $4)
            """, 5);
        using var aCmd = Bulk.Prepare(connection, pubTx, """
            INSERT INTO adoptions (manuscript_id, kind, outlet_id, source_name, level, outlet_type, adopted_on, page_column, url, front_page,
                proof_hash, proof_file_name, proof_content_type, proof_size, status, claimed_by_id, claimed_at, verified_by_id, verified_at, refuse_reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, NULL, NULL, $11, $12, $13, $14, $15, $16)
            """, 16);
        var office = org.Office.Id;
        foreach (var item in approved)
        {
            if (item.PublishedTicks > 0)
            {
                var at = Bulk.Text(new DateTime(item.PublishedTicks, DateTimeKind.Utc));
                Bulk.Run(pCmd, item.Id, _channelOf[item.UnitId], $"https://www.example.gov.cn/art/{item.Id}.html", at, office);
                publications++;
            }
            if (random.NextDouble() >= 0.265) continue;
            var approvedOn = ChinaTime.DateOf(new DateTime(item.ApprovedTicks, DateTimeKind.Utc));
            var count = random.NextDouble() switch { < 0.75 => 1, < 0.93 => 2, _ => 3 };
            var used = new HashSet<long>();
            for (var n = 0; n < count; n++)
            {
                var outlet = PickOutlet(item.UnitId);
                if (!used.Add(outlet.Id)) continue;
                var adoptedOn = approvedOn.AddDays(random.Next(21));
                if (adoptedOn > anchor) adoptedOn = anchor;
                var claimedAt = adoptedOn.ToDateTime(new TimeOnly(10, 0)).AddHours(-8).AddDays(random.Next(3));
                var roll = random.NextDouble();
                var status = roll < 0.90 ? AdoptionStatus.Verified : roll < 0.96 ? AdoptionStatus.Pending : AdoptionStatus.Refused;
                var officeRecorded = status == AdoptionStatus.Verified && random.NextDouble() < 0.5;
                var decidedAt = claimedAt.AddHours(2 + random.Next(70));
                Bulk.Run(aCmd, item.Id, (int)AdoptionKind.Outlet, outlet.Id, outlet.Name, (int)outlet.Level, (int)outlet.Type, Bulk.Date(adoptedOn),
                    Columns[random.Next(Columns.Length)], $"https://media.example.cn/{outlet.Id}/{item.Id}.html",
                    random.NextDouble() < 0.08 ? 1 : 0, (int)status, officeRecorded ? office : item.AuthorId, Bulk.Text(claimedAt),
                    status == AdoptionStatus.Pending ? null : office, status == AdoptionStatus.Pending ? null : Bulk.Text(officeRecorded ? claimedAt : decidedAt),
                    status == AdoptionStatus.Refused ? "未见采用版面截图，请补充后重新申报。" : null);
                adoptions++;
            }
            if (random.NextDouble() < 0.02)
            {
                var level = random.NextDouble() < 0.7 ? MediaLevel.County : MediaLevel.Municipal;
                var on = approvedOn.AddDays(random.Next(10));
                if (on > anchor) on = anchor;
                var at = on.ToDateTime(new TimeOnly(9, 0)).AddHours(-8);
                Bulk.Run(aCmd, item.Id, (int)AdoptionKind.Instruction, null, level == MediaLevel.County ? "县委书记" : "市委副书记", (int)level, null, Bulk.Date(on),
                    null, null, 0, (int)AdoptionStatus.Verified, office, Bulk.Text(at), office, Bulk.Text(at), null);
                adoptions++;
            }
        }
        pubTx.Commit();
        return (outlets, channels, publications, adoptions);
    }

    private int WriteOutlets(SqliteTransaction tx, string now)
    {
        using var cmd = Bulk.Prepare(connection, tx, "INSERT INTO outlets (name, level, type, disabled, created_at) VALUES ($1, $2, $3, 0, $4) RETURNING id", 4);
        void Add(string name, MediaLevel level, OutletType type, long? localTo)
        {
            for (var i = 0; i < 4; i++) cmd.Parameters[i].Value = i switch { 0 => name, 1 => (int)level, 2 => (int)type, _ => now };
            var outlet = new Outlet((long)cmd.ExecuteScalar()!, name, level, type);
            if (localTo is { } unit) (_local.TryGetValue(unit, out var l) ? l : _local[unit] = new()).Add(outlet);
            else (_general.TryGetValue(level, out var g) ? g : _general[level] = new()).Add(outlet);
        }
        foreach (var (name, level, type) in ReferenceData.CentralOutlets) Add(name, level, type, null);
        foreach (var (name, type) in new[] { ("省报", OutletType.Newspaper), ("省广播电视台", OutletType.Tv), ("省新闻客户端", OutletType.Newmedia),
                     ("学习强国省学习平台", OutletType.Xuexi), ("省政府办公厅《政务信息》", OutletType.GovBulletin), ("省科技报", OutletType.Newspaper),
                     ("省人民广播电台", OutletType.Radio), ("省新闻网", OutletType.Web) })
            Add(name, MediaLevel.Provincial, type, null);
        Add("省直机关工委《机关党建》", MediaLevel.Internal, OutletType.GovBulletin, null);
        Add("系统内部工作简报", MediaLevel.Internal, OutletType.GovBulletin, null);
        foreach (var city in org.Units.Where(u => u.ParentId == org.Units[0].Id && u.Name.EndsWith('市')))
        {
            Add(city.Name[..^1] + "日报", MediaLevel.Municipal, OutletType.Newspaper, city.Id);
            Add(city.Name + "广播电视台", MediaLevel.Municipal, OutletType.Tv, city.Id);
            Add(city.Name + "融媒体客户端", MediaLevel.Municipal, OutletType.Newmedia, city.Id);
            Add(city.Name[..^1] + "市委办公室《" + city.Name[..^1] + "信息》", MediaLevel.Municipal, OutletType.GovBulletin, city.Id);
            foreach (var county in org.Units.Where(u => u.ParentId == city.Id && (u.Name.EndsWith('县') || u.Name.EndsWith('区'))))
            {
                Add(city.Name + county.Name + "融媒体中心", MediaLevel.County, OutletType.Newmedia, county.Id);
                Add(city.Name + county.Name + "委办公室《每日要情》", MediaLevel.County, OutletType.GovBulletin, county.Id);
            }
        }
        return _general.Values.Sum(l => l.Count) + _local.Values.Sum(l => l.Count);
    }

    private int WriteChannels(SqliteTransaction tx, string now)
    {
        using var cmd = Bulk.Prepare(connection, tx, """
            INSERT INTO channels (unit_id, name, type, url, responsible_name, responsible_phone, responsible_user_id, disabled, created_at)
            VALUES ($1, '门户网站', $2, $3, $4, NULL, $5, 0, $6) RETURNING id
            """, 6);
        foreach (var (unitId, users) in org.CorrespondentsOf)
        {
            var values = new object[] { unitId, (int)ChannelType.Website, $"https://www.example.gov.cn/u{unitId}/", org.Users[(int)users[0] - 1].DisplayName, users[0], now };
            for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
            _channelOf[unitId] = (long)cmd.ExecuteScalar()!;
        }
        return _channelOf.Count;
    }

    /// <summary>An outlet of the drawn level, local to the item's county or city where there is one.</summary>
    private Outlet PickOutlet(long unitId)
    {
        var roll = random.NextDouble();
        var level = LevelMix[^1].Level;
        foreach (var (l, p) in LevelMix)
        {
            if (roll < p) { level = l; break; }
            roll -= p;
        }
        if (level is MediaLevel.County or MediaLevel.Municipal)
        {
            for (var u = _units.GetValueOrDefault(unitId); u is not null; u = u.ParentId is { } p ? _units.GetValueOrDefault(p) : null)
                if (_local.TryGetValue(u.Id, out var local) && local[0].Level == level) return local[random.Next(local.Count)];
            level = MediaLevel.Provincial;
        }
        var general = _general[level];
        return general[random.Next(general.Count)];
    }

}
