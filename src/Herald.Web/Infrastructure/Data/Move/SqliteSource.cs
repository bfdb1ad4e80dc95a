using Microsoft.Data.Sqlite;

namespace Herald.Web.Infrastructure.Data.Move;

/// <summary>
/// 导出的源：一个 SQLite 数据库，只读打开，全部读取在一个读事务里进行（WAL 下是同一个快照，计数与复制的行一致）。
/// </summary>
internal sealed class SqliteSource : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteSource(SqliteConnection connection, SqliteTransaction snapshot)
    {
        _connection = connection;
        _snapshot = snapshot;
    }

    public static async Task<SqliteSource> OpenAsync(string databasePath, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(ct);
        var snapshot = connection.BeginTransaction(deferred: true);
        return new SqliteSource(connection, snapshot);
    }

    /// <summary>已执行的迁移版本；没有 schema_migrations 表时为空（不是先声的库，或从未迁移）。</summary>
    public async Task<List<(string Version, string AppliedAt)>> MigrationsAsync(CancellationToken ct)
    {
        var result = new List<(string, string)>();
        if (!(await TablesAsync(ct)).Contains("schema_migrations")) return result;
        await using var cmd = Command("SELECT version, applied_at FROM schema_migrations ORDER BY version");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    /// <summary>用户表（不含 SQLite 自己的 sqlite_* 表）。</summary>
    public async Task<HashSet<string>> TablesAsync(CancellationToken ct)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetString(0));
        return result;
    }

    public async Task<HashSet<string>> ColumnsAsync(string table, CancellationToken ct)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = Command($"SELECT name FROM pragma_table_info({Literal(table)})");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetString(0));
        return result;
    }

    public async Task<long> CountAsync(string table, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT COUNT(*) FROM {Quote(table)}");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>按给定列顺序读出整张表。</summary>
    public async Task<SqliteDataReader> ReadAsync(string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var cmd = Command($"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote(table)}");
        return await cmd.ExecuteReaderAsync(ct);
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _snapshot;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return cmd;
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
