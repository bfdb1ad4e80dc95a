using Herald.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Tests.Support;

/// <summary>导出测试用的两端：HERALD_TEST_POSTGRES 上用完即删的空库（<see cref="TestPostgres"/>），以及两边逐表的行数。</summary>
public static class ExportDatabases
{
    public static void RequireServer() => Skip.If(TestPostgres.Server is null, TestPostgres.MissingServer);

    public static Database Create() => new(TestPostgres.CreateDatabase("herald_t_export_"));

    public static Dictionary<string, long> SqliteCounts(string dataDir)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "herald.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        return tables.ToDictionary(t => t, t => Scalar(connection, $"SELECT COUNT(*) FROM \"{t}\""));
    }

    public static Dictionary<string, long> PostgresCounts(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var tables = Column(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        return tables.ToDictionary(t => t, t => Scalar(connection, $"SELECT COUNT(*) FROM \"{t}\""));
    }

    private static List<string> Column(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }

    private static long Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>一个用完即删的空库。</summary>
    public sealed record Database(string ConnectionString) : IDisposable
    {
        public HeraldDbContext Context() =>
            new(new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(ConnectionString).Options);

        public void Dispose() => TestPostgres.DropDatabase(ConnectionString);
    }
}
