using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Data;

/// <summary>识别数据库唯一约束冲突（按提供程序的错误码）。</summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    /// <summary>不经 EF 直接执行的命令（批量写入）抛出的提供程序异常。</summary>
    public static bool IsUniqueViolation(System.Data.Common.DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}
