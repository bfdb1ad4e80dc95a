using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 回环地址上一主一备两个真实的 PostgreSQL 15：主库由 scripts/pg-cluster 启动（已允许本机复制连接），备库由
/// <c>pg_basebackup -R</c> 从主库复制出来、以流复制跟随。以 root 运行时 PostgreSQL 以 postgres 用户运行。用完停掉并删除目录。
/// </summary>
public sealed class ReplicaPair : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly string _script;

    private ReplicaPair(string root, string script)
    {
        _root = root;
        _script = script;
    }

    private string PrimaryDir => Path.Combine(_root, "primary");
    private string StandbyDir => Path.Combine(_root, "standby");
    public int PrimaryPort { get; private set; }
    public int StandbyPort { get; private set; }
    public string Database { get; } = "herald_replica_" + Guid.NewGuid().ToString("N")[..12];

    public string PrimaryConnectionString => Connection(PrimaryPort);
    public string StandbyConnectionString => Connection(StandbyPort);

    public static async Task<ReplicaPair> StartAsync()
    {
        // 目录在 /tmp 下且对 postgres 用户可达（测试的临时目录可能是 0700 的）。
        var root = Path.Combine("/tmp", "herald-replica-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        var pair = new ReplicaPair(root, Path.Combine(RepoRoot(), "scripts", "pg-cluster"));
        try
        {
            pair.PrimaryPort = FreePort();
            await RunAsync(pair._script, "start", pair.PrimaryDir, pair.PrimaryPort.ToString());
            await using (var admin = new NpgsqlConnection(Connection(pair.PrimaryPort, "postgres")))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{pair.Database}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            Directory.CreateDirectory(pair.StandbyDir);
            if (IsRoot) await RunAsync("chown", "postgres:", pair.StandbyDir);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(pair.StandbyDir, (UnixFileMode)0b111_000_000);
            await RunAsOwnerAsync($"{Bin}/pg_basebackup", "-h", "127.0.0.1", "-p", pair.PrimaryPort.ToString(), "-U", "postgres",
                "-D", pair.StandbyDir, "-R", "-X", "stream", "-c", "fast");
            pair.StandbyPort = FreePort();
            // 复制来的 postgresql.conf 写着主库的端口和套接字目录：启动参数覆盖它们。
            await RunAsOwnerAsync($"{Bin}/pg_ctl", "-D", pair.StandbyDir, "-l", Path.Combine(pair.StandbyDir, "server.log"), "-w", "-t", "120",
                "-o", $"-p {pair.StandbyPort} -k {pair.StandbyDir}", "start");
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>等备库重放到主库当前的 WAL 位置（有截止时间的轮询）。</summary>
    public async Task WaitForStandbyAsync(TimeSpan timeout)
    {
        var lsn = await ScalarAsync<string>(PrimaryConnectionString, "SELECT pg_current_wal_lsn()::text");
        await PollAsync(async () => await ScalarAsync<bool>(StandbyConnectionString,
            $"SELECT coalesce(pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn, false)"), timeout, $"备库未在 {timeout} 内重放到 {lsn}");
    }

    /// <summary>暂停备库的重放，直到确实停下。</summary>
    public async Task PauseReplayAsync(TimeSpan timeout)
    {
        await ScalarAsync<object>(StandbyConnectionString, "SELECT pg_wal_replay_pause()");
        await PollAsync(async () => await ScalarAsync<string>(StandbyConnectionString, "SELECT pg_get_wal_replay_pause_state()") == "paused",
            timeout, "备库的重放没有停下");
    }

    public Task ResumeReplayAsync() => ScalarAsync<object>(StandbyConnectionString, "SELECT pg_wal_replay_resume()");

    public async Task<bool> StandbyInRecoveryAsync() => await ScalarAsync<bool>(StandbyConnectionString, "SELECT pg_is_in_recovery()");

    /// <summary>反复检查条件直到成立或超时（负载重的机器上复制可能慢，不用固定的等待）。</summary>
    public static async Task PollAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout) throw new TimeoutException(failure);
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(StandbyDir, "postmaster.pid")))
            await TryAsync(() => RunAsOwnerAsync($"{Bin}/pg_ctl", "-D", StandbyDir, "-m", "immediate", "-w", "stop"));
        if (Directory.Exists(PrimaryDir)) await TryAsync(() => RunAsync(_script, "stop", PrimaryDir));
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
        catch (UnauthorizedAccessException) { /* 临时目录 */ }
    }

    private string Connection(int port) => Connection(port, Database);

    private static string Connection(int port, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = database }.ConnectionString;

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunAsOwnerAsync(string file, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try { await action(); }
        catch (InvalidOperationException) { /* 清理时尽力而为 */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Herald.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Herald.slnx) not found");
    }
}
