using Herald.Domain.Scoring;
using static Herald.Domain.Tests.Scoring.ScoringBuilders;

namespace Herald.Domain.Tests.Scoring;

/// <summary>每月报送任务（漏报扣分，只考核完整的自然月）与迟报扣分。</summary>
public sealed class ScoreCalculatorQuotaLateTests
{
    private static readonly RuleBook QuotaTwo = Book(Rule(D(2000, 1, 1), quota: 2, missingPenalty: 1.5m));

    [Fact]
    public void MonthlyQuota_OnlyFullCalendarMonthsInsideThePeriod()
    {
        // 时期 10月15日—12月31日：10月不完整不考核；11月、12月考核。任务每月 2 篇，每少 1 篇扣 1.5。
        // A：10月 0 篇（不考核）；11月 1 篇 → 少 1 扣 1.5；12月 0 篇 → 少 2 扣 3。合计 −4.5，漏报 3 篇。
        // B：11月 2 篇、12月 3 篇 → 不扣。C：不承担任务 → 不扣。
        var submissions = new[]
        {
            Submitted(1, D(2026, 11, 3)),
            Submitted(2, D(2026, 11, 3), UnitB, AuthorB), Submitted(3, D(2026, 11, 30), UnitB, AuthorB),
            Submitted(4, D(2026, 12, 1), UnitB, AuthorB), Submitted(5, D(2026, 12, 2), UnitB, AuthorB), Submitted(6, D(2026, 12, 31), UnitB, AuthorB),
        };
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 10, 15), D(2026, 12, 31), [], submissions, [UnitA, UnitB]);

        var lines = result.Lines.Where(l => l.Kind == ScoreLineKind.MissedQuota).ToList();
        lines.Select(l => (l.UnitId, l.Date, l.Quota, l.Count, l.Missing, l.Points)).ShouldBe(
        [
            (UnitA, D(2026, 11, 30), 2, 1, 1, -1.5m),
            (UnitA, D(2026, 12, 31), 2, 0, 2, -3m),
        ]);
        result.PointsOfUnit(UnitA).ShouldBe(-4.5m);
        result.MissedByUnit[UnitA].ShouldBe(3);
        result.MissedByUnit.ContainsKey(UnitB).ShouldBeFalse();
        result.PointsOfUnit(UnitC).ShouldBe(0m);
        // 漏报属于单位，不记到作者。
        result.AuthorPoints.ShouldBeEmpty();
    }

    [Fact]
    public void MonthlyQuota_PeriodWithinOneMonth_NotAssessed()
    {
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 11, 1), D(2026, 11, 29), [], [], [UnitA]);

        result.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void MonthlyQuota_ZeroQuota_NeverPenalised()
    {
        var result = ScoreCalculator.Calculate(Book(Rule(D(2000, 1, 1), quota: 0, missingPenalty: 5m)), D(2026, 10, 1), D(2026, 12, 31), [], [], [UnitA]);

        result.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void QuotaDuty_WholeMonthWithARegisteredCorrespondentIsAssessed()
    {
        // 时期 11月—12月，任务 2、每篇 1.5，各单位都没报送。
        // A：11月10日才任命 → 11月不考核，12月少 2 扣 3。
        // B：到11月15日的一段 + 11月16日起的一段，接起来覆盖整月 → 11月、12月各扣 3。
        // C：12月20日免去 → 11月扣 3，12月不考核。
        var duties = new[]
        {
            new QuotaDuty(UnitA, D(2026, 11, 10), null),
            new QuotaDuty(UnitB, D(2025, 1, 1), D(2026, 11, 15)), new QuotaDuty(UnitB, D(2026, 11, 16), null),
            new QuotaDuty(UnitC, D(2025, 1, 1), D(2026, 12, 20)),
        };
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 11, 1), D(2026, 12, 31), [], [], [], duties);

        result.Lines.Select(l => (l.UnitId, l.Date, l.Points)).ShouldBe(
        [
            (UnitA, D(2026, 12, 31), -3m),
            (UnitB, D(2026, 11, 30), -3m),
            (UnitB, D(2026, 12, 31), -3m),
            (UnitC, D(2026, 11, 30), -3m),
        ]);
    }

    [Fact]
    public void QuotaDuty_GapInsideTheMonth_NotAssessed()
    {
        // 到11月10日，再从11月12日起：11日无人在册 → 11月不考核；12月扣 3。
        var duties = new[] { new QuotaDuty(UnitA, D(2025, 1, 1), D(2026, 11, 10)), new QuotaDuty(UnitA, D(2026, 11, 12), null) };
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 11, 1), D(2026, 12, 31), [], [], [], duties);

        result.Lines.Select(l => (l.Date, l.Points)).ShouldBe([(D(2026, 12, 31), -3m)]);
    }

    [Fact]
    public void MonthlyCounts_ComeFromTheGivenAggregates()
    {
        // 11月报了 5 篇（汇总数），任务 2 → 不扣；12月 1 篇 → 扣 1.5
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 11, 1), D(2026, 12, 31), [], [],
            [new MonthlySubmissions(UnitA, D(2026, 11, 1), 5), new MonthlySubmissions(UnitA, D(2026, 12, 1), 1)],
            [new QuotaDuty(UnitA, D(2020, 1, 1), null)]);

        result.Lines.Select(l => (l.Date, l.Count, l.Points)).ShouldBe([(D(2026, 12, 31), 1, -1.5m)]);
    }

    [Fact]
    public void LatePenalty_EachLateSubmissionInThePeriod()
    {
        // 迟报每篇扣 0.5：期内迟报 2 篇（作者 A 一篇、B 一篇）→ A −0.5、B −0.5；准时的不扣；期外迟报不算。
        var rules = Book(Rule(D(2000, 1, 1), latePenalty: 0.5m));
        var result = ScoreCalculator.Calculate(rules, D(2026, 10, 1), D(2026, 10, 31), [],
            [
                Submitted(1, D(2026, 10, 3), late: true),
                Submitted(2, D(2026, 10, 4)),
                Submitted(3, D(2026, 10, 5), UnitB, AuthorB, late: true),
                Submitted(4, D(2026, 9, 30), late: true),
            ], []);

        result.Lines.Select(l => (l.Kind, l.UnitId, l.ManuscriptId, l.Points)).ShouldBe(
        [
            (ScoreLineKind.Late, UnitA, (long?)1, -0.5m),
            (ScoreLineKind.Late, UnitB, (long?)3, -0.5m),
        ]);
        result.AuthorPoints[AuthorA].ShouldBe(-0.5m);
        result.AuthorPoints[AuthorB].ShouldBe(-0.5m);
    }

    [Fact]
    public void LatePenalty_Zero_NoLines()
    {
        var result = ScoreCalculator.Calculate(Book(Rule(D(2000, 1, 1))), D(2026, 10, 1), D(2026, 10, 31), [],
            [Submitted(1, D(2026, 10, 3), late: true)], []);

        result.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void AllRulesCombined_HandComputedTotal()
    {
        // 规则：默认分值，头版 ×2，只计最高，批示中央 20，上限每月 25，任务每月 2（少 1 扣 1），迟报扣 0.5。时期 11月。
        // 稿件 11：11月2日 省级头版 5×2 = 10；11月9日 中央 10 → 10−10 = 0。
        // 稿件 12：11月3日 中央 10；11月4日 中央批示 +20。
        // 11月加分 10+0+10+20 = 40 > 25 → 削减 −15。
        // 报送：11月 1 篇（迟报）→ 漏报 1 扣 1，迟报扣 0.5。
        // 合计 40 − 15 − 1 − 0.5 = 23.5；作者 40 − 0.5 = 39.5。
        var rules = Book(Rule(D(2000, 1, 1), cap: 25m, quota: 2, missingPenalty: 1m, latePenalty: 0.5m));
        var result = ScoreCalculator.Calculate(rules, D(2026, 11, 1), D(2026, 11, 30),
            [
                Outlet(1, 11, D(2026, 11, 2), Herald.Domain.Publishing.MediaLevel.Provincial, frontPage: true),
                Outlet(2, 11, D(2026, 11, 9), Herald.Domain.Publishing.MediaLevel.Central),
                Outlet(3, 12, D(2026, 11, 3), Herald.Domain.Publishing.MediaLevel.Central),
                Instruction(4, 12, D(2026, 11, 4), Herald.Domain.Publishing.MediaLevel.Central),
            ],
            [Submitted(12, D(2026, 11, 1), late: true)], [UnitA]);

        result.Lines.Select(l => (l.Kind, l.Points)).ShouldBe(
        [
            (ScoreLineKind.Late, -0.5m),
            (ScoreLineKind.Adoption, 10m),
            (ScoreLineKind.Adoption, 10m),
            (ScoreLineKind.Instruction, 20m),
            (ScoreLineKind.Adoption, 0m),
            (ScoreLineKind.CapReduction, -15m),
            (ScoreLineKind.MissedQuota, -1m),
        ]);
        result.PointsOfUnit(UnitA).ShouldBe(23.5m);
        result.AuthorPoints[AuthorA].ShouldBe(39.5m);
        result.Lines.Sum(l => l.Points).ShouldBe(23.5m);
    }

    [Fact]
    public void AssessedUnits_UnitsWithAtLeastOneAssessedFullMonth()
    {
        // 时期 11月—12月：A 整个时期在册；B 12月20日免去（11月整月在册）；C 12月10日才任命（没有整月）。
        var duties = new[]
        {
            new QuotaDuty(UnitA, D(2025, 1, 1), null),
            new QuotaDuty(UnitB, D(2025, 1, 1), D(2026, 12, 20)),
            new QuotaDuty(UnitC, D(2026, 12, 10), null),
        };

        ScoreCalculator.AssessedUnits(QuotaTwo, D(2026, 11, 1), D(2026, 12, 31), duties).Order().ShouldBe([UnitA, UnitB]);
        // 不考核任务的规则：谁也不考核。
        ScoreCalculator.AssessedUnits(Book(Rule(D(2000, 1, 1))), D(2026, 11, 1), D(2026, 12, 31), duties).ShouldBeEmpty();
    }

    [Fact]
    public void MonthlyQuota_MonthsNotYetOver_NotAssessed()
    {
        // 第4季度的报表在11月22日查看：只有10月已过完。10月少 2 篇扣 3；11月、12月不算漏报。
        var duties = new[] { new QuotaDuty(UnitA, D(2025, 1, 1), null) };
        var result = ScoreCalculator.Calculate(QuotaTwo, D(2026, 10, 1), D(2026, 12, 31), [], [], [], duties, assessQuotaUntil: D(2026, 11, 21));

        result.Lines.Select(l => (l.Date, l.Points)).ShouldBe([(D(2026, 10, 31), -3m)]);
        ScoreCalculator.AssessedUnits(QuotaTwo, D(2026, 11, 1), D(2026, 12, 31), duties, assessQuotaUntil: D(2026, 11, 21)).ShouldBeEmpty();
        // 11月30日那天还没过完；12月1日查看时（到11月30日为止）11月才考核。
        ScoreCalculator.Calculate(QuotaTwo, D(2026, 10, 1), D(2026, 12, 31), [], [], [], duties, assessQuotaUntil: D(2026, 11, 29))
            .Lines.Count.ShouldBe(1);
        ScoreCalculator.Calculate(QuotaTwo, D(2026, 10, 1), D(2026, 12, 31), [], [], [], duties, assessQuotaUntil: D(2026, 11, 30))
            .Lines.Count.ShouldBe(2);
    }
}
