using Herald.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Tests.Support;

/// <summary>导出测试用的两端：HERALD_TEST_POSTGRES 上用完即删的空库，以及两边逐表的行数。</summary>
public static class ExportDatabases
{
    public static string? Server => Environment.GetEnvironmentVariable("HERALD_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string RequireServer()
    {
        Skip.If(Server is null, "HERALD_TEST_POSTGRES is not set: no PostgreSQL server for this test (./scripts/test sets it).");
        return Server!;
    }

    public static Database Create(string purpose)
    {
        var name = $"herald_test_export_{purpose}_{Guid.NewGuid():N}";
        Execute(Connection("postgres"), $"CREATE DATABASE \"{name}\"");
        return new Database(name, Connection(name));
    }

    private static string Connection(string database) =>
        new NpgsqlConnectionStringBuilder(RequireServer()) { Database = database, Pooling = false }.ToString();

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

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public sealed record Database(string Name, string ConnectionString) : IDisposable
    {
        public HeraldDbContext Context() =>
            new(new DbContextOptionsBuilder<HeraldDbContext>().UseNpgsql(ConnectionString).Options);

        public void Dispose() => Execute(Connection("postgres"), $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
