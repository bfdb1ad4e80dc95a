using Herald.Domain.Common;
using Npgsql;

namespace Herald.Bench.Report;

/// <summary>
/// <see cref="HandSql"/> on PostgreSQL: the same statement in PostgreSQL's dialect (booleans, GREATEST, to_char of the
/// China-time month, no SQLite index hints), for the report-vs-hand-SQL comparison on the same PostgreSQL database.
/// </summary>
public static class HandSqlPostgres
{
    private const string Value = """
        (CASE a.level WHEN 0 THEN 10.0 WHEN 1 THEN 5.0 WHEN 2 THEN 3.0 WHEN 3 THEN 1.0 ELSE 0.5 END) * (CASE WHEN a.front_page THEN 2 ELSE 1 END)
        """;

    private static readonly string Sql = $"""
        WITH
        sub AS (SELECT unit_id, COUNT(*) AS submitted, COUNT(*) FILTER (WHERE is_late) AS late FROM manuscripts
                WHERE submitted_at >= @s AND submitted_at < @e GROUP BY unit_id),
        appr AS (SELECT unit_id, COUNT(*) AS approved FROM manuscripts WHERE approved_at >= @s AND approved_at < @e GROUP BY unit_id),
        pub AS (SELECT unit_id, COUNT(*) AS published FROM manuscripts WHERE published_at >= @s AND published_at < @e GROUP BY unit_id),
        touched AS (SELECT DISTINCT manuscript_id FROM adoptions WHERE status = 1 AND adopted_on >= @f AND adopted_on <= @t),
        best AS (SELECT a.manuscript_id,
                        MAX(CASE WHEN a.kind = 0 AND a.adopted_on >= @f THEN {Value} END) AS inside,
                        MAX(CASE WHEN a.kind = 0 AND a.adopted_on < @f THEN {Value} END) AS before,
                        SUM(CASE WHEN a.kind = 1 AND a.adopted_on >= @f
                                 THEN (CASE a.level WHEN 0 THEN 20 WHEN 1 THEN 10 WHEN 2 THEN 5 WHEN 3 THEN 2 ELSE 0 END) ELSE 0 END) AS bonus,
                        MAX(CASE WHEN a.kind = 0 AND a.adopted_on >= @f THEN 1 ELSE 0 END) AS adopted
                 FROM touched t JOIN adoptions a ON a.manuscript_id = t.manuscript_id
                 WHERE a.status = 1 AND a.adopted_on <= @t GROUP BY a.manuscript_id),
        pts AS (SELECT m.unit_id, SUM(b.adopted) AS adopted,
                       SUM(GREATEST(COALESCE(b.inside, 0) - COALESCE(b.before, 0), 0) + b.bonus) AS points
                FROM best b JOIN manuscripts m ON m.id = b.manuscript_id GROUP BY m.unit_id),
        months(m) AS (VALUES {"{MONTHS}"}),
        quota AS (SELECT DISTINCT unit_id FROM correspondent_records WHERE appointed_on <= @t AND (ended_on IS NULL OR ended_on >= @f)),
        monthly AS (SELECT unit_id, to_char((submitted_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS m, COUNT(*) AS c FROM manuscripts
                    WHERE submitted_at >= @s AND submitted_at < @e GROUP BY 1, 2),
        missed AS (SELECT q.unit_id, SUM(GREATEST(2 - COALESCE(mo.c, 0), 0)) AS missed
                   FROM quota q CROSS JOIN months LEFT JOIN monthly mo ON mo.unit_id = q.unit_id AND mo.m = months.m GROUP BY q.unit_id)
        {HandSql.UnitRows}
        """;

    public static List<HandRow> Run(NpgsqlConnection connection, DateOnly from, DateOnly to)
    {
        using var cmd = new NpgsqlCommand(Sql.Replace("{MONTHS}", HandSql.Months(from, to), StringComparison.Ordinal), connection);
        cmd.Parameters.AddWithValue("s", ChinaTime.StartOfDayUtc(from));
        cmd.Parameters.AddWithValue("e", ChinaTime.StartOfDayUtc(to.AddDays(1)));
        cmd.Parameters.AddWithValue("f", from);
        cmd.Parameters.AddWithValue("t", to);
        using var reader = cmd.ExecuteReader();
        var rows = new List<HandRow>();
        while (reader.Read())
            rows.Add(new HandRow(reader.GetInt64(0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4), Int(reader, 5),
                reader.GetDecimal(6), Int(reader, 7)));
        return rows;
    }

    private static int Int(NpgsqlDataReader reader, int i) => Convert.ToInt32(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
