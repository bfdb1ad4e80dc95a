namespace Herald.Domain.Opinion.Cases;

public sealed record SeverityCount(OpinionSeverity Severity, int Cases, int Closed, double? MedianFirstResponseMinutes);

public sealed record UnitCount(long UnitId, int Cases, int Closed, int LateDeadlines, int Interviews);

/// <summary>某条时限规则（等级 × 种类）的按时情况：有结论的时限中按时满足的比例。</summary>
public sealed record OnTimeRate(OpinionSeverity Severity, DeadlineKind Kind, int Decided, int OnTime)
{
    public double? Rate => Decided == 0 ? null : (double)OnTime / Decided;
}

/// <summary>超时单位：超时满足、错过或仍超时的时限数，涉及的舆情数，约谈次数。</summary>
public sealed record LateUnit(long UnitId, int LateDeadlines, int Cases, int Interviews);

public sealed record CaseStatisticsResult(
    int Cases,
    int Closed,
    double? MedianFirstResponseMinutes,
    IReadOnlyList<SeverityCount> BySeverity,
    IReadOnlyList<UnitCount> ByUnit,
    IReadOnlyList<OnTimeRate> OnTime,
    IReadOnlyList<LateUnit> LateUnits);

/// <summary>
/// 舆情统计（时期内立案的舆情）：按等级、按责任单位的件数；首次响应用时的中位数（立案到第一次回应或处置，分钟）；
/// 每条时限规则的按时率（只计有结论的时限：按时、超时满足、错过、仍超时；停止计时与仍在计时的不计）；
/// 超时单位（有超时时限的责任单位，按超时时限数排序）。
/// </summary>
public static class CaseStatistics
{
    public static CaseStatisticsResult Compute(IReadOnlyCollection<OpinionCase> cases, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var bySeverity = Enum.GetValues<OpinionSeverity>().Reverse()
            .Select(s =>
            {
                var mine = cases.Where(c => c.Severity == s).ToList();
                return new SeverityCount(s, mine.Count, mine.Count(c => c.Status == OpinionCaseStatus.Closed), Median(FirstResponses(mine)));
            }).ToList();

        var readings = cases.SelectMany(c => c.Clocks(nowUtc).Select(x => (Case: c, x.Deadline, x.Reading))).ToList();
        var late = readings.Where(r => r.Reading.Decided && !r.Reading.OnTime).ToList();

        var interviews = cases.SelectMany(c => c.Interviews).GroupBy(i => i.UnitId).ToDictionary(g => g.Key, g => g.Count());
        var byUnit = cases.Where(c => c.UnitId is not null).GroupBy(c => c.UnitId!.Value)
            .Select(g => new UnitCount(g.Key, g.Count(), g.Count(c => c.Status == OpinionCaseStatus.Closed),
                late.Count(r => r.Case.UnitId == g.Key), interviews.GetValueOrDefault(g.Key)))
            .OrderByDescending(u => u.Cases).ThenBy(u => u.UnitId).ToList();

        var onTime = readings.Where(r => r.Reading.Decided)
            .GroupBy(r => (r.Deadline.Severity, r.Deadline.Kind))
            .Select(g => new OnTimeRate(g.Key.Severity, g.Key.Kind, g.Count(), g.Count(r => r.Reading.OnTime)))
            .OrderByDescending(r => r.Severity).ThenBy(r => r.Kind).ToList();

        var lateUnits = late.Where(r => r.Case.UnitId is not null).GroupBy(r => r.Case.UnitId!.Value)
            .Select(g => new LateUnit(g.Key, g.Count(), g.Select(r => r.Case.Id).Distinct().Count(), interviews.GetValueOrDefault(g.Key)))
            .OrderByDescending(u => u.LateDeadlines).ThenBy(u => u.UnitId).ToList();

        return new CaseStatisticsResult(cases.Count, cases.Count(c => c.Status == OpinionCaseStatus.Closed), Median(FirstResponses(cases)),
            bySeverity, byUnit, onTime, lateUnits);
    }

    /// <summary>中位数：偶数个时取中间两个的平均；没有数据为空。</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static IEnumerable<double> FirstResponses(IEnumerable<OpinionCase> cases) =>
        cases.Where(c => c.FirstResponseAt is not null).Select(c => (c.FirstResponseAt!.Value - c.OpenedAt).TotalMinutes);
}
