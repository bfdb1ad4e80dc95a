using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Infrastructure.Data;

/// <summary>识别数据库唯一约束冲突、存储故障（按提供程序的错误码）。功能代码只经这里判断，不直接认某个提供程序的异常。</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is System.Data.Common.DbException inner && IsUniqueViolation(inner);

    /// <summary>不经 EF 直接执行的命令（批量写入）抛出的提供程序异常。</summary>
    public static bool IsUniqueViolation(System.Data.Common.DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// 存储不能写，不是请求的错。SQLite：SQLITE_PERM、READONLY、IOERR、FULL、CANTOPEN。PostgreSQL：磁盘满、内存或连接数耗尽、
    /// 只读（连到了备库或库被设为只读）、服务器正在关闭或启动、连不上（没有 SQLSTATE 的 NpgsqlException 是网络或协议层的失败）。
    /// </summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 3 or 8 or 10 or 13 or 14,
        PostgresException pg => pg.SqlState is PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ReadOnlySqlTransaction
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.IoError,
        NpgsqlException npgsql => npgsql.SqlState is null,
        DbUpdateException { InnerException: { } inner } => IsStorageFailure(inner),
        InvalidOperationException { InnerException: NpgsqlException inner } => IsStorageFailure(inner),
        _ => false,
    };
}
