using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 几个主机共用一个数据库的测试总在 PostgreSQL 上运行，不论本次测试的提供程序是什么：SQLite 一个库只供一个进程
/// （写闸在进程内，docs/adr/0029）。没有 HERALD_TEST_POSTGRES 时测试跳过（<see cref="Skip"/>，原因见 <see cref="TestPostgres.MissingServer"/>）。
/// </summary>
public class PostgresHostFactory : HeraldFactory
{
    private readonly string? _database;

    public PostgresHostFactory()
    {
        if (TestPostgres.Server is null || TestPostgres.IsProvider) return; // 没有服务器（测试跳过），或者本来就在 PostgreSQL 上
        _database = TestPostgres.CreateDatabase("i10multi_");
        Settings["Herald:Database:Provider"] = "postgres";
        Settings["Herald:Database:ConnectionString"] = _database;
    }

    public static void SkipWithoutServer() => Skip.If(TestPostgres.Server is null, TestPostgres.MissingServer);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _database is not null)
        {
            try { TestPostgres.DropDatabase(_database); }
            catch (Npgsql.NpgsqlException) { /* 临时库，集群随测试运行一起丢弃 */ }
        }
    }
}

/// <summary>舆情时限检查的两主机测试用：后台定时器关着，测试直接触发“一轮”。</summary>
public sealed class PostgresCaseFactory : PostgresHostFactory
{
    public PostgresCaseFactory() => Settings["Herald:Opinion:DeadlineWatch:Enabled"] = "false";
}
