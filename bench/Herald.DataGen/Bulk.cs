using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Herald.DataGen;

/// <summary>Prepared-command helpers shared by the writers, and the text forms EF Core's SQLite provider writes.</summary>
internal static class Bulk
{
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction? tx, string sql, int parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        for (var i = 1; i <= parameters; i++) cmd.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        cmd.Prepare();
        return cmd;
    }

    public static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    /// <summary>UTC, no zone suffix, as EF Core stores DateTime in SQLite.</summary>
    public static string? Text(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
