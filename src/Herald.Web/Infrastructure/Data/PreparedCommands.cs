using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 在 EF 当前写事务里逐行执行的预编译命令（批量写入不经变更跟踪时用）。参数名为 @name，按位置绑定。
/// 只在 SQLite 上预先编译：Npgsql 预编译时按第一次的值定下参数类型，之后一个空值换成别的类型就会发错数据；
/// 不预编译时每次按当次的值声明类型（连接串开了 Max Auto Prepare 时由 Npgsql 自己安全地缓存）。
/// </summary>
internal static class PreparedCommands
{
    public static DbCommand Create(HeraldDbContext db, string sql, IReadOnlyList<string> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("A prepared bulk command needs the caller's write transaction.");
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            command.Parameters.Add(p);
        }
        if (db.Database.IsSqlite()) command.Prepare();
        return command;
    }

    public static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                // UTC, as the rest of the schema (EF writes the same text form on SQLite).
                DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
                var value => value,
            };
        }
    }
}
