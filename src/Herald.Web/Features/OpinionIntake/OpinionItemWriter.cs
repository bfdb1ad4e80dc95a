using System.Data.Common;
using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Data;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>
/// 在当前写事务里写入舆情信息、命中、截图和待并入索引的段键：每张表一条预编译的 INSERT 逐行执行，不经 EF 变更跟踪。
/// 收录是 SQLite 上依次进行的那一段，EF 插入 100 条（含变更跟踪、主键回填）比这里慢一个数量级
/// （docs/adr/0007）。SQL 是标准写法（INSERT … RETURNING 在 SQLite 与 PostgreSQL 上都可用）。
/// </summary>
internal sealed class OpinionItemWriter : IAsyncDisposable
{
    private readonly HeraldDbContext _db;
    private readonly DbCommand _item;
    private readonly DbCommand _hit;
    private readonly DbCommand _backlog;
    private readonly DbCommand _count;
    private DbCommand? _attachment;

    private static readonly string[] ItemColumns =
    [
        "kind", "source", "platform", "url", "title", "content", "author", "published_at", "received_at", "reporter_id", "reporter_unit_id",
        "token_id", "feed_id", "external_id", "submission_key", "duplicate_of_id", "duplicate_count", "hit_count", "hit_weight",
    ];

    private static readonly string[] HitColumns = ["item_id", "field", "keyword", "list", "category", "weight", "start", "length"];

    private static readonly string[] AttachmentColumns =
        ["item_id", "file_hash", "file_name", "content_type", "size", "width", "height", "sort_order"];

    public OpinionItemWriter(HeraldDbContext db)
    {
        _db = db;
        _item = Command(Insert("opinion_items", ItemColumns) + " RETURNING id", ItemColumns);
        _hit = Command(Insert("opinion_item_hits", HitColumns), HitColumns);
        _backlog = Command(Insert("opinion_item_band_backlog", ["item_id", "band_keys"]), ["item_id", "band_keys"]);
        _count = Command("UPDATE opinion_items SET duplicate_count = duplicate_count + @n WHERE id = @id", ["n", "id"]);
    }

    /// <summary>写入一条（连同命中和截图），并把数据库给的编号填回实体。</summary>
    public async Task InsertAsync(OpinionItem item, CancellationToken ct)
    {
        Bind(_item, (int)item.Kind, item.Source, item.Platform, item.Url, item.Title, item.Content, item.Author, item.PublishedAt,
            item.ReceivedAt, item.ReporterId, item.ReporterUnitId, item.TokenId, item.FeedId, item.ExternalId, item.SubmissionKey,
            item.DuplicateOfId, item.DuplicateCount, item.HitCount, item.HitWeight);
        var id = Convert.ToInt64(await _item.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        _db.Entry(item).Property(i => i.Id).CurrentValue = id;
        foreach (var h in item.Hits)
        {
            Bind(_hit, id, (int)h.Field, h.Keyword, h.List, h.Category, h.Weight, h.Start, h.Length);
            await _hit.ExecuteNonQueryAsync(ct);
        }
        foreach (var a in item.Attachments)
        {
            _attachment ??= Command(Insert("opinion_item_attachments", AttachmentColumns), AttachmentColumns);
            Bind(_attachment, id, a.FileHash, a.FileName, a.ContentType, a.Size, a.Width, a.Height, a.SortOrder);
            await _attachment.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>段键先进待并入队列（一行、顺序写），由 <see cref="BandIndexer"/> 成批并入索引。</summary>
    public async Task InsertBacklogAsync(long itemId, IReadOnlyCollection<long> keys, CancellationToken ct)
    {
        Bind(_backlog, itemId, OpinionItemBandBacklog.Pack(keys));
        await _backlog.ExecuteNonQueryAsync(ct);
    }

    public async Task CountDuplicatesAsync(long groupFirstId, int count, CancellationToken ct)
    {
        Bind(_count, count, groupFirstId);
        await _count.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _item.DisposeAsync();
        await _hit.DisposeAsync();
        await _backlog.DisposeAsync();
        await _count.DisposeAsync();
        if (_attachment is not null) await _attachment.DisposeAsync();
    }

    private static string Insert(string table, string[] columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";

    private DbCommand Command(string sql, string[] parameters) => PreparedCommands.Create(_db, sql, parameters);

    private static void Bind(DbCommand command, params object?[] values) => PreparedCommands.Bind(command, values);
}
