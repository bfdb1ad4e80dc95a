using Npgsql;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 测试用的 PostgreSQL 服务器（./scripts/test 启动一个用完即弃的集群，并设 HERALD_TEST_POSTGRES）。
/// HERALD_TEST_PROVIDER=postgres 时，每个 HeraldFactory 在这台服务器上建一个自己的新库（同一套测试代码跑在 PostgreSQL 上）。
/// </summary>
public static class TestPostgres
{
    /// <summary>服务器的连接串（不含库名），未设时为 null。</summary>
    public static string? Server => Environment.GetEnvironmentVariable("HERALD_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>本次测试运行的数据库提供程序是 PostgreSQL。</summary>
    public static bool IsProvider =>
        string.Equals(Environment.GetEnvironmentVariable("HERALD_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public const string MissingServer = "需要 PostgreSQL：设置 HERALD_TEST_POSTGRES（./scripts/test 会启动一个临时集群并设置它）";

    /// <summary>建一个空库，返回它的连接串。</summary>
    public static string CreateDatabase(string prefix = "herald_t_")
    {
        var server = Server ?? throw new InvalidOperationException(MissingServer);
        var name = prefix + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Admin(server)))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\"";
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>删库（断开仍连着它的会话）；库不在也无妨。</summary>
    public static void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin(connectionString));
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    private static string Admin(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}
