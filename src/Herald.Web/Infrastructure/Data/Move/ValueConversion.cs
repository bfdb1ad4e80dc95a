using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Web.Infrastructure.Data.Move;

/// <summary>
/// SQLite 里 EF Core 的存法 → PostgreSQL 列的类型：时间是 "yyyy-MM-dd HH:mm:ss.FFFFFFF" 文本（UTC）、日期是 "yyyy-MM-dd"、
/// 布尔是 0/1、decimal 是文本、Guid 是文本。按目标列的类型（由迁移定下）决定怎么读、怎么写进二进制 COPY。
/// </summary>
internal static class ValueConversion
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>为一列选好写法；遇到迁移里没有的类型就报出表名列名，不猜。</summary>
    public static Action<NpgsqlBinaryImporter, SqliteDataReader, int> Writer(string table, TargetColumn column) => column.Type switch
    {
        "int2" => (w, r, i) => w.Write((short)r.GetInt64(i), NpgsqlDbType.Smallint),
        "int4" => (w, r, i) => w.Write((int)r.GetInt64(i), NpgsqlDbType.Integer),
        "int8" => (w, r, i) => w.Write(r.GetInt64(i), NpgsqlDbType.Bigint),
        "bool" => (w, r, i) => w.Write(r.GetInt64(i) != 0, NpgsqlDbType.Boolean),
        "float4" => (w, r, i) => w.Write((float)r.GetDouble(i), NpgsqlDbType.Real),
        "float8" => (w, r, i) => w.Write(r.GetDouble(i), NpgsqlDbType.Double),
        "numeric" => (w, r, i) => w.Write(Decimal(r.GetValue(i)), NpgsqlDbType.Numeric),
        "text" or "varchar" or "bpchar" => (w, r, i) => w.Write(Text(r.GetValue(i)), NpgsqlDbType.Text),
        "json" => (w, r, i) => w.Write(r.GetString(i), NpgsqlDbType.Json),
        "jsonb" => (w, r, i) => w.Write(r.GetString(i), NpgsqlDbType.Jsonb),
        "bytea" => (w, r, i) => w.Write((byte[])r.GetValue(i), NpgsqlDbType.Bytea),
        "uuid" => (w, r, i) => w.Write(Guid.Parse(r.GetString(i)), NpgsqlDbType.Uuid),
        "timestamptz" => (w, r, i) => w.Write(TimestampUtc(r.GetString(i)), NpgsqlDbType.TimestampTz),
        "timestamp" => (w, r, i) => w.Write(DateTime.SpecifyKind(DateTime.Parse(r.GetString(i), CultureInfo.InvariantCulture), DateTimeKind.Unspecified), NpgsqlDbType.Timestamp),
        "date" => (w, r, i) => w.Write(DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture), NpgsqlDbType.Date),
        "time" => (w, r, i) => w.Write(TimeOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture), NpgsqlDbType.Time),
        "interval" => (w, r, i) => w.Write(TimeSpan.Parse(r.GetString(i), CultureInfo.InvariantCulture), NpgsqlDbType.Interval),
        _ => throw new NotSupportedException($"{table}.{column.Name}: PostgreSQL type {column.Type} has no conversion from SQLite."),
    };

    /// <summary>EF 存的 UTC 时间（无时区后缀）；DateTimeOffset 列带偏移，一并换成 UTC。</summary>
    internal static DateTime TimestampUtc(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, Utc);

    private static decimal Decimal(object value) => value switch
    {
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
