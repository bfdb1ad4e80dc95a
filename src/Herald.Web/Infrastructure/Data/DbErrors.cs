using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Data;

/// <summary>识别数据库唯一约束冲突、存储故障（按提供程序的错误码）。</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    /// <summary>不经 EF 直接执行的命令（批量写入）抛出的提供程序异常。</summary>
    public static bool IsUniqueViolation(System.Data.Common.DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    /// <summary>SQLITE_PERM、READONLY、IOERR、FULL、CANTOPEN：存储不能写，不是请求的错。</summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is 3 or 8 or 10 or 13 or 14,
        DbUpdateException { InnerException: { } inner } => IsStorageFailure(inner),
        _ => false,
    };
}
