using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using static Herald.Domain.Tests.Scoring.ScoringBuilders;

namespace Herald.Domain.Tests.Scoring;

/// <summary>用稿与批示计分：级别×类型分值表、头版倍数、只计最高与累计、批示加分。时期均为 2026 年第 4 季度。</summary>
public sealed class ScoreCalculatorAdoptionTests
{
    private static readonly DateOnly From = D(2026, 10, 1);
    private static readonly DateOnly To = D(2026, 12, 31);

    private static ScoreResult Score(RuleBook rules, params AdoptionFact[] adoptions) =>
        ScoreCalculator.Calculate(rules, From, To, adoptions, [], []);

    [Fact]
    public void PointsTable_EachAdoptionScoredByItsLevelAndTypeCell()
    {
        // 每格不同：分值 = 100×(级别序号+1) + 类型序号。中央·电视 = 100+1，省·网站 = 200+3，县·政务信息 = 400+6。
        var table = Table((level, type) => 100m * ((int)level + 1) + (int)type);
        var result = Score(Book(Rule(D(2000, 1, 1), table)),
            Outlet(1, 11, D(2026, 10, 5), MediaLevel.Central, OutletType.Tv),
            Outlet(2, 12, D(2026, 10, 6), MediaLevel.Provincial, OutletType.Web),
            Outlet(3, 13, D(2026, 10, 7), MediaLevel.County, OutletType.GovBulletin));

        result.Lines.Select(l => l.Points).ShouldBe([101m, 203m, 406m]);
        result.Lines.Select(l => l.BasePoints).ShouldBe([101m, 203m, 406m]);
        result.Lines.ShouldAllBe(l => l.Kind == ScoreLineKind.Adoption && l.Multiplier == 1m);
        // 101 + 203 + 406 = 710
        result.PointsOfUnit(UnitA).ShouldBe(710m);
        result.AuthorPoints[AuthorA].ShouldBe(710m);
    }

    [Fact]
    public void DefaultTable_SeedValuesPerLevel()
    {
        // 默认：中央 10、省 5、市 3、县 1、内部 0.5，各类型相同；五篇各一次采用：10+5+3+1+0.5 = 19.5
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Outlet(1, 11, D(2026, 10, 5), MediaLevel.Central, OutletType.Xuexi),
            Outlet(2, 12, D(2026, 10, 5), MediaLevel.Provincial, OutletType.Tv),
            Outlet(3, 13, D(2026, 10, 5), MediaLevel.Municipal, OutletType.Radio),
            Outlet(4, 14, D(2026, 10, 5), MediaLevel.County, OutletType.Newmedia),
            Outlet(5, 15, D(2026, 10, 5), MediaLevel.Internal, OutletType.GovBulletin));

        result.Lines.Select(l => l.Points).ShouldBe([10m, 5m, 3m, 1m, 0.5m]);
        result.PointsOfUnit(UnitA).ShouldBe(19.5m);
    }

    [Fact]
    public void FrontPage_MultipliesBasePoints()
    {
        // 倍数 3：中央头版 10×3 = 30；市级非头版 3×1 = 3；合计 33
        var result = Score(Book(Rule(D(2000, 1, 1), multiplier: 3m)),
            Outlet(1, 11, D(2026, 11, 1), MediaLevel.Central, frontPage: true),
            Outlet(2, 12, D(2026, 11, 2), MediaLevel.Municipal));

        var front = result.Lines[0];
        (front.BasePoints, front.Multiplier, front.Points, front.FrontPage).ShouldBe((10m, 3m, 30m, true));
        var plain = result.Lines[1];
        (plain.BasePoints, plain.Multiplier, plain.Points).ShouldBe((3m, 1m, 3m));
        result.PointsOfUnit(UnitA).ShouldBe(33m);
    }

    [Fact]
    public void HighestOnly_EarlierAdoptionBeforePeriod_OnlyIncrementCountsAndLowerLaterAddsZero()
    {
        // 稿件 11：9月20日县级 1 分（时期前，不成明细）；10月10日省级 5 分 → 5−1 = 4；10月20日市级 3 分 < 已计最高 5 → 0。
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Outlet(1, 11, D(2026, 9, 20), MediaLevel.County),
            Outlet(2, 11, D(2026, 10, 10), MediaLevel.Provincial),
            Outlet(3, 11, D(2026, 10, 20), MediaLevel.Municipal));

        result.Lines.Count.ShouldBe(2);
        var provincial = result.Lines[0];
        (provincial.AdoptionId, provincial.BasePoints, provincial.AlreadyCounted, provincial.Points).ShouldBe((2L, 5m, 1m, 4m));
        var municipal = result.Lines[1];
        (municipal.AdoptionId, municipal.BasePoints, municipal.AlreadyCounted, municipal.Points).ShouldBe((3L, 3m, 5m, 0m));
        result.PointsOfUnit(UnitA).ShouldBe(4m);
    }

    [Fact]
    public void HighestOnly_AcrossAdjacentPeriods_SumsToTheHighestAdoption()
    {
        // 第3季度：县级 1；第4季度：省级 5−1 = 4；两季合计 5 = 最高一次（省级 5）。
        var rules = Book(Rule(D(2000, 1, 1)));
        AdoptionFact[] all = [Outlet(1, 11, D(2026, 9, 20), MediaLevel.County), Outlet(2, 11, D(2026, 10, 10), MediaLevel.Provincial)];
        var q3 = ScoreCalculator.Calculate(rules, D(2026, 7, 1), D(2026, 9, 30), all, [], []);
        var q4 = ScoreCalculator.Calculate(rules, From, To, all, [], []);

        q3.PointsOfUnit(UnitA).ShouldBe(1m);
        q4.PointsOfUnit(UnitA).ShouldBe(4m);
    }

    [Fact]
    public void HighestOnly_FrontPageValueIsWhatIsCompared()
    {
        // 县级头版 1×2 = 2，随后市级非头版 3 → 3−2 = 1；合计 3
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Outlet(1, 11, D(2026, 10, 1), MediaLevel.County, frontPage: true),
            Outlet(2, 11, D(2026, 10, 2), MediaLevel.Municipal));

        result.Lines.Select(l => l.Points).ShouldBe([2m, 1m]);
        result.Lines[1].AlreadyCounted.ShouldBe(2m);
    }

    [Fact]
    public void Sum_EveryAdoptionCountsInFull_EarlierOnesOutsidePeriodNotCounted()
    {
        // 累计：9月20日县级 1（时期前，不计入本期）；10月10日省级 5；10月20日市级 3 → 本期 5+3 = 8
        var result = Score(Book(Rule(D(2000, 1, 1), mode: MultiAdoptionMode.Sum)),
            Outlet(1, 11, D(2026, 9, 20), MediaLevel.County),
            Outlet(2, 11, D(2026, 10, 10), MediaLevel.Provincial),
            Outlet(3, 11, D(2026, 10, 20), MediaLevel.Municipal));

        result.Lines.Select(l => l.Points).ShouldBe([5m, 3m]);
        result.Lines.ShouldAllBe(l => l.AlreadyCounted == 0m);
        result.PointsOfUnit(UnitA).ShouldBe(8m);
    }

    [Fact]
    public void Instructions_BonusByLevel_AlwaysAddedEvenUnderHighestOnly()
    {
        // 稿件 11：中央采用 10；中央领导批示 +20；县领导批示 +2 → 32。稿件 12：省、市、内部批示 10+5+0 = 15。合计 47
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Outlet(1, 11, D(2026, 10, 1), MediaLevel.Central),
            Instruction(2, 11, D(2026, 10, 2), MediaLevel.Central),
            Instruction(3, 11, D(2026, 10, 3), MediaLevel.County),
            Instruction(4, 12, D(2026, 10, 4), MediaLevel.Provincial),
            Instruction(5, 12, D(2026, 10, 5), MediaLevel.Municipal),
            Instruction(6, 12, D(2026, 10, 6), MediaLevel.Internal));

        result.Lines.Where(l => l.Kind == ScoreLineKind.Instruction).Select(l => l.Points).ShouldBe([20m, 2m, 10m, 5m, 0m]);
        result.PointsOfUnit(UnitA).ShouldBe(47m);
    }

    [Fact]
    public void Instructions_CustomBonusTable()
    {
        // 批示加分表 中央 30、省 12：30 + 12 = 42
        var result = Score(Book(Rule(D(2000, 1, 1), bonus: Bonus(central: 30m, provincial: 12m))),
            Instruction(1, 11, D(2026, 10, 2), MediaLevel.Central),
            Instruction(2, 12, D(2026, 10, 2), MediaLevel.Provincial));

        result.PointsOfUnit(UnitA).ShouldBe(42m);
    }

    [Fact]
    public void InstructionBeforePeriod_NotCounted()
    {
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Instruction(1, 11, D(2026, 9, 30), MediaLevel.Central),
            Outlet(2, 11, D(2026, 10, 1), MediaLevel.County));

        // 只有 10月1日县级采用 1 分
        result.Lines.Single().Kind.ShouldBe(ScoreLineKind.Adoption);
        result.PointsOfUnit(UnitA).ShouldBe(1m);
    }

    [Fact]
    public void AdoptionAfterPeriodEnd_Ignored()
    {
        var result = Score(Book(Rule(D(2000, 1, 1))), Outlet(1, 11, D(2027, 1, 1), MediaLevel.Central));

        result.Lines.ShouldBeEmpty();
        result.PointsOfUnit(UnitA).ShouldBe(0m);
    }

    [Fact]
    public void PointsAreSeparatedByUnitAndAuthor()
    {
        // A 单位：作者 A 中央 10；B 单位：作者 B 省级 5 + 县级 1 = 6
        var result = Score(Book(Rule(D(2000, 1, 1))),
            Outlet(1, 11, D(2026, 10, 1), MediaLevel.Central),
            Outlet(2, 12, D(2026, 10, 1), MediaLevel.Provincial, unitId: UnitB, authorId: AuthorB),
            Outlet(3, 13, D(2026, 10, 1), MediaLevel.County, unitId: UnitB, authorId: AuthorB));

        result.PointsOfUnit(UnitA).ShouldBe(10m);
        result.PointsOfUnit(UnitB).ShouldBe(6m);
        result.AuthorPoints[AuthorA].ShouldBe(10m);
        result.AuthorPoints[AuthorB].ShouldBe(6m);
    }
}
