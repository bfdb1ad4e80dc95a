using System.Runtime.InteropServices;
using Herald.Web.Infrastructure.Web;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 存储能否写入：数据库文件、数据目录、文件库（docs/adr/0024）。
/// SQLite 在 WAL 模式下把 herald.db-shm 映射进内存直接写；文件被设为不可改（chattr +i）后，写映射页时内核发 SIGBUS，
/// 整个进程当场退出。所以每次取得写闸前先问内核这几个文件还能不能写（access(W_OK)，不打开文件，不会碰 SQLite 的锁），
/// 不能写就答 503，并清空连接池。herald.db-shm 不能写时连读也不开连接（读事务也会写共享内存），直到它又能写。
/// </summary>
public sealed class StorageGuard : DbConnectionInterceptor
{
    private const int WriteOk = 2;
    private readonly ILogger<StorageGuard> _logger;
    private readonly string[] _databaseFiles;
    private volatile string? _databaseProblem;

    public StorageGuard(IOptions<HeraldOptions> options, ILogger<StorageGuard> logger)
    {
        _logger = logger;
        var herald = options.Value;
        DataDir = herald.ResolveDataDir();
        FilesDir = Path.Combine(DataDir, "files");
        if (herald.Database.IsPostgres)
        {
            _databaseFiles = []; // 数据库在服务器上；这里只看数据目录和文件库
            return;
        }
        var database = herald.Database.ConnectionString is { } custom
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(custom).DataSource)
            : Path.Combine(DataDir, "herald.db");
        _databaseFiles = [database, database + "-wal", database + "-shm"];
    }

    public string DataDir { get; }
    public string FilesDir { get; }

    /// <summary>上次检查时数据库不能写的原因；能写为 null。</summary>
    public string? DatabaseProblem => _databaseProblem;

    /// <summary>重新检查数据库文件并记下结果；状态变化时清空连接池（见类说明）。</summary>
    public string? CheckDatabase()
    {
        string? problem = null;
        foreach (var file in _databaseFiles)
        {
            if ((problem = ProbeWritable(file)) is not null)
            {
                problem = $"{Path.GetFileName(file)}: {problem}";
                break;
            }
        }
        var before = _databaseProblem;
        _databaseProblem = problem;
        if ((before is null) != (problem is null))
        {
            if (problem is null) _logger.LogWarning("Database is writable again");
            else _logger.LogCritical("Database cannot be written ({Problem}); writes answer 503 until it can", problem);
            // Pooled connections keep the -shm mapping writable; reopened ones see the files as they are now.
            SqliteConnection.ClearAllPools();
        }
        return problem;
    }

    // Every connection (reads too) shares the process's writable mapping of -shm: refuse to open while -shm cannot be written.
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        RefuseIfSharedMemoryUnwritable();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        RefuseIfSharedMemoryUnwritable();
        return ValueTask.FromResult(result);
    }

    private void RefuseIfSharedMemoryUnwritable()
    {
        if (_databaseFiles.Length == 0 || ProbeWritable(_databaseFiles[2]) is null) return;
        throw new StorageUnavailableException(CheckDatabase() ?? "herald.db-shm");
    }

    /// <summary>目录能否建文件：先问内核，再真的写一个小文件并删掉（磁盘满、只读挂载、不可改都能发现）。</summary>
    public static string? CheckDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return "missing";
        if (ProbeWritable(directory) is { } problem) return problem;
        var probe = Path.Combine(directory, ".write-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
                stream.Write(new byte[512]);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.GetType().Name + ": " + ex.Message.Replace(directory, "", StringComparison.Ordinal);
        }
        finally
        {
            try { File.Delete(probe); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* 建不成就没有可删的 */ }
        }
    }

    /// <summary>access(2) 的 W_OK：不可改（EPERM）、只读挂载（EROFS）、无权限（EACCES，root 不受此限）。不存在的文件不算问题。</summary>
    private static string? ProbeWritable(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        if (Access(path, WriteOk) == 0) return null;
        return Marshal.GetLastPInvokeError() switch
        {
            2 => null,
            1 => "immutable (EPERM)",
            13 => "permission denied (EACCES)",
            30 => "read-only file system (EROFS)",
            var errno => $"errno {errno}",
        };
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, which the project does not allow.
    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
