using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Features.Reports;

namespace Herald.Web.Tests.Bulletins;

/// <summary>手工构造的统计结果（不经数据库），用于通报内容规则和文件转换的测试。</summary>
public static class SyntheticReport
{
    public static UnitReportRow Unit(long id, string name, int rank, decimal points, int adopted, bool? quotaMet = true, int missed = 0,
        int submitted = 4) =>
        new(id, name, "根单位 / " + name, submitted, submitted, 0, adopted, adopted, 0, 0, 0, 0, 0,
            submitted == 0 ? 0m : Math.Round((decimal)adopted / submitted, 4), points, quotaMet, 0, missed, rank);

    public static CorrespondentReportRow Person(long id, string name, int rank, decimal points, long unitId = 2, string unitName = "单位甲") =>
        new(id, name, unitId, unitName, 3, 3, 1, 0.3333m, points, 0, rank);

    public static PeriodReport Report(IReadOnlyList<UnitReportRow> units, IReadOnlyList<CorrespondentReportRow>? people = null,
        IReadOnlyList<ScoreLine>? lines = null, bool annual = false)
    {
        var from = annual ? new DateOnly(2026, 1, 1) : new DateOnly(2026, 7, 1);
        var to = annual ? new DateOnly(2026, 12, 31) : new DateOnly(2026, 9, 30);
        var totals = new ReportTotals(units.Count, units.Sum(u => u.Submitted), units.Sum(u => u.Approved), 0, units.Sum(u => u.Adopted),
            units.Sum(u => u.AdoptedCentral), 0, 0, 0, 0, 0, 0.25m, units.Sum(u => u.Points), 0, units.Sum(u => u.Missed),
            units.Count(u => u.QuotaMet == false), units.Count(u => u.Adopted == 0));
        var score = new ScoreResult
        {
            Lines = lines ?? [],
            UnitPoints = units.ToDictionary(u => u.UnitId, u => u.Points),
            AuthorPoints = (people ?? []).ToDictionary(p => p.UserId, p => p.Points),
            MissedByUnit = new Dictionary<long, int>(),
        };
        return new PeriodReport(from, to, 1, "根单位", totals, units, people ?? [], score);
    }

    public static BulletinSettings Settings(bool annual = false, int praiseUnits = 3, int praisePeople = 5) =>
        new(annual ? BulletinKind.Annual : BulletinKind.Quarterly, 2026, annual ? 0 : 3, 1,
            Bulletin.TitleFor(annual ? BulletinKind.Annual : BulletinKind.Quarterly, 2026, 3), 1, "根单位宣传办公室",
            new DateOnly(2026, 10, 8), null, null, praiseUnits, praisePeople);

    public static BulletinFigures Compose(PeriodReport report, BulletinSettings settings, IReadOnlyDictionary<long, string>? titles = null,
        bool draft = true) =>
        BulletinComposer.Compose(settings, report, titles ?? new Dictionary<long, string>(),
            [new RuleVersionNote(1, new DateOnly(2000, 1, 1), "中央10分")], new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc), draft,
            draft ? null : new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc));

    /// <summary>一个较大的范围：n 个单位（积分递减，部分未完成任务、部分没有采用）和 2n 名信息员。</summary>
    public static PeriodReport Large(int n, bool annual = false)
    {
        var units = new List<UnitReportRow>();
        for (var i = 2; i <= n; i++)
            units.Add(Unit(i, $"第{i}个单位（社区）", i - 1, n - i, i % 5 == 0 ? 0 : i % 4, i % 7 == 0 ? false : true, i % 7 == 0 ? 2 : 0));
        units.Add(Unit(1, "根单位", n, 0m, 0, null, submitted: 0));
        var people = Enumerable.Range(1, 2 * n).Select(i => Person(1000 + i, $"信息员{i}", i, 2 * n - i, 2 + i % (n - 1), "某单位")).ToList();
        var lines = Enumerable.Range(2, n - 1).Select(i => new ScoreLine(ScoreLineKind.Adoption, i, 1000 + i, 5000 + i, 9000 + i, 1,
            new DateOnly(2026, 8, 1 + i % 28), 10m, BasePoints: i % 3 == 0 ? 10m : 5m, Source: "人民日报")).ToList();
        return Report(units, people, lines, annual);
    }
}
