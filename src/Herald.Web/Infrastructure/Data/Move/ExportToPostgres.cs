using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Herald.Web.Infrastructure.Data.Move;

/// <summary>
/// <c>export-sqlite-to-postgres --from 数据目录或herald.db --to "PostgreSQL 连接串"</c>：把一个 SQLite 上的先声搬到一个空的
/// PostgreSQL 数据库（docs/operations.md“从 SQLite 迁到 PostgreSQL”）。目标库先执行 postgres 迁移，再在一个事务里按外键顺序
/// 用二进制 COPY 复制每张表（编号不变），重置自增序列，沿用源库的迁移记录，逐表核对行数，最后验证审计哈希链。
/// 退出码：0 成功；1 拒绝或核对不符（目标不空、结构版本不同、行数不等、哈希链断裂）；2 出错。
/// </summary>
public static class ExportToPostgres
{
    public static async Task<int> RunAsync(string from, string to, TextWriter output, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var database = Directory.Exists(from) ? Path.Combine(from, "herald.db") : from;
        if (!File.Exists(database)) return Refuse(output, $"找不到源数据库：{database}");
        var dataDir = Path.GetDirectoryName(Path.GetFullPath(database))!;

        // A running Herald holds a shared lock on its data directory (Backup.HoldDataDir); rows it writes meanwhile would be lost.
        using var exclusive = Backup.TryLockExclusively(dataDir);
        if (exclusive is null) return Refuse(output, $"数据目录 {dataDir} 正被运行中的先声使用。请先停止服务再导出，导出期间的新数据不会被复制。");

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(to) { CommandTimeout = 0 };
        }
        catch (ArgumentException ex)
        {
            return Refuse(output, $"目标连接串无效：{ex.Message}");
        }

        await using var source = await SqliteSource.OpenAsync(database, ct);
        var sourceVersions = await source.MigrationsAsync(ct);
        if (SchemaMismatch(sourceVersions.Select(v => v.Version).ToList()) is { } mismatch) return Refuse(output, mismatch);

        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        var existing = await PostgresTarget.TablesAsync(connection, null, ct);
        if (existing.Count > 0)
            return Refuse(output, $"目标数据库 {connection.Database} 不是空的（已有 {existing.Count} 张表，如 {string.Join("、", existing.Take(3))}）。" +
                                  "请新建一个空数据库（createdb）再导出；不会覆盖已有的数据。");

        output.WriteLine($"源：{database}（结构版本 {sourceVersions[^1].Version}）");
        output.WriteLine($"目标：{connection.Host}:{connection.Port}/{connection.Database}");
        await ApplyMigrationsAsync(target.ConnectionString, ct);
        output.WriteLine("目标库已按 PostgreSQL 迁移脚本建好结构。");

        var counts = await CopyAsync(source, connection, sourceVersions, output, ct);
        await PostgresTarget.ExecuteAsync(connection, null, "ANALYZE", ct);

        var bad = counts.Where(c => c.Source != c.Target).ToList();
        output.WriteLine();
        output.WriteLine("逐表核对行数（源 → 目标）：");
        foreach (var (table, sourceRows, targetRows) in counts)
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-36} {1,12:N0} → {2,12:N0}  {3}", table, sourceRows, targetRows,
                sourceRows == targetRows ? "一致" : "不一致"));
        if (bad.Count > 0) return Refuse(output, $"{bad.Count} 张表行数不一致：{string.Join("、", bad.Select(b => b.Table))}。目标库不可用，请删除后重新导出。");

        var chain = await VerifyAuditChainAsync(target.ConnectionString, ct);
        if (chain is null) output.WriteLine("源库的审计哈希链尚未开始（旧版本的库）：先声在 PostgreSQL 上首次启动时补链，与在 SQLite 上相同。");
        else if (chain.FirstBreak is { } broken)
            return Refuse(output, $"目标库的审计哈希链在记录 {broken.EntryId} 处断裂（{broken.Reason}），共验证 {chain.Checked:N0} 条。");
        else output.WriteLine($"审计哈希链完好：验证 {chain.Checked:N0} 条。");
        output.WriteLine($"文件库与密钥原样沿用：在 PostgreSQL 上运行的先声仍使用数据目录 {dataDir}（files/、keys/），不需要复制。");
        output.WriteLine("把配置改为 Herald:Database:Provider = postgres、Herald:Database:ConnectionString = 上面的连接串，再启动先声。");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "完成：{0} 张表、{1:N0} 行，用时 {2:F1} 秒。",
            counts.Count, counts.Sum(c => c.Source), total.Elapsed.TotalSeconds));
        return 0;
    }

    /// <summary>源库的迁移版本须与本程序的 sqlite 脚本完全相同（postgres 脚本与之同号），否则两边结构对不上。</summary>
    internal static string? SchemaMismatch(IReadOnlyList<string> sourceVersions)
    {
        var expected = MigrationRunner.Scripts("sqlite").Select(s => s.Version).ToList();
        var postgres = MigrationRunner.Scripts("postgres").Select(s => s.Version).ToList();
        if (!expected.SequenceEqual(postgres, StringComparer.Ordinal))
            return "本程序的 SQLite 与 PostgreSQL 迁移脚本版本不一致，无法导出（程序包有误）。";
        if (sourceVersions.Count == 0) return "源数据库没有迁移记录（schema_migrations），不是先声的数据库。";
        if (sourceVersions.SequenceEqual(expected, StringComparer.Ordinal)) return null;
        var missing = expected.Except(sourceVersions, StringComparer.Ordinal).ToList();
        var unknown = sourceVersions.Except(expected, StringComparer.Ordinal).ToList();
        return unknown.Count > 0
            ? $"源数据库的结构版本比本程序新（有本程序不认识的迁移 {string.Join("、", unknown)}）。请用与源数据相同或更新版本的先声导出。"
            : $"源数据库的结构版本较旧（缺迁移 {string.Join("、", missing)}）。请先用本版本的先声对源数据目录执行 migrate，再导出。";
    }

    private static async Task<List<(string Table, long Source, long Target)>> CopyAsync(SqliteSource source, NpgsqlConnection connection,
        IReadOnlyList<(string Version, string AppliedAt)> versions, TextWriter output, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var tables = await PostgresTarget.TablesAsync(connection, tx, ct);
        var columns = await PostgresTarget.ColumnsAsync(connection, tx, ct);
        var keys = await PostgresTarget.ForeignKeysAsync(connection, tx, ct);
        var indexes = await PostgresTarget.SecondaryIndexesAsync(connection, tx, ct);
        var sourceTables = await source.TablesAsync(ct);

        foreach (var (table, name, _, _) in keys)
            await PostgresTarget.ExecuteAsync(connection, tx, $"ALTER TABLE {Q(table)} DROP CONSTRAINT {Q(name)}", ct);
        foreach (var (name, _) in indexes) await PostgresTarget.ExecuteAsync(connection, tx, $"DROP INDEX {Q(name)}", ct);
        // Rows the migrations seed (categories, deadline rules…) are replaced by the installation's own, edited or not.
        await PostgresTarget.ExecuteAsync(connection, tx, $"TRUNCATE {string.Join(", ", tables.Select(Q))}", ct);

        var counts = new List<(string, long, long)>();
        foreach (var table in PostgresTarget.ForeignKeyOrder(tables, keys.Select(k => (k.Table, k.References))))
        {
            var watch = Stopwatch.StartNew();
            long rows;
            if (table == "schema_migrations") rows = await CopyMigrationsAsync(connection, tx, versions, ct);
            else if (!sourceTables.Contains(table)) rows = 0; // PostgreSQL-only table: nothing to bring over.
            else rows = await CopyTableAsync(source, connection, table, columns[table], ct);
            var sourceRows = table == "schema_migrations" ? versions.Count : sourceTables.Contains(table) ? await source.CountAsync(table, ct) : 0;
            counts.Add((table, sourceRows, await PostgresTarget.CountAsync(connection, tx, table, ct)));
            if (rows >= 100_000) output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  已复制 {0}：{1:N0} 行，{2:F1} 秒", table, rows, watch.Elapsed.TotalSeconds));
        }
        foreach (var skipped in sourceTables.Except(tables, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            output.WriteLine($"  未复制 {skipped}：PostgreSQL 上没有这张表（SQLite 专用）。");

        var indexWatch = Stopwatch.StartNew();
        foreach (var (_, definition) in indexes) await PostgresTarget.ExecuteAsync(connection, tx, definition, ct);
        foreach (var (table, name, definition, _) in keys)
            await PostgresTarget.ExecuteAsync(connection, tx, $"ALTER TABLE {Q(table)} ADD CONSTRAINT {Q(name)} {definition}", ct);
        var sequences = await PostgresTarget.ResetSequencesAsync(connection, tx, ct);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "索引 {0} 个、外键 {1} 个已重建并检查（{2:F1} 秒），自增序列 {3} 个已重置。",
            indexes.Count, keys.Count, indexWatch.Elapsed.TotalSeconds, sequences));
        await tx.CommitAsync(ct);
        return counts;
    }

    private static async Task<long> CopyTableAsync(SqliteSource source, NpgsqlConnection connection, string table, List<TargetColumn> columns, CancellationToken ct)
    {
        var sourceColumns = await source.ColumnsAsync(table, ct);
        var missing = columns.Where(c => !sourceColumns.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{table}: SQLite has no column {string.Join(", ", missing)}; the two schemas differ.");
        var extra = sourceColumns.Except(columns.Select(c => c.Name), StringComparer.Ordinal).ToList();
        if (extra.Count > 0) throw new InvalidOperationException($"{table}: PostgreSQL has no column {string.Join(", ", extra)}; the two schemas differ.");

        var writers = columns.Select(c => ValueConversion.Writer(table, c)).ToArray();
        await using var reader = await source.ReadAsync(table, columns.Select(c => c.Name).ToList(), ct);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Q(table)} ({string.Join(", ", columns.Select(c => Q(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        while (await reader.ReadAsync(ct))
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < writers.Length; i++)
            {
                if (reader.IsDBNull(i)) await importer.WriteNullAsync(ct);
                else
                {
                    try { writers[i](importer, reader, i); }
                    catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
                    {
                        throw new InvalidOperationException($"{table}.{columns[i].Name}: value '{reader.GetValue(i)}' cannot be converted to {columns[i].Type}.", ex);
                    }
                }
            }
        }
        return (long)await importer.CompleteAsync(ct);
    }

    /// <summary>迁移记录沿用源库的（版本相同，执行时间保留安装的历史）。</summary>
    private static async Task<long> CopyMigrationsAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        IReadOnlyList<(string Version, string AppliedAt)> versions, CancellationToken ct)
    {
        foreach (var (version, appliedAt) in versions)
        {
            await using var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @a)", connection, tx);
            cmd.Parameters.AddWithValue("v", version);
            cmd.Parameters.AddWithValue("a", appliedAt);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return versions.Count;
    }

    private static async Task ApplyMigrationsAsync(string connectionString, CancellationToken ct)
    {
        await using var db = new HeraldDbContext(new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(connectionString).Options);
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(db, "postgres", ct);
    }

    /// <summary>链已开始时验证整条链；没开始（升级前的库，启动时才补链）返回 null。</summary>
    private static async Task<Herald.Domain.Auditing.AuditChainResult?> VerifyAuditChainAsync(string connectionString, CancellationToken ct)
    {
        await using var db = new HeraldDbContext(new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(connectionString).Options);
        if (!await db.Settings.AnyAsync(s => s.Key == AppSetting.AuditChainStarted, ct)) return null;
        return await Audit.AuditChainStore.VerifyAsync(db, ct);
    }

    private static int Refuse(TextWriter output, string message)
    {
        output.WriteLine("未导出：" + message);
        return 1;
    }

    private static string Q(string identifier) => PostgresTarget.Quote(identifier);
}
