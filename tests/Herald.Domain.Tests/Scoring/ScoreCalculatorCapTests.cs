using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using static Herald.Domain.Tests.Scoring.ScoringBuilders;

namespace Herald.Domain.Tests.Scoring;

/// <summary>单位积分上限：按月、季、年周期削减超出的部分（CapReduction 明细）。</summary>
public sealed class ScoreCalculatorCapTests
{
    [Fact]
    public void MonthCap_ExcessInOneMonthReduced_OtherMonthUntouched()
    {
        // 上限每月 15：10月 中央 10 + 中央 10 = 20 → 削减 15−20 = −5（记在10月31日）；11月 中央 10 ≤ 15 不削减。合计 20−5+10 = 25
        var rules = Book(Rule(D(2000, 1, 1), cap: 15m, capPeriod: CapPeriod.Month));
        var result = ScoreCalculator.Calculate(rules, D(2026, 10, 1), D(2026, 12, 31),
            [
                Outlet(1, 11, D(2026, 10, 5), MediaLevel.Central),
                Outlet(2, 12, D(2026, 10, 20), MediaLevel.Central),
                Outlet(3, 13, D(2026, 11, 3), MediaLevel.Central),
            ], [], []);

        var cap = result.Lines.Single(l => l.Kind == ScoreLineKind.CapReduction);
        (cap.Date, cap.Points, cap.BasePoints, cap.Cap, cap.AlreadyCounted, cap.CapPeriod).ShouldBe((D(2026, 10, 31), -5m, 20m, (decimal?)15m, 0m, (CapPeriod?)CapPeriod.Month));
        cap.AuthorId.ShouldBeNull();
        result.PointsOfUnit(UnitA).ShouldBe(25m);
        // 作者积分不受单位上限影响：10+10+10 = 30
        result.AuthorPoints[AuthorA].ShouldBe(30m);
    }

    [Fact]
    public void QuarterCap_CountsInstructionsToo()
    {
        // 上限每季 25：10月 中央 10，11月 中央批示 20 → 30 > 25 → −5（记在12月31日）。合计 25
        var rules = Book(Rule(D(2000, 1, 1), cap: 25m, capPeriod: CapPeriod.Quarter));
        var result = ScoreCalculator.Calculate(rules, D(2026, 10, 1), D(2026, 12, 31),
            [Outlet(1, 11, D(2026, 10, 5), MediaLevel.Central), Instruction(2, 12, D(2026, 11, 5), MediaLevel.Central)], [], []);

        var cap = result.Lines.Single(l => l.Kind == ScoreLineKind.CapReduction);
        (cap.Date, cap.Points, cap.BasePoints).ShouldBe((D(2026, 12, 31), -5m, 30m));
        result.PointsOfUnit(UnitA).ShouldBe(25m);
    }

    [Fact]
    public void YearCap_PointsEarlierInTheYearUseUpTheCap()
    {
        // 上限每年 30。3月已计 中央 10 + 中央 10 = 20（时期前）；第4季度 中央 10 + 中央 10 = 20。
        // 本期实得 min(30, 20+20) − min(30, 20) = 10 → 削减 10−20 = −10，记在时期末12月31日。
        var rules = Book(Rule(D(2000, 1, 1), cap: 30m, capPeriod: CapPeriod.Year));
        AdoptionFact[] all =
        [
            Outlet(1, 11, D(2026, 3, 1), MediaLevel.Central),
            Outlet(2, 12, D(2026, 3, 2), MediaLevel.Central),
            Outlet(3, 13, D(2026, 10, 5), MediaLevel.Central),
            Outlet(4, 14, D(2026, 11, 5), MediaLevel.Central),
        ];
        var q4 = ScoreCalculator.Calculate(rules, D(2026, 10, 1), D(2026, 12, 31), all, [], []);

        var cap = q4.Lines.Single(l => l.Kind == ScoreLineKind.CapReduction);
        (cap.Points, cap.BasePoints, cap.AlreadyCounted, cap.Date).ShouldBe((-10m, 20m, 20m, D(2026, 12, 31)));
        q4.PointsOfUnit(UnitA).ShouldBe(10m);
    }

    [Fact]
    public void YearCap_QuarterlyReportsAddUpToTheYearReport()
    {
        // 上限每年 30；各季 中央 10×2 = 20。全年 80 → 30。各季：Q1 20，Q2 min(30,40)−20 = 10，Q3 0，Q4 0 → 合计 30。
        var rules = Book(Rule(D(2000, 1, 1), cap: 30m, capPeriod: CapPeriod.Year));
        var all = new List<AdoptionFact>();
        for (var q = 0; q < 4; q++)
        {
            all.Add(Outlet(q * 2 + 1, q * 2 + 11, D(2026, q * 3 + 1, 10), MediaLevel.Central));
            all.Add(Outlet(q * 2 + 2, q * 2 + 12, D(2026, q * 3 + 2, 10), MediaLevel.Central));
        }
        decimal Quarter(int q) => ScoreCalculator.Calculate(rules, D(2026, q * 3 - 2, 1), D(2026, q * 3, 1).AddMonths(1).AddDays(-1), all, [], [])
            .PointsOfUnit(UnitA);

        Quarter(1).ShouldBe(20m);
        Quarter(2).ShouldBe(10m);
        Quarter(3).ShouldBe(0m);
        Quarter(4).ShouldBe(0m);
        ScoreCalculator.Calculate(rules, D(2026, 1, 1), D(2026, 12, 31), all, [], []).PointsOfUnit(UnitA).ShouldBe(30m);
    }

    [Fact]
    public void Cap_PerUnit()
    {
        // 上限每月 12：A 中央 10 + 省 5 = 15 → −3；B 中央 10 ≤ 12
        var rules = Book(Rule(D(2000, 1, 1), cap: 12m));
        var result = ScoreCalculator.Calculate(rules, D(2026, 10, 1), D(2026, 10, 31),
            [
                Outlet(1, 11, D(2026, 10, 5), MediaLevel.Central),
                Outlet(2, 12, D(2026, 10, 6), MediaLevel.Provincial),
                Outlet(3, 13, D(2026, 10, 7), MediaLevel.Central, unitId: UnitB, authorId: AuthorB),
            ], [], []);

        result.Lines.Where(l => l.Kind == ScoreLineKind.CapReduction).Select(l => (l.UnitId, l.Points)).ShouldBe([(UnitA, -3m)]);
        result.PointsOfUnit(UnitA).ShouldBe(12m);
        result.PointsOfUnit(UnitB).ShouldBe(10m);
    }

    [Fact]
    public void Cap_SeparateBucketsPerRuleVersion()
    {
        // 版本一（上限每月 12）到10月15日；版本二（上限每月 12）自10月16日。10月上半月 10+10 = 20 → −8；下半月 10 ≤ 12。合计 22
        var v1 = Rule(D(2000, 1, 1), cap: 12m);
        var v2 = Rule(D(2026, 10, 16), cap: 12m);
        var result = ScoreCalculator.Calculate(Book(v1, v2), D(2026, 10, 1), D(2026, 10, 31),
            [
                Outlet(1, 11, D(2026, 10, 2), MediaLevel.Central),
                Outlet(2, 12, D(2026, 10, 3), MediaLevel.Central),
                Outlet(3, 13, D(2026, 10, 20), MediaLevel.Central),
            ], [], []);

        result.Lines.Where(l => l.Kind == ScoreLineKind.CapReduction).Select(l => (l.Points, l.RuleEffectiveFrom)).ShouldBe([(-8m, D(2000, 1, 1))]);
        result.PointsOfUnit(UnitA).ShouldBe(22m);
    }

    [Fact]
    public void NoCap_NoReduction()
    {
        var result = ScoreCalculator.Calculate(Book(Rule(D(2000, 1, 1))), D(2026, 10, 1), D(2026, 10, 31),
            Enumerable.Range(1, 10).Select(i => Outlet(i, 10 + i, D(2026, 10, i), MediaLevel.Central)), [], []);

        // 10 篇 × 中央 10 = 100
        result.Lines.ShouldNotContain(l => l.Kind == ScoreLineKind.CapReduction);
        result.PointsOfUnit(UnitA).ShouldBe(100m);
    }

    [Fact]
    public void HistoryStart_BeginningOfTheCapPeriod_NotBeforeTheVersion()
    {
        ScoreCalculator.HistoryStart(Book(Rule(D(2000, 1, 1))), D(2026, 11, 15)).ShouldBe(D(2026, 11, 15));
        ScoreCalculator.HistoryStart(Book(Rule(D(2000, 1, 1), cap: 10m, capPeriod: CapPeriod.Month)), D(2026, 11, 15)).ShouldBe(D(2026, 11, 1));
        ScoreCalculator.HistoryStart(Book(Rule(D(2000, 1, 1), cap: 10m, capPeriod: CapPeriod.Quarter)), D(2026, 11, 15)).ShouldBe(D(2026, 10, 1));
        ScoreCalculator.HistoryStart(Book(Rule(D(2000, 1, 1), cap: 10m, capPeriod: CapPeriod.Year)), D(2026, 11, 15)).ShouldBe(D(2026, 1, 1));
        ScoreCalculator.HistoryStart(Book(Rule(D(2000, 1, 1)), Rule(D(2026, 5, 1), cap: 10m, capPeriod: CapPeriod.Year)), D(2026, 11, 15))
            .ShouldBe(D(2026, 5, 1));
    }
}
