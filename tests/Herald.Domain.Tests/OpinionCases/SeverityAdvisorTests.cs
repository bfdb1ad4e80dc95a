using Herald.Domain.Opinion.Cases;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.OpinionCases;

/// <summary>score = top item weight + 2×(items−1) + 4×(sources−1) + 3×(items in the last 24 h); ≥12 较大, ≥30 重大, ≥60 特别重大.</summary>
public class SeverityAdvisorTests
{
    private static readonly DateTime Now = TestClock.Now;

    private static ItemSignal Item(string source, double hoursAgo, int weight = 0) => new(source, Now.AddHours(-hoursAgo), weight);

    [Fact]
    public void Suggest_NoItems_GeneralWithZeroScore()
    {
        SeverityAdvisor.Suggest([], Now).ShouldBe(SeveritySuggestion.None);
    }

    [Fact]
    public void Suggest_OneOldItemWeight5_Score5General()
    {
        // 5 + 0 + 0 + 0 (seen 30 h ago)
        SeverityAdvisor.Suggest([Item("微博", 30, 5)], Now).ShouldBe(new SeveritySuggestion(OpinionSeverity.General, 5, 5, 1, 1, 0));
    }

    [Fact]
    public void Suggest_ThreeItemsTwoSourcesAllRecent_Score21Significant()
    {
        // top weight 4; 2×2 items; 4×1 extra source; 3×3 recent = 4 + 4 + 4 + 9 = 21
        var result = SeverityAdvisor.Suggest([Item("微博", 1, 4), Item("微博", 2, 1), Item("抖音", 3, 0)], Now);

        result.ShouldBe(new SeveritySuggestion(OpinionSeverity.Significant, 21, 4, 3, 2, 3));
    }

    [Fact]
    public void Suggest_SourcesComparedIgnoringCaseAndSpaces_OneSource()
    {
        var result = SeverityAdvisor.Suggest([Item("Weibo", 30), Item(" weibo ", 30)], Now);

        (result.SourceCount, result.Score).ShouldBe((1, 2));
    }

    [Fact]
    public void Suggest_SixItemsFourSourcesTwoRecentWeight10_Score38Major()
    {
        // Recent: the items 5 h and 23 h ago (24 h ago is not "in the last 24 h"). 10 + 2×5 + 4×3 + 3×2 = 38.
        var items = new[]
        {
            Item("微博", 5, 10), Item("抖音", 23, 3), Item("论坛", 24), Item("新闻网站", 40), Item("微博", 50), Item("微博", 70),
        };

        SeverityAdvisor.Suggest(items, Now).ShouldBe(new SeveritySuggestion(OpinionSeverity.Major, 38, 10, 6, 4, 2));
    }

    [Fact]
    public void Suggest_ItemFromTheFuture_NotCountedAsRecent()
    {
        SeverityAdvisor.Suggest([Item("微博", -2, 1)], Now).Last24Hours.ShouldBe(0);
    }

    [Theory]
    [InlineData(0, OpinionSeverity.General)]
    [InlineData(11, OpinionSeverity.General)]
    [InlineData(12, OpinionSeverity.Significant)]
    [InlineData(29, OpinionSeverity.Significant)]
    [InlineData(30, OpinionSeverity.Major)]
    [InlineData(59, OpinionSeverity.Major)]
    [InlineData(60, OpinionSeverity.Critical)]
    public void SeverityFor_Thresholds(int score, OpinionSeverity expected) =>
        SeverityAdvisor.SeverityFor(score).ShouldBe(expected);

    [Fact]
    public void Suggest_TwentyItemsFiveSourcesAllRecentWeight20_Critical()
    {
        // 20 + 2×19 + 4×4 + 3×20 = 20 + 38 + 16 + 60 = 134
        var sources = new[] { "a", "b", "c", "d", "e" };
        var items = Enumerable.Range(0, 20).Select(i => Item(sources[i % 5], 1, i == 0 ? 20 : 1)).ToList();

        var result = SeverityAdvisor.Suggest(items, Now);

        (result.Severity, result.Score).ShouldBe((OpinionSeverity.Critical, 134));
    }
}
