using System.Diagnostics;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Data;

/// <summary>
/// 后台检查点（docs/adr/0010）：WAL 超过阈值时让它从头写起，WAL 文件不再增长；有读者还在读旧快照时不等待，下次再试。
/// </summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class SqliteCheckpointerTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private string DbPath => Path.Combine(factory.DataDir, "herald.db");

    private async Task<SqliteConnection> OpenAsync()
    {
        _ = factory.Services; // 建库、迁移
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA wal_autocheckpoint=0; CREATE TABLE IF NOT EXISTS ckpt_test (id INTEGER PRIMARY KEY, payload BLOB);");
        return connection;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>每次约 <paramref name="pages"/> 个 4 KB 页（每行一页的数据，各自一个事务，WAL 里至少这么多帧）。</summary>
    private static async Task WritePagesAsync(SqliteConnection connection, int pages)
    {
        for (var i = 0; i < pages; i++)
            await ExecAsync(connection, "INSERT INTO ckpt_test (payload) VALUES (randomblob(4000));");
    }

    private long WalBytes => new FileInfo(DbPath + "-wal").Length;

    [Fact]
    public async Task OverThreshold_WalRestarts_AndTheFileStopsGrowing()
    {
        var checkpointer = factory.Services.GetRequiredService<SqliteCheckpointer>();
        await using var writer = await OpenAsync();
        await using var own = await OpenAsync();
        await WritePagesAsync(writer, 300);
        var size = WalBytes;
        size.ShouldBeGreaterThan(300L * 4096);

        (await checkpointer.RunOnceAsync(own, restartFrames: 100, default)).ShouldBe(0);
        await WritePagesAsync(writer, 100);

        // 从头写起：100 页写在原来的位置上，文件没有变大（不重启的话会多出约 100 页）。
        WalBytes.ShouldBe(size);
    }

    [Fact]
    public async Task ReaderOnOldSnapshot_RestartDoesNotWait_ReportsFramesStillInWal()
    {
        var checkpointer = factory.Services.GetRequiredService<SqliteCheckpointer>();
        await using var writer = await OpenAsync();
        await using var own = await OpenAsync();
        await using var reader = await OpenAsync();
        await WritePagesAsync(writer, 50);
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT count(*) FROM ckpt_test;";
            await read.ExecuteScalarAsync();
        }
        await WritePagesAsync(writer, 150);

        var watch = Stopwatch.StartNew();
        var frames = await checkpointer.RunOnceAsync(own, restartFrames: 100, default);

        frames.ShouldBeGreaterThanOrEqualTo(150);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2)); // busy_timeout 为 0，不等读者
    }
}
