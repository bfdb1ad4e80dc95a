using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 读出 PostgreSQL 数据库的结构（表、列、索引、约束、触发器，取自系统目录），用于比较迁移脚本与 EF 模型；
/// 每个测试在 HERALD_TEST_POSTGRES 指向的服务器上建一个用完即删的数据库。
/// </summary>
public static class PostgresSchema
{
    public const string ServerVariable = "HERALD_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : null;

    /// <summary>没有配置 PostgreSQL 服务器时跳过（测试命令总会配置）。</summary>
    public static string RequireServer()
    {
        Skip.If(Server is null, $"{ServerVariable} is not set: no PostgreSQL server for this test (./scripts/test sets it).");
        return Server!;
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(RequireServer()) { Database = database, Pooling = false }.ToString();

    /// <summary>新建一个空数据库，返回库名。</summary>
    public static string CreateDatabase(string purpose)
    {
        var name = $"herald_test_{purpose}_{Guid.NewGuid():N}";
        Execute(ConnectionString("postgres"), $"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static void DropDatabase(string name) =>
        Execute(ConnectionString("postgres"), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>应用自己的 DbContext，连到指定的数据库。</summary>
    public static HeraldDbContext Context(string database) =>
        new(new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(ConnectionString(database)).Options);

    /// <summary>public 模式下每张表一组可比较的描述行：列（位置、类型、可空、默认值、标识列）、索引定义、约束定义。</summary>
    public static Dictionary<string, List<string>> Describe(string database, params string[] exclude)
    {
        using var connection = Open(database);
        var tables = Query(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
            .Select(r => (string)r[0]!).Where(t => !exclude.Contains(t)).ToList();
        var result = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var lines = new List<string>();
            // 位置按未删除的列重新编号：ALTER TABLE 删过列的表 attnum 有空缺。
            var position = 0;
            foreach (var c in Query(connection, """
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity::text
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = ('public.' || quote_ident(@t))::regclass AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum
                """, table))
                lines.Add($"column {position++} {c[0]} type={c[1]} notnull={c[2]} default={c[3] ?? "null"} identity={c[4]}");
            // 索引定义包括唯一、方法、键列（含顺序、操作符类）、INCLUDE 列和部分索引的条件。
            foreach (var i in Query(connection, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @t ORDER BY indexname", table))
                lines.Add($"index {i[0]}: {i[1]}");
            foreach (var k in Query(connection, """
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = ('public.' || quote_ident(@t))::regclass ORDER BY conname
                """, table))
                lines.Add($"constraint {k[0]}: {k[1]}");
            result[table] = lines;
        }
        return result;
    }

    /// <summary>用户定义的触发器名（不含外键的内部触发器）。</summary>
    public static List<string> Triggers(string database)
    {
        using var connection = Open(database);
        return Query(connection, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname").Select(r => (string)r[0]!).ToList();
    }

    public static long Scalar(string database, string sql)
    {
        using var connection = Open(database);
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    private static NpgsqlConnection Open(string database)
    {
        var connection = new NpgsqlConnection(ConnectionString(database));
        connection.Open();
        return connection;
    }

    private static List<object?[]> Query(NpgsqlConnection connection, string sql, string? table = null)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        if (table is not null) cmd.Parameters.AddWithValue("t", table);
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
