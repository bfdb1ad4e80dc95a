using Npgsql;

namespace Herald.Web.Infrastructure.Data.Move;

/// <summary>PostgreSQL 上的一列：名称与类型（pg_type 的名称，如 int8、timestamptz、bool）。</summary>
internal sealed record TargetColumn(string Name, string Type);

/// <summary>
/// 导出的目标：从 PostgreSQL 的系统目录读出迁移建好的表、列、外键和索引，供复制使用。
/// 只看当前模式（current_schema()），先声的表都在那里。
/// </summary>
internal static class PostgresTarget
{
    public static async Task<List<string>> TablesAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var result = new List<string>();
        await using var cmd = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename", connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetString(0));
        return result;
    }

    /// <summary>每张表的列（生成列除外：COPY 不能写它们），按列序。</summary>
    public static async Task<Dictionary<string, List<TargetColumn>>> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var result = new Dictionary<string, List<TargetColumn>>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname, a.attname, t.typname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY c.relname, a.attnum
            """, connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var columns)) result[table] = columns = new List<TargetColumn>();
            columns.Add(new TargetColumn(reader.GetString(1), reader.GetString(2)));
        }
        return result;
    }

    /// <summary>外键（表、约束名、定义），复制前删掉、复制后按原定义加回（加回时逐行验证）。</summary>
    public static async Task<List<(string Table, string Name, string Definition, string References)>> ForeignKeysAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var result = new List<(string, string, string, string)>();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.confrelid::regclass::text
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            ORDER BY 1, 2
            """, connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result.Add((Unquote(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Unquote(reader.GetString(3))));
        return result;
    }

    /// <summary>不属于约束的索引（主键、唯一约束留着），复制前删掉、复制后重建：比逐行维护快，唯一索引重建时照样检查。</summary>
    public static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var result = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand("""
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            WHERE i.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY 1
            """, connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    /// <summary>按外键排序：被引用的表在前（自引用不算依赖，外键在复制时本来就已删掉）。</summary>
    public static List<string> ForeignKeyOrder(IReadOnlyList<string> tables, IEnumerable<(string Table, string References)> keys)
    {
        var dependsOn = tables.ToDictionary(t => t, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (table, references) in keys)
            if (table != references && dependsOn.ContainsKey(table) && dependsOn.ContainsKey(references)) dependsOn[table].Add(references);
        var ordered = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t) && dependsOn[t].All(placed.Contains)).ToList();
            // A cycle between tables (none in Herald's schema) is copied in name order; the foreign keys are checked at the end anyway.
            if (ready.Count == 0) ready = tables.Where(t => !placed.Contains(t)).Take(1).ToList();
            foreach (var t in ready)
            {
                ordered.Add(t);
                placed.Add(t);
            }
        }
        return ordered;
    }

    /// <summary>自增列（identity 或 serial）的序列设到现有最大编号之后，新插入的行不撞已复制的编号。</summary>
    public static async Task<int> ResetSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var sequences = new List<(string Table, string Column, string Sequence)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
            """, connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) sequences.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        foreach (var (table, column, sequence) in sequences)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT setval(@s::regclass, COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)", connection, tx);
            cmd.Parameters.AddWithValue("s", sequence);
            await cmd.ExecuteScalarAsync(ct);
        }
        return sequences.Count;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM {Quote(table)}", connection, tx) { CommandTimeout = 0 };
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    internal static string Quote(string identifier) => SqliteSource.Quote(identifier);

    // regclass::text quotes names only when needed (mixed case, reserved words); Herald's names are plain snake_case.
    private static string Unquote(string name) => name.Length > 1 && name[0] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;
}
