using Herald.Domain.Publishing;

namespace Herald.Domain.Scoring;

/// <summary>计分结果：全部明细，以及按单位、按作者的合计和漏报篇数。</summary>
public sealed class ScoreResult
{
    public required IReadOnlyList<ScoreLine> Lines { get; init; }
    public required IReadOnlyDictionary<long, decimal> UnitPoints { get; init; }
    public required IReadOnlyDictionary<long, decimal> AuthorPoints { get; init; }
    public required IReadOnlyDictionary<long, int> MissedByUnit { get; init; }

    public decimal PointsOfUnit(long unitId) => UnitPoints.GetValueOrDefault(unitId);
}

/// <summary>
/// 按规则计算某时期的积分（纯函数，结果可逐条追溯）：
/// 1. 每次已核实的用稿按用稿当日有效的规则计分：级别×类型分值，头版/头条乘倍数。
///    "只计最高"时，一篇稿件各次采用按时间先后累计"比此前最高多出的部分"——跨时期合计恰为最高一次，
///    已发布的通报也不会因后来的采用而要改。"累计"时每次全额计分。
/// 2. 领导批示按级别加分，总是累计。
/// 3. 单位积分上限：同一规则版本、同一上限周期（月/季/年）内的加分超过上限的部分扣除。
/// 4. 每月报送任务：时期内完整的每个自然月，需考核的单位少报一篇扣一次（按该月最后一天有效的规则）。
/// 5. 迟报：每篇按报送当日有效的规则扣分。
/// </summary>
public static class ScoreCalculator
{
    /// <param name="adoptions">已核实的用稿与批示，用稿日期不晚于 <paramref name="to"/>；含时期之前的（用于"只计最高"的比较）。</param>
    /// <param name="submissions">时期内报送的稿件。</param>
    /// <param name="quotaUnits">需考核报送任务的单位。</param>
    public static ScoreResult Calculate(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<AdoptionFact> adoptions,
        IEnumerable<SubmissionFact> submissions, IEnumerable<long> quotaUnits)
    {
        var lines = new List<ScoreLine>();
        var submissionList = submissions.Where(s => s.SubmittedOn >= from && s.SubmittedOn <= to).ToList();

        AddAdoptionLines(rules, from, to, adoptions, lines);
        AddCapReductions(rules, to, lines);
        AddQuotaLines(rules, from, to, submissionList, quotaUnits, lines);
        AddLateLines(rules, submissionList, lines);

        lines.Sort((a, b) =>
        {
            var c = a.UnitId.CompareTo(b.UnitId);
            if (c == 0) c = a.Date.CompareTo(b.Date);
            if (c == 0) c = a.Kind.CompareTo(b.Kind);
            if (c == 0) c = (a.AdoptionId ?? a.ManuscriptId ?? 0).CompareTo(b.AdoptionId ?? b.ManuscriptId ?? 0);
            return c;
        });
        return new ScoreResult
        {
            Lines = lines,
            UnitPoints = lines.GroupBy(l => l.UnitId).ToDictionary(g => g.Key, g => g.Sum(l => l.Points)),
            AuthorPoints = lines.Where(l => l.AuthorId is not null && l.Kind != ScoreLineKind.CapReduction)
                .GroupBy(l => l.AuthorId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Points)),
            MissedByUnit = lines.Where(l => l.Kind == ScoreLineKind.MissedQuota)
                .GroupBy(l => l.UnitId).ToDictionary(g => g.Key, g => g.Sum(l => l.Missing)),
        };
    }

    private static void AddAdoptionLines(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<AdoptionFact> adoptions, List<ScoreLine> lines)
    {
        foreach (var group in adoptions.Where(a => a.AdoptedOn <= to).GroupBy(a => a.ManuscriptId))
        {
            var highest = 0m;
            foreach (var a in group.OrderBy(a => a.AdoptedOn).ThenBy(a => a.AdoptionId))
            {
                var rule = rules.RuleFor(a.AdoptedOn);
                var inPeriod = a.AdoptedOn >= from;
                if (a.Kind == AdoptionKind.Instruction)
                {
                    if (inPeriod)
                    {
                        var bonus = rule.BonusFor(a.Level);
                        lines.Add(new ScoreLine(ScoreLineKind.Instruction, a.UnitId, a.AuthorId, a.ManuscriptId, a.AdoptionId, rule.Id,
                            a.AdoptedOn, bonus, BasePoints: bonus, Source: a.Source));
                    }
                    continue;
                }

                var basePoints = rule.PointsFor(a.Level, a.OutletType ?? OutletType.Newspaper);
                var multiplier = a.FrontPage ? rule.FrontPageMultiplier : 1m;
                var value = basePoints * multiplier;
                var before = highest;
                var credited = rule.MultiAdoption == MultiAdoptionMode.Sum ? value : Math.Max(0m, value - before);
                highest = Math.Max(highest, value);
                if (inPeriod)
                {
                    lines.Add(new ScoreLine(ScoreLineKind.Adoption, a.UnitId, a.AuthorId, a.ManuscriptId, a.AdoptionId, rule.Id,
                        a.AdoptedOn, credited, BasePoints: basePoints, Multiplier: multiplier,
                        AlreadyCounted: rule.MultiAdoption == MultiAdoptionMode.HighestOnly ? before : 0m, Source: a.Source));
                }
            }
        }
    }

    private static void AddCapReductions(RuleBook rules, DateOnly to, List<ScoreLine> lines)
    {
        var capped = new List<ScoreLine>();
        var buckets = lines
            .Where(l => l.Kind is ScoreLineKind.Adoption or ScoreLineKind.Instruction)
            .Select(l => (Line: l, Rule: rules.RuleFor(l.Date)))
            .Where(x => x.Rule.CapPoints is not null)
            .GroupBy(x => (x.Line.UnitId, x.Rule.Id, Start: BucketStart(x.Line.Date, x.Rule.CapPeriod)));
        foreach (var bucket in buckets)
        {
            var rule = bucket.First().Rule;
            var total = bucket.Sum(x => x.Line.Points);
            var cap = rule.CapPoints!.Value;
            if (total <= cap) continue;
            var end = BucketEnd(bucket.Key.Start, rule.CapPeriod);
            capped.Add(new ScoreLine(ScoreLineKind.CapReduction, bucket.Key.UnitId, null, null, null, rule.Id,
                end < to ? end : to, cap - total, BasePoints: total, Cap: cap));
        }
        lines.AddRange(capped);
    }

    private static void AddQuotaLines(RuleBook rules, DateOnly from, DateOnly to, List<SubmissionFact> submissions,
        IEnumerable<long> quotaUnits, List<ScoreLine> lines)
    {
        var counts = submissions.GroupBy(s => (s.UnitId, s.SubmittedOn.Year, s.SubmittedOn.Month))
            .ToDictionary(g => g.Key, g => g.Count());
        var units = quotaUnits.Distinct().ToList();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            // 只考核完整落在时期内的自然月。
            if (month < from || monthEnd > to) continue;
            var rule = rules.RuleFor(monthEnd);
            if (rule.MonthlyQuota <= 0) continue;
            foreach (var unitId in units)
            {
                var count = counts.GetValueOrDefault((unitId, month.Year, month.Month));
                var missing = Math.Max(0, rule.MonthlyQuota - count);
                if (missing == 0) continue;
                lines.Add(new ScoreLine(ScoreLineKind.MissedQuota, unitId, null, null, null, rule.Id, monthEnd,
                    -missing * rule.MissingPenalty, BasePoints: rule.MissingPenalty, Quota: rule.MonthlyQuota, Count: count, Missing: missing));
            }
        }
    }

    private static void AddLateLines(RuleBook rules, List<SubmissionFact> submissions, List<ScoreLine> lines)
    {
        foreach (var s in submissions.Where(s => s.Late))
        {
            var rule = rules.RuleFor(s.SubmittedOn);
            if (rule.LatePenalty <= 0m) continue;
            lines.Add(new ScoreLine(ScoreLineKind.Late, s.UnitId, s.AuthorId, s.ManuscriptId, null, rule.Id, s.SubmittedOn,
                -rule.LatePenalty, BasePoints: rule.LatePenalty));
        }
    }

    public static DateOnly BucketStart(DateOnly date, CapPeriod period) => period switch
    {
        CapPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        CapPeriod.Quarter => new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    public static DateOnly BucketEnd(DateOnly start, CapPeriod period) => period switch
    {
        CapPeriod.Month => start.AddMonths(1).AddDays(-1),
        CapPeriod.Quarter => start.AddMonths(3).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };
}
