using Herald.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Support;

/// <summary>读出 SQLite 数据库的结构（表、列、索引、外键），用于比较迁移脚本与 EF 模型。</summary>
public static class SqliteSchema
{
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString();

    /// <summary>应用自己的 DbContext，连到指定的数据库文件。</summary>
    public static HeraldDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<HeraldDbContext>().UseSqlite(ConnectionString(path)).Options);

    /// <summary>每张表（不含 sqlite_ 内部表）一组可比较的描述行。</summary>
    public static Dictionary<string, List<string>> Describe(string path, params string[] exclude)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .Select(r => (string)r[0]!).Where(t => !exclude.Contains(t)).ToList();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var lines = new List<string>();
            foreach (var c in Query(connection, $"PRAGMA table_info(\"{table}\")"))
                lines.Add($"column {c[0]} {c[1]} type={c[2]} notnull={c[3]} default={c[4] ?? "null"} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list(\"{table}\")").OrderBy(i => (string)i[1]!, StringComparer.Ordinal))
            {
                var columns = Query(connection, $"PRAGMA index_info(\"{i[1]}\")").Select(x => $"{x[0]}:{x[2]}");
                lines.Add($"index {i[1]} unique={i[2]} origin={i[3]} partial={i[4]} ({string.Join(", ", columns)})");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list(\"{table}\")")
                         .Select(f => $"fk {f[3]} -> {f[2]}.{f[4]} on_update={f[5]} on_delete={f[6]} match={f[7]}")
                         .Order(StringComparer.Ordinal))
                lines.Add(f);
            result[table] = lines;
        }
        return result;
    }

    public static List<string> Triggers(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        return Query(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").Select(r => (string)r[0]!).ToList();
    }

    public static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
