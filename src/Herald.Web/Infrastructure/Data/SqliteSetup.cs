using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Web.Infrastructure.Data;

/// <summary>SQLite 专用设置：WAL 日志模式（持久，建库时设一次）和每个连接的同步级别。</summary>
internal static class SqliteSetup
{
    public static string ConnectionString(string dataDir) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDir, "herald.db"),
        // Not ForeignKeys = true: Microsoft.Data.Sqlite then runs that PRAGMA on every open (three per submission);
        // ConnectionPragmas sets it once per pooled handle, where it stays on.
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    /// <summary>数据库文件 0600（数据库原先由旧版本以 0644 建的也收紧）；-wal、-shm 由 SQLite 按数据库文件的权限创建。</summary>
    public static void RestrictFiles(HeraldDbContext db)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection { DataSource: { Length: > 0 } path } || path == ":memory:") return;
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) Files.PrivateFiles.Restrict(file);
    }

    public static void EnableWal(HeraldDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }
        finally
        {
            connection.Close();
        }
    }

    /// <summary>
    /// 最后一个连接关闭时 SQLite 默认做检查点并改写 herald.db-shm（内存映射）；数据库文件不可改时这一写就是 SIGBUS。
    /// 检查点由 <see cref="SqliteCheckpointer"/> 做，关闭时不必做。
    /// </summary>
    public static void SkipCheckpointOnClose(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
            SQLitePCL.raw.sqlite3_db_config(handle, SQLitePCL.raw.SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, out _);
    }

    /// <summary>提交时的自动检查点只作兜底（约 400 MB）：平时由 <see cref="SqliteCheckpointer"/> 在后台做。</summary>
    public const int AutoCheckpointFrames = 100_000;

    /// <summary>
    /// 外键约束打开；synchronous 按配置（默认 FULL：每次提交都刷盘，确认了的写入就在盘上）。
    /// 这些设置跟着底层的 SQLite 连接句柄走，连接池复用句柄时仍然有效；EF 每次查询都会"打开"连接（从池中取出），
    /// 所以每个句柄只设置一次，而不是每次打开都执行一遍（一次报送要打开六七次）。
    /// </summary>
    internal sealed class ConnectionPragmas(Microsoft.Extensions.Options.IOptions<HeraldOptions> options) : DbConnectionInterceptor
    {
        private static readonly string[] SynchronousLevels = ["NORMAL", "FULL", "EXTRA"];
        private readonly string Sql = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys=ON; PRAGMA synchronous={Synchronous(options.Value.Database.Synchronous)}; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint={AutoCheckpointFrames};");
        private static readonly object Done = new();

        private static string Synchronous(string configured)
        {
            var level = configured.Trim().ToUpperInvariant();
            return SynchronousLevels.Contains(level) ? level
                : throw new InvalidOperationException($"Herald:Database:Synchronous must be NORMAL, FULL or EXTRA, not '{configured}'.");
        }
        private readonly ConditionalWeakTable<object, object> _configured = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsConfigured(connection)) return;
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = Sql;
                cmd.ExecuteNonQuery();
            }
            if (connection is SqliteConnection sqlite) SkipCheckpointOnClose(sqlite);
            MarkConfigured(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            if (IsConfigured(connection)) return;
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = Sql;
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }
            if (connection is SqliteConnection sqlite) SkipCheckpointOnClose(sqlite);
            MarkConfigured(connection);
        }

        // 一个句柄同一时刻只属于一个打开的连接，所以"查—执行—标记"之间不会有别人插进来。
        private bool IsConfigured(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

        private void MarkConfigured(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) _configured.AddOrUpdate(handle, Done);
        }
    }
}
