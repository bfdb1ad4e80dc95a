using Herald.Domain.Scoring;
using Herald.Web.Features.Reports;

namespace Herald.Bench.Micro;

/// <summary>
/// A province-scale period report built in memory: units with realistic names and paths, points falling with rank, about a fifth
/// below quota and a third with nothing adopted; correspondents spread over the units; one adoption line per adopted unit.
/// Deterministic (fixed seed).
/// </summary>
public static class SampleReport
{
    private static readonly string[] Kinds = ["社区居民委员会", "村民委员会", "街道办事处", "镇人民政府", "科技局", "融媒体中心"];

    public static PeriodReport Create(int units, int correspondents)
    {
        var random = new Random(2026);
        var rows = new List<UnitReportRow>(units);
        for (var i = 1; i <= units; i++)
        {
            var name = $"第{i}{Kinds[i % Kinds.Length]}";
            var submitted = random.Next(0, 30);
            var adopted = i % 3 == 0 ? 0 : Math.Min(submitted, random.Next(0, 8));
            var central = adopted > 0 && i % 10 == 0 ? 1 : 0;
            var quotaMet = i % 5 == 0 ? false : i % 11 == 0 ? null : (bool?)true;
            var points = Math.Max(-6m, units - i - (quotaMet == false ? 3 : 0));
            rows.Add(new UnitReportRow(i, name, $"某省 / 某市 / 某县 / {name}", submitted, submitted / 2, submitted / 3, adopted, central,
                adopted / 2, adopted / 3, adopted - central - adopted / 2 - adopted / 3, 0, 0,
                submitted == 0 ? 0m : Math.Round((decimal)adopted / submitted, 4), points, quotaMet, 0, quotaMet == false ? 3 : 0, i));
        }

        var people = new List<CorrespondentReportRow>(correspondents);
        for (var i = 1; i <= correspondents; i++)
        {
            var unit = rows[(i - 1) % units];
            var submitted = random.Next(1, 12);
            var adopted = random.Next(0, submitted);
            people.Add(new CorrespondentReportRow(100_000 + i, $"信息员{i}", unit.UnitId, unit.UnitName, submitted, submitted / 2, adopted,
                Math.Round((decimal)adopted / submitted, 4), correspondents - i, 0, i));
        }

        var lines = rows.Where(r => r.Adopted > 0).Select(r => new ScoreLine(ScoreLineKind.Adoption, r.UnitId, null, 1_000_000 + r.UnitId,
            2_000_000 + r.UnitId, 1, new DateOnly(2026, 8, 1 + (int)(r.UnitId % 28)), 5m, BasePoints: 5m, Source: "大众日报")).ToList();
        var totals = new ReportTotals(units, rows.Sum(r => r.Submitted), rows.Sum(r => r.Approved), rows.Sum(r => r.Published),
            rows.Sum(r => r.Adopted), rows.Sum(r => r.AdoptedCentral), rows.Sum(r => r.AdoptedProvincial), rows.Sum(r => r.AdoptedMunicipal),
            rows.Sum(r => r.AdoptedCounty), 0, 0, 0.2m, rows.Sum(r => r.Points), 0, rows.Sum(r => r.Missed),
            rows.Count(r => r.QuotaMet == false), rows.Count(r => r.Adopted == 0));
        var score = new ScoreResult
        {
            Lines = lines,
            UnitPoints = rows.ToDictionary(r => r.UnitId, r => r.Points),
            AuthorPoints = people.ToDictionary(p => p.UserId, p => p.Points),
            MissedByUnit = rows.Where(r => r.Missed > 0).ToDictionary(r => r.UnitId, r => r.Missed),
        };
        return new PeriodReport(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), 1, "某省", totals, rows, people, score);
    }
}
