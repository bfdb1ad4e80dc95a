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
/// 3. 单位积分上限：同一规则版本、同一上限周期（月/季/年）内的加分累计超过上限的部分扣除。上限周期从时期开始之前
///    起算时，周期内此前已计的加分也占用上限（按月出的报表相加等于按季出的），所以调用方须从 <see cref="HistoryStart"/> 起提供采用。
/// 4. 每月报送任务：时期内完整的每个自然月，整月承担任务的单位少报一篇扣一次（按该月最后一天有效的规则）。
/// 5. 迟报：每篇按报送当日有效的规则扣分。
/// </summary>
public static class ScoreCalculator
{
    /// <param name="adoptions">已核实的用稿与批示，用稿日期不晚于 <paramref name="to"/>；含时期之前的（用于"只计最高"的比较和上限）。</param>
    /// <param name="submissions">报送的稿件（时期外的忽略）。</param>
    /// <param name="quotaUnits">整个时期都承担每月报送任务的单位。</param>
    public static ScoreResult Calculate(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<AdoptionFact> adoptions,
        IEnumerable<SubmissionFact> submissions, IEnumerable<long> quotaUnits)
    {
        var inPeriod = submissions.Where(s => s.SubmittedOn >= from && s.SubmittedOn <= to).ToList();
        var counts = inPeriod.GroupBy(s => (s.UnitId, Month: MonthOf(s.SubmittedOn)))
            .Select(g => new MonthlySubmissions(g.Key.UnitId, g.Key.Month, g.Count()));
        var duties = quotaUnits.Distinct().Select(u => new QuotaDuty(u, DateOnly.MinValue, null));
        return Calculate(rules, from, to, adoptions, inPeriod, counts, duties);
    }

    /// <param name="adoptions">已核实的用稿与批示，用稿日期不晚于 <paramref name="to"/>，从 <see cref="HistoryStart"/> 起有采用的稿件的全部采用。</param>
    /// <param name="submissions">需要逐篇计分的报送（迟报）；时期外的和未迟报的忽略。</param>
    /// <param name="monthlyCounts">各单位各月报送篇数。</param>
    /// <param name="quotaDuties">各单位承担每月报送任务的期间。</param>
    /// <param name="assessQuotaUntil">只考核在这一天或之前结束的月份（还没过完的月份不算漏报）；为空时不限。</param>
    public static ScoreResult Calculate(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<AdoptionFact> adoptions,
        IEnumerable<SubmissionFact> submissions, IEnumerable<MonthlySubmissions> monthlyCounts, IEnumerable<QuotaDuty> quotaDuties,
        DateOnly? assessQuotaUntil = null)
    {
        var lines = new List<ScoreLine>();
        var credits = AdoptionCredits(rules, from, to, adoptions);
        lines.AddRange(credits.Where(c => c.InPeriod).Select(c => c.Line));
        AddCapReductions(to, credits, lines);
        AddQuotaLines(rules, from, Earlier(to, assessQuotaUntil), monthlyCounts, quotaDuties, lines);
        AddLateLines(rules, submissions.Where(s => s.Late && s.SubmittedOn >= from && s.SubmittedOn <= to), lines);

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

    /// <summary>
    /// 要从哪天起提供已核实的采用：时期开始那天有效的规则设有积分上限、且上限周期在时期开始之前就已开始时，
    /// 为该周期的第一天（不早于该版本生效日）；否则为时期开始日。
    /// </summary>
    public static DateOnly HistoryStart(RuleBook rules, DateOnly from)
    {
        var rule = rules.RuleFor(from);
        if (rule.CapPoints is null) return from;
        var start = BucketStart(from, rule.CapPeriod);
        return rule.EffectiveFrom > start && rule.EffectiveFrom <= from ? rule.EffectiveFrom : start;
    }

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    private static DateOnly Earlier(DateOnly to, DateOnly? until) => until is { } u && u < to ? u : to;

    /// <summary>时期内至少有一个完整自然月要考核每月报送任务（任务数大于 0、整月承担任务）的单位。</summary>
    public static IReadOnlySet<long> AssessedUnits(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<QuotaDuty> quotaDuties,
        DateOnly? assessQuotaUntil = null)
    {
        var assessed = new HashSet<long>();
        var duties = DutiesByUnit(quotaDuties);
        foreach (var (month, monthEnd) in FullMonths(from, Earlier(to, assessQuotaUntil)))
        {
            if (rules.RuleFor(monthEnd).MonthlyQuota <= 0) continue;
            foreach (var (unitId, spans) in duties)
                if (Covers(spans, month, monthEnd)) assessed.Add(unitId);
        }
        return assessed;
    }

    private sealed record Credit(ScoreLine Line, ScoringRuleSet Rule, bool InPeriod);

    /// <summary>每次采用与批示的得分（含时期之前的，供上限计算；只有时期内的成为明细）。</summary>
    private static List<Credit> AdoptionCredits(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<AdoptionFact> adoptions)
    {
        var credits = new List<Credit>();
        foreach (var group in adoptions.Where(a => a.AdoptedOn <= to).GroupBy(a => a.ManuscriptId))
        {
            var highest = 0m;
            foreach (var a in group.OrderBy(a => a.AdoptedOn).ThenBy(a => a.AdoptionId))
            {
                var rule = rules.RuleFor(a.AdoptedOn);
                var inPeriod = a.AdoptedOn >= from;
                if (a.Kind == AdoptionKind.Instruction)
                {
                    var bonus = rule.BonusFor(a.Level);
                    credits.Add(new Credit(new ScoreLine(ScoreLineKind.Instruction, a.UnitId, a.AuthorId, a.ManuscriptId, a.AdoptionId,
                        rule.Id, a.AdoptedOn, bonus, BasePoints: bonus, Source: a.Source, RuleEffectiveFrom: rule.EffectiveFrom,
                        Level: a.Level), rule, inPeriod));
                    continue;
                }

                var basePoints = rule.PointsFor(a.Level, a.OutletType ?? OutletType.Newspaper);
                var multiplier = a.FrontPage ? rule.FrontPageMultiplier : 1m;
                var value = basePoints * multiplier;
                var before = highest;
                var highestOnly = rule.MultiAdoption == MultiAdoptionMode.HighestOnly;
                var credited = highestOnly ? Math.Max(0m, value - before) : value;
                highest = Math.Max(highest, value);
                credits.Add(new Credit(new ScoreLine(ScoreLineKind.Adoption, a.UnitId, a.AuthorId, a.ManuscriptId, a.AdoptionId, rule.Id,
                    a.AdoptedOn, credited, BasePoints: basePoints, Multiplier: multiplier, AlreadyCounted: highestOnly ? before : 0m,
                    Source: a.Source, RuleEffectiveFrom: rule.EffectiveFrom, Level: a.Level, FrontPage: a.FrontPage), rule, inPeriod));
            }
        }
        return credits;
    }

    /// <summary>
    /// 每个（单位、规则版本、上限周期）：时期之前已计 B、时期内 P，时期内实得 min(上限, B+P) − min(上限, B)，差额为削减。
    /// 这样相邻时期的削减相加恰好等于合并时期的削减。
    /// </summary>
    private static void AddCapReductions(DateOnly to, List<Credit> credits, List<ScoreLine> lines)
    {
        var buckets = credits
            .Where(c => c.Rule.CapPoints is not null)
            .GroupBy(c => (c.Line.UnitId, c.Rule, Start: BucketStart(c.Line.Date, c.Rule.CapPeriod)));
        foreach (var bucket in buckets)
        {
            var inPeriod = bucket.Where(c => c.InPeriod).Sum(c => c.Line.Points);
            if (inPeriod <= 0m) continue;
            var before = bucket.Where(c => !c.InPeriod).Sum(c => c.Line.Points);
            var rule = bucket.Key.Rule;
            var cap = rule.CapPoints!.Value;
            var allowed = Math.Min(cap, before + inPeriod) - Math.Min(cap, before);
            if (allowed >= inPeriod) continue;
            var end = BucketEnd(bucket.Key.Start, rule.CapPeriod);
            lines.Add(new ScoreLine(ScoreLineKind.CapReduction, bucket.Key.UnitId, null, null, null, rule.Id,
                end < to ? end : to, allowed - inPeriod, BasePoints: inPeriod, AlreadyCounted: before, Cap: cap,
                RuleEffectiveFrom: rule.EffectiveFrom, CapPeriod: rule.CapPeriod));
        }
    }

    private static void AddQuotaLines(RuleBook rules, DateOnly from, DateOnly to, IEnumerable<MonthlySubmissions> monthlyCounts,
        IEnumerable<QuotaDuty> quotaDuties, List<ScoreLine> lines)
    {
        var counts = monthlyCounts.GroupBy(c => (c.UnitId, c.Month)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var duties = DutiesByUnit(quotaDuties);
        foreach (var (month, monthEnd) in FullMonths(from, to))
        {
            var rule = rules.RuleFor(monthEnd);
            if (rule.MonthlyQuota <= 0) continue;
            foreach (var (unitId, spans) in duties)
            {
                if (!Covers(spans, month, monthEnd)) continue;
                var count = counts.GetValueOrDefault((unitId, month));
                var missing = Math.Max(0, rule.MonthlyQuota - count);
                if (missing == 0) continue;
                lines.Add(new ScoreLine(ScoreLineKind.MissedQuota, unitId, null, null, null, rule.Id, monthEnd,
                    -missing * rule.MissingPenalty, BasePoints: rule.MissingPenalty, Quota: rule.MonthlyQuota, Count: count,
                    Missing: missing, RuleEffectiveFrom: rule.EffectiveFrom));
            }
        }
    }

    /// <summary>完整落在时期内的自然月（1 日，末日）：只考核这些月。</summary>
    private static IEnumerable<(DateOnly Month, DateOnly MonthEnd)> FullMonths(DateOnly from, DateOnly to)
    {
        for (var month = MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            if (month >= from && monthEnd <= to) yield return (month, monthEnd);
        }
    }

    private static List<(long UnitId, List<QuotaDuty> Spans)> DutiesByUnit(IEnumerable<QuotaDuty> quotaDuties) =>
        quotaDuties.GroupBy(d => d.UnitId).Select(g => (g.Key, g.OrderBy(d => d.From).ToList())).OrderBy(u => u.Key).ToList();

    /// <summary>按开始日期排好的各段是否连起来覆盖了 [start, end] 的每一天。</summary>
    private static bool Covers(List<QuotaDuty> spans, DateOnly start, DateOnly end)
    {
        var next = start;
        foreach (var span in spans)
        {
            if (span.From > next) return false;
            if (span.To is not { } until) return true;
            if (until >= next)
            {
                if (until >= end) return true;
                next = until.AddDays(1);
            }
        }
        return false;
    }

    private static void AddLateLines(RuleBook rules, IEnumerable<SubmissionFact> late, List<ScoreLine> lines)
    {
        foreach (var s in late)
        {
            var rule = rules.RuleFor(s.SubmittedOn);
            if (rule.LatePenalty <= 0m) continue;
            lines.Add(new ScoreLine(ScoreLineKind.Late, s.UnitId, s.AuthorId, s.ManuscriptId, null, rule.Id, s.SubmittedOn,
                -rule.LatePenalty, BasePoints: rule.LatePenalty, RuleEffectiveFrom: rule.EffectiveFrom));
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
