using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// SQLite 的 WAL 检查点放到后台做，不在提交里做（docs/adr/0010）。SQLite 默认在提交时、WAL 超过 1000 页就把它抄回数据库
/// 并刷盘，这一步在写闸里依次进行：收录一批舆情（约 2000 个散落的索引页）每次提交都要抄一遍。
/// 这里每隔 <see cref="Interval"/> 做一次不阻塞读写的 PASSIVE 检查点（几次提交改过的同一页只抄一次、只刷一次盘）；
/// WAL 超过 <see cref="RestartFrames"/> 页时在写闸内（没有写入者）再做一次 RESTART，让 WAL 从头写起：平时不等待读者，
/// 有读者还在读旧快照就下次再试；超过 <see cref="ForceRestartFrames"/> 页时等读者读完。
/// 连接上的自动检查点只留作兜底（<see cref="SqliteSetup.AutoCheckpointFrames"/>）：这个服务停了，WAL 也不会无限增长。
/// </summary>
internal sealed class SqliteCheckpointer(IServiceScopeFactory scopes, SqliteWriteGate gate, StorageGuard storage,
    ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public const int RestartFrames = 8192;
    public const int ForceRestartFrames = 65536;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Database;
            if (!database.IsSqlite()) return; // 只有 SQLite 的 WAL 要由应用做检查点
            connectionString = database.GetConnectionString()!;
        }
        // 自己的连接，不进连接池：检查点不占用请求的连接。
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Each tick also watches the storage: a checkpoint on an immutable database would end the process (SIGBUS).
            if (storage.CheckDatabase() is not null)
            {
                await connection.CloseAsync();
                continue;
            }
            try
            {
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                    SqliteSetup.SkipCheckpointOnClose(connection);
                }
                await RunOnceAsync(connection, RestartFrames, stoppingToken);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                logger.LogWarning(ex, "WAL checkpoint failed; will retry");
            }
        }
    }

    /// <summary>做一轮检查点，返回之后 WAL 里的页数（已从头写起时为 0）。</summary>
    public async Task<int> RunOnceAsync(SqliteConnection connection, int restartFrames, CancellationToken ct)
    {
        var (_, log, _) = await CheckpointAsync(connection, "PASSIVE", 0, ct);
        if (log < restartFrames) return log;
        var wait = log >= ForceRestartFrames ? 5000 : 0;
        var (busy, after, _) = await gate.RunExclusiveAsync(() => CheckpointAsync(connection, "RESTART", wait, ct), ct);
        // RESTART 没能进行（另一个连接正在做检查点）时 SQLite 报 -1：WAL 里仍是刚才被动检查点看到的页数。
        return busy == 0 ? 0 : after >= 0 ? after : log;
    }

    private static async Task<(int Busy, int Log, int Checkpointed)> CheckpointAsync(SqliteConnection connection, string mode,
        int busyTimeoutMs, CancellationToken ct)
    {
        await using (var timeout = connection.CreateCommand())
        {
            timeout.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={busyTimeoutMs};");
            await timeout.ExecuteNonQueryAsync(ct);
        }
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (0, 0, 0);
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }
}
