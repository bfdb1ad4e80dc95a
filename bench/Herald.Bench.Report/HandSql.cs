using System.Globalization;
using Herald.Domain.Common;
using Microsoft.Data.Sqlite;

namespace Herald.Bench.Report;

/// <summary>One row of the hand-written aggregation.</summary>
public sealed record HandRow(long UnitId, int Submitted, int Late, int Approved, int Published, int Adopted, decimal Points, int Missed);

/// <summary>
/// The same quarter figures as Herald's unit report, computed by one SQL statement written by hand for the default rules
/// (central 10, provincial 5, municipal 3, county 1, internal 0.5; front page ×2; highest only, i.e. per manuscript the
/// best value up to the period end minus the best value before the period; instruction bonus 20/10/5/2/0; quota 2 a month
/// with 1 point per missing item for units with a registered correspondent; no cap, no late penalty).
/// </summary>
public static class HandSql
{
    private const string Value = """
        (CASE a.level WHEN 0 THEN 10.0 WHEN 1 THEN 5.0 WHEN 2 THEN 3.0 WHEN 3 THEN 1.0 ELSE 0.5 END) * (CASE a.front_page WHEN 1 THEN 2 ELSE 1 END)
        """;

    /// <summary>The final select over the CTEs, the same on both engines.</summary>
    internal const string UnitRows = """
        SELECT u.id, COALESCE(sub.submitted, 0), COALESCE(sub.late, 0), COALESCE(appr.approved, 0), COALESCE(pub.published, 0),
               COALESCE(pts.adopted, 0), COALESCE(pts.points, 0) - COALESCE(missed.missed, 0), COALESCE(missed.missed, 0)
        FROM units u
        LEFT JOIN sub ON sub.unit_id = u.id LEFT JOIN appr ON appr.unit_id = u.id LEFT JOIN pub ON pub.unit_id = u.id
        LEFT JOIN pts ON pts.unit_id = u.id LEFT JOIN missed ON missed.unit_id = u.id
        ORDER BY 7 DESC, 6 DESC, u.id
        """;

    private static readonly string Sql = $"""
        WITH
        sub AS (SELECT unit_id, COUNT(*) AS submitted, SUM(is_late) AS late FROM manuscripts
                WHERE submitted_at >= $s AND submitted_at < $e GROUP BY unit_id),
        appr AS (SELECT unit_id, COUNT(*) AS approved FROM manuscripts WHERE approved_at >= $s AND approved_at < $e GROUP BY unit_id),
        pub AS (SELECT unit_id, COUNT(*) AS published FROM manuscripts WHERE published_at >= $s AND published_at < $e GROUP BY unit_id),
        touched AS (SELECT DISTINCT manuscript_id FROM adoptions WHERE status = 1 AND adopted_on >= $f AND adopted_on <= $t),
        best AS (SELECT a.manuscript_id,
                        MAX(CASE WHEN a.kind = 0 AND a.adopted_on >= $f THEN {Value} END) AS inside,
                        MAX(CASE WHEN a.kind = 0 AND a.adopted_on < $f THEN {Value} END) AS before,
                        SUM(CASE WHEN a.kind = 1 AND a.adopted_on >= $f
                                 THEN (CASE a.level WHEN 0 THEN 20 WHEN 1 THEN 10 WHEN 2 THEN 5 WHEN 3 THEN 2 ELSE 0 END) ELSE 0 END) AS bonus,
                        MAX(a.kind = 0 AND a.adopted_on >= $f) AS adopted
                 FROM touched t CROSS JOIN adoptions a ON a.manuscript_id = t.manuscript_id
                 WHERE +a.status = 1 AND a.adopted_on <= $t GROUP BY a.manuscript_id),
        pts AS (SELECT m.unit_id, SUM(b.adopted) AS adopted,
                       SUM(MAX(COALESCE(b.inside, 0) - COALESCE(b.before, 0), 0) + b.bonus) AS points
                FROM best b JOIN manuscripts m ON m.id = b.manuscript_id GROUP BY m.unit_id),
        months(m) AS (VALUES {"{MONTHS}"}),
        quota AS (SELECT DISTINCT unit_id FROM correspondent_records WHERE appointed_on <= $t AND (ended_on IS NULL OR ended_on >= $f)),
        monthly AS (SELECT unit_id, strftime('%Y-%m', substr(submitted_at, 1, 19), '+8 hours') AS m, COUNT(*) AS c FROM manuscripts
                    WHERE submitted_at >= $s AND submitted_at < $e GROUP BY 1, 2),
        missed AS (SELECT q.unit_id, SUM(MAX(2 - COALESCE(mo.c, 0), 0)) AS missed
                   FROM quota q CROSS JOIN months LEFT JOIN monthly mo ON mo.unit_id = q.unit_id AND mo.m = months.m GROUP BY q.unit_id)
        {UnitRows}
        """;

    public static List<HandRow> Run(SqliteConnection connection, DateOnly from, DateOnly to)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql.Replace("{MONTHS}", Months(from, to), StringComparison.Ordinal);
        cmd.Parameters.AddWithValue("$s", Utc(ChinaTime.StartOfDayUtc(from)));
        cmd.Parameters.AddWithValue("$e", Utc(ChinaTime.StartOfDayUtc(to.AddDays(1))));
        cmd.Parameters.AddWithValue("$f", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$t", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var reader = cmd.ExecuteReader();
        var rows = new List<HandRow>();
        while (reader.Read())
            rows.Add(new HandRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetDecimal(6), reader.GetInt32(7)));
        return rows;
    }

    /// <summary>The VALUES rows of the whole months inside the period (quota months).</summary>
    internal static string Months(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
            if (m >= from && m.AddMonths(1).AddDays(-1) <= to) months.Add($"('{m:yyyy-MM}')");
        return months.Count > 0 ? string.Join(", ", months) : "(NULL)";
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
