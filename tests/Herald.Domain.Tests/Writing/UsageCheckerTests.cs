using Herald.Domain.Keywords;
using Herald.Domain.Writing;

namespace Herald.Domain.Tests.Writing;

public class UsageCheckerTests
{
    private static readonly UsageChecker Checker = new([
        new UsageEntry("十九届四中全会", "党的十九届四中全会", "首次出现写全称", "会议名称"),
        new UsageEntry("二十大", "党的二十大", "", "会议名称"),
        new UsageEntry("习近平新时代中国特色思想", "习近平新时代中国特色社会主义思想", "", "理论表述"),
        new UsageEntry("一带一路战略", "“一带一路”倡议"),
    ]);

    [Fact]
    public void Find_WrongForms_OffsetsIntoOriginalTextWithSuggestion()
    {
        const string text = "认真学习二十大精神，贯彻一带一路战略。";

        var hits = Checker.Find(text);

        hits.Select(h => (h.Text, h.Rule.Correct, h.Start)).ShouldBe([("二十大", "党的二十大", 4), ("一带一路战略", "“一带一路”倡议", 12)]);
        hits.ShouldAllBe(h => text.Substring(h.Start, h.Length) == h.Text);
    }

    [Fact]
    public void Find_CorrectFormContainingWrongForm_NotReported()
    {
        Checker.Find("深入学习贯彻党的二十大和党的十九届四中全会精神").ShouldBeEmpty();
    }

    [Fact]
    public void Find_WrongFormWithSpacesOrTraditionalCharacters_StillFoundAndHighlightedInPlace()
    {
        const string text = "學習 二 十 大 精神";

        var hit = Checker.Find(text).ShouldHaveSingleItem();

        text.Substring(hit.Start, hit.Length).ShouldBe("二 十 大");
        hit.Rule.Correct.ShouldBe("党的二十大");
    }

    [Fact]
    public void Find_EmptyRuleBook_NothingFound()
    {
        UsageChecker.Empty.Find("二十大").ShouldBeEmpty();
    }
}

public class UsageRuleTextTests
{
    [Fact]
    public void Parse_PipesFullWidthPipesAndTabs_OptionalNoteAndCategory()
    {
        var problems = new List<KeywordListProblem>();
        var lines = new List<int>();

        var entries = UsageRuleText.Parse("# 会议\n二十大 | 党的二十大 | 前加“党的” | 会议名称\n\n人大主任｜人大常委会主任\n弱智\t智力障碍者\t禁用词", problems, lines);

        problems.ShouldBeEmpty();
        entries.ShouldBe([
            new UsageEntry("二十大", "党的二十大", "前加“党的”", "会议名称"),
            new UsageEntry("人大主任", "人大常委会主任"),
            new UsageEntry("弱智", "智力障碍者", "禁用词"),
        ]);
        lines.ShouldBe([2, 4, 5]);
    }

    [Fact]
    public void Format_ThenParse_SameEntries()
    {
        UsageEntry[] entries = [new("二十大", "党的二十大", "前加“党的”", "会议名称"), new("人大主任", "人大常委会主任"), new("弱智", "智力障碍者", "", "禁用词")];

        UsageRuleText.Parse(UsageRuleText.Format(entries), [], []).ShouldBe(entries);
    }

    [Fact]
    public void Parse_LineWithoutCorrectForm_ReportedWithLineNumber()
    {
        var problems = new List<KeywordListProblem>();

        UsageRuleText.Parse("二十大\n十九大|党的十九大", problems, []).ShouldHaveSingleItem();

        problems.ShouldBe([new KeywordListProblem("rules", "Usage.BadLine", 1, "二十大")], new ProblemComparer());
    }

    [Fact]
    public void Check_DuplicateSameAsCorrectAndEmpty_AllReportedAtOnce()
    {
        UsageEntry[] entries = [new("二十大", "党的二十大"), new("二 十 大", "党的二十大"), new("宣传部长", "宣传部部长"), new("", "党的十九大")];

        var problems = UsageRules.Check(entries);

        problems.Select(p => p.Code).ShouldBe(["Usage.Duplicate", "Usage.SameAsCorrect", "Usage.Incomplete"]);
        problems[0].Args.ShouldBe([2, "二 十 大", 1]);
    }

    private sealed class ProblemComparer : IEqualityComparer<KeywordListProblem>
    {
        public bool Equals(KeywordListProblem? x, KeywordListProblem? y) =>
            x!.Field == y!.Field && x.Code == y.Code && x.Args.SequenceEqual(y.Args);

        public int GetHashCode(KeywordListProblem obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
