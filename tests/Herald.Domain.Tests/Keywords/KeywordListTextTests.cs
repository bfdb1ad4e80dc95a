using Herald.Domain.Keywords;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Keywords;

public class KeywordListTextTests
{
    [Fact]
    public void Parse_WeightAndCategoryInAnyOrder_DefaultsAndLineNumbers()
    {
        var problems = new List<KeywordListProblem>();
        var lines = new List<int>();
        var text = "# 舆情监测\r\n塌方 5 安全事故\n\n欠薪\t劳资纠纷\n投诉\n维权　群体事件　3\n";

        var entries = KeywordListText.Parse(text, "", problems, lines);

        problems.ShouldBeEmpty();
        entries.ShouldBe([
            new KeywordEntry("塌方", 5, "安全事故"),
            new KeywordEntry("欠薪", 1, "劳资纠纷"),
            new KeywordEntry("投诉", 1, ""),
            new KeywordEntry("维权", 3, "群体事件"),
        ]);
        lines.ShouldBe([2, 4, 5, 6]);
    }

    [Fact]
    public void Parse_TwoWeightsOrTwoCategories_ReportedWithLineAndSkipped()
    {
        var problems = new List<KeywordListProblem>();

        var entries = KeywordListText.Parse("事故 3 4\n爆炸 安全 事故\n火灾 2", "", problems);

        entries.ShouldBe([new KeywordEntry("火灾", 2, "")]);
        problems.Select(p => (p.Code, (int)p.Args[0])).ShouldBe([("KeywordList.BadLine", 1), ("KeywordList.BadLine", 2)]);
    }

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        KeywordEntry[] entries = [new("塌方", 5, "安全事故"), new("投诉", 1, "")];

        var text = KeywordListText.Format(entries);

        text.ShouldBe("塌方 5 安全事故\n投诉 1");
        KeywordListText.Parse(text, "", []).ShouldBe(entries);
    }
}

public class KeywordListRulesTests
{
    private static List<KeywordListProblem> Check(IReadOnlyList<KeywordEntry> entries, KeywordListPurpose purpose = KeywordListPurpose.Watch,
        IReadOnlyList<string>? allow = null, IReadOnlyList<string>? blocking = null) =>
        KeywordListRules.Check(purpose, entries, allow ?? [], blocking ?? []);

    [Fact]
    public void Check_AllProblemsAtOnce_WithNumbers()
    {
        var problems = Check([
            new("塌方", 5, "安全事故"),
            new("", 1, ""),
            new("！！", 1, ""),
            new("爆炸", 0, ""),
            new("塌　方", 2, ""),
            new("维 权", 1, ""),
            new(new string('词', 33), 1, ""),
        ]);

        problems.Select(p => p.Code).ShouldBe([
            "KeywordList.EmptyWord", "KeywordList.Unmatchable", "KeywordList.BadWeight", "KeywordList.HasSpace",
            "KeywordList.HasSpace", "KeywordList.WordTooLong",
        ]);
        problems.Select(p => (int)p.Args[0]).ShouldBe([2, 3, 4, 5, 6, 7]);
    }

    [Fact]
    public void Check_DuplicateAfterNormalisation_PointsToFirst()
    {
        // 繁体、全角与重复字归一化后相同。
        var problems = Check([new("舆情", 1, ""), new("輿情情", 2, "")]);

        problems.Count.ShouldBe(1);
        problems[0].Code.ShouldBe("KeywordList.DuplicateWord");
        problems[0].Args.ShouldBe(new object[] { 2, "輿情情", 1 });
    }

    [Fact]
    public void Check_LineNumbersFromPaste_UsedInProblems()
    {
        var problems = KeywordListRules.Check(KeywordListPurpose.Watch, [new("事故", 1, ""), new("事故", 1, "")], [], [], [3, 9]);

        problems.Single().Args.ShouldBe(new object[] { 9, "事故", 3 });
    }

    [Fact]
    public void Check_BlockingOnWatchList_Rejected() =>
        Check([new("事故", 1, "安全")], KeywordListPurpose.Watch, blocking: ["安全"]).Single().Code.ShouldBe("KeywordList.BlockingOnlySensitive");

    [Fact]
    public void Check_PunctuationOnlyPhrase_Rejected() =>
        Check([], allow: ["过敏感冒", "……"]).Single().Args.ShouldBe(new object[] { 2, "……" });

    [Fact]
    public void Replace_SensitiveList_StoresCanonicalTextAndBlocking()
    {
        var list = KeywordList.Create(" 敏感词 ", KeywordListPurpose.Sensitive, null, 1, new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc));
        var revision = list.Revision;

        list.Replace([new(" 台独 ", 5, "政治"), new("屌丝", 1, "不文明用语")], ["过敏感冒"], [" 政治 ", "政治"], 2,
            new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc));

        (list.Name, list.Words, list.WordCount, list.AllowPhrases, list.BlockingCategories).ShouldBe(
            ("敏感词", "台独 5 政治\n屌丝 1 不文明用语", 2, "过敏感冒", "政治"));
        list.Revision.ShouldBe(revision + 1);
        list.Entries().ShouldBe([new KeywordEntry("台独", 5, "政治"), new KeywordEntry("屌丝", 1, "不文明用语")]);
    }

    [Fact]
    public void Replace_WithProblem_Throws() =>
        Expect.Validation(() => KeywordList.Create("词表", KeywordListPurpose.Watch, null, 1, DateTime.UtcNow)
            .Replace([new("事故", 101, "")], [], [], 1, DateTime.UtcNow), "KeywordList.BadWeight", "words");

    [Fact]
    public void EnsureRevision_Stale_Conflict()
    {
        var list = KeywordList.Create("词表", KeywordListPurpose.Watch, null, 1, DateTime.UtcNow);
        Expect.Conflict(() => list.EnsureRevision(list.Revision + 1), "KeywordList.Stale");
        list.EnsureRevision(list.Revision);
        list.EnsureRevision(null);
    }
}
