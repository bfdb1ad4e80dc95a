using Herald.Domain.Common;
using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Scoring.ScoringBuilders;

namespace Herald.Domain.Tests.Scoring;

/// <summary>规则版本：按日期选版本；跨生效日的时期，各次采用、各月任务按各自日期有效的版本计分。</summary>
public sealed class RuleVersionTests
{
    [Fact]
    public void RuleFor_LatestVersionEffectiveOnOrBeforeTheDate()
    {
        var first = Rule(D(2000, 1, 1), note: "一");
        var second = Rule(D(2026, 7, 1), note: "二");
        var book = Book(second, first);

        book.RuleFor(D(2026, 6, 30)).Note.ShouldBe("一");
        book.RuleFor(D(2026, 7, 1)).Note.ShouldBe("二");
        book.RuleFor(D(2030, 1, 1)).Note.ShouldBe("二");
        book.Versions.Select(v => v.Note).ShouldBe(["一", "二"]);
    }

    [Fact]
    public void RuleFor_SameDayVersions_LastCreatedWins()
    {
        var morning = Rule(D(2026, 7, 1), note: "上午", createdAt: new DateTime(2026, 6, 20, 1, 0, 0, DateTimeKind.Utc));
        var afternoon = Rule(D(2026, 7, 1), note: "下午", createdAt: new DateTime(2026, 6, 20, 7, 0, 0, DateTimeKind.Utc));
        var book = Book(afternoon, morning, Rule(D(2000, 1, 1), note: "旧"));

        book.RuleFor(D(2026, 7, 1)).Note.ShouldBe("下午");
        book.RuleFor(D(2026, 6, 30)).Note.ShouldBe("旧");
    }

    [Fact]
    public void RuleFor_DateBeforeTheFirstVersion_UsesTheFirstVersion()
    {
        var book = Book(Rule(D(2026, 1, 1), note: "首版"), Rule(D(2026, 6, 1), note: "二版"));

        book.RuleFor(D(2025, 12, 31)).Note.ShouldBe("首版");
    }

    [Fact]
    public void RuleBook_NoVersions_Refused()
    {
        Expect.Conflict(() => _ = new RuleBook([]), "Scoring.NoRules");
    }

    [Fact]
    public void Period_SpanningANewVersion_EachAdoptionScoredByItsOwnVersion()
    {
        // 版本一（默认，中央 10）至10月31日；版本二 自11月1日：中央 12、头版 ×3、累计。
        // 10月20日 中央头版 → 10×2 = 20（版本一）；11月5日 另一篇 中央头版 → 12×3 = 36（版本二）。
        // 稿件 11 在11月6日再被中央采用：版本二为累计 → 12。合计 20+36+12 = 68
        var v1 = Rule(D(2000, 1, 1));
        var v2 = Rule(D(2026, 11, 1), Table((level, _) => level == MediaLevel.Central ? 12m : 1m), multiplier: 3m, mode: MultiAdoptionMode.Sum);
        var result = ScoreCalculator.Calculate(Book(v1, v2), D(2026, 10, 1), D(2026, 12, 31),
            [
                Outlet(1, 11, D(2026, 10, 20), MediaLevel.Central, frontPage: true),
                Outlet(2, 12, D(2026, 11, 5), MediaLevel.Central, frontPage: true),
                Outlet(3, 11, D(2026, 11, 6), MediaLevel.Central),
            ], [], []);

        result.Lines.Select(l => (l.AdoptionId, l.RuleEffectiveFrom, l.Points)).ShouldBe(
        [
            ((long?)1, D(2000, 1, 1), 20m),
            ((long?)2, D(2026, 11, 1), 36m),
            ((long?)3, D(2026, 11, 1), 12m),
        ]);
        result.PointsOfUnit(UnitA).ShouldBe(68m);
    }

    [Fact]
    public void Period_SpanningANewVersion_QuotaByTheVersionInForceAtMonthEnd()
    {
        // 版本一：任务 2，少 1 扣 1；版本二 自11月1日：任务 3，少 1 扣 2。每月各报 1 篇。
        // 10月（版本一）少 1 → −1；11月、12月（版本二）各少 2 → −4、−4。合计 −9
        var v1 = Rule(D(2000, 1, 1), quota: 2, missingPenalty: 1m);
        var v2 = Rule(D(2026, 11, 1), quota: 3, missingPenalty: 2m);
        var result = ScoreCalculator.Calculate(Book(v1, v2), D(2026, 10, 1), D(2026, 12, 31), [],
            [Submitted(1, D(2026, 10, 5)), Submitted(2, D(2026, 11, 5)), Submitted(3, D(2026, 12, 5))], [UnitA]);

        result.Lines.Select(l => (l.Date, l.Quota, l.Missing, l.Points, l.RuleEffectiveFrom)).ShouldBe(
        [
            (D(2026, 10, 31), 2, 1, -1m, D(2000, 1, 1)),
            (D(2026, 11, 30), 3, 2, -4m, D(2026, 11, 1)),
            (D(2026, 12, 31), 3, 2, -4m, D(2026, 11, 1)),
        ]);
        result.PointsOfUnit(UnitA).ShouldBe(-9m);
    }

    [Fact]
    public void Period_SpanningANewVersion_LatePenaltyByTheSubmissionDate()
    {
        // 版本一迟报不扣；版本二 自11月1日起每篇扣 1。10月迟报不扣，11月迟报 −1。
        var v1 = Rule(D(2000, 1, 1));
        var v2 = Rule(D(2026, 11, 1), latePenalty: 1m);
        var result = ScoreCalculator.Calculate(Book(v1, v2), D(2026, 10, 1), D(2026, 11, 30), [],
            [Submitted(1, D(2026, 10, 31), late: true), Submitted(2, D(2026, 11, 1), late: true)], []);

        result.Lines.Select(l => (l.ManuscriptId, l.Points)).ShouldBe([((long?)2, -1m)]);
    }

    [Fact]
    public void HighestOnly_AcrossVersions_ComparesWithTheValueCountedUnderTheEarlierVersion()
    {
        // 版本一：省级 5；版本二（自11月1日）：省级 8，只计最高。10月 省级 5；11月 另一省级 8 → 8−5 = 3。
        var v1 = Rule(D(2000, 1, 1));
        var v2 = Rule(D(2026, 11, 1), Table((level, _) => level == MediaLevel.Provincial ? 8m : 1m));
        var result = ScoreCalculator.Calculate(Book(v1, v2), D(2026, 10, 1), D(2026, 11, 30),
            [Outlet(1, 11, D(2026, 10, 10), MediaLevel.Provincial), Outlet(2, 11, D(2026, 11, 10), MediaLevel.Provincial)], [], []);

        result.Lines.Select(l => (l.Points, l.AlreadyCounted)).ShouldBe([(5m, 0m), (3m, 5m)]);
    }
}
