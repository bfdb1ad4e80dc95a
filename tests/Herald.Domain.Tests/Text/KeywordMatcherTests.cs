using Herald.Domain.Text;

namespace Herald.Domain.Tests.Text;

public class KeywordMatcherTests
{
    private static readonly KeywordMatcher Matcher = KeywordMatcher.Build(
    [
        new("舆情", "关注", 3),
        new("敏感", "关注", 1),
        new("他妈", "不文明", 2),
        new("妈的", "不文明", 2),
        new("他妈的", "不文明", 5),
        new("abc", "字母", 1),
        new("12345", "数字", 1),
        new("𠮷野家", "扩展B", 1),
    ], allowList: ["过敏感冒"]);

    /// <summary>
    /// Texts with traps and the exact hits, as "keyword start length" in UTF-16 units of the original.
    /// Keyed by an ASCII name so test names never carry lone surrogates or invisible characters.
    /// </summary>
    private static readonly Dictionary<string, (string Text, string[] Hits)> Cases = new()
    {
        ["plain"] = ("网络舆情", ["舆情 2 2"]),
        ["asterisk"] = ("舆*情", ["舆情 0 3"]),
        ["space"] = ("舆 情", ["舆情 0 3"]),
        ["zero-width-space"] = ("舆\u200B情", ["舆情 0 3"]),
        ["zero-width-joiners-and-bom"] = ("舆\u200C\u200D\u2060\uFEFF情", ["舆情 0 6"]),
        ["ideographic-space"] = ("舆\u3000情", ["舆情 0 3"]),
        ["variation-selector"] = ("舆\uFE0F情", ["舆情 0 3"]),
        ["middle-dot"] = ("舆·情", ["舆情 0 3"]),
        ["several-separators"] = ("舆_-|情", ["舆情 0 5"]),
        ["cjk-punctuation"] = ("舆、「情」", ["舆情 0 4"]),
        ["full-width-punctuation"] = ("舆＊情！", ["舆情 0 3"]),
        ["full-width-letters"] = ("ＡＢＣ", ["abc 0 3"]),
        ["mixed-case"] = ("xAbCx", ["abc 1 3"]),
        ["full-width-mixed-case-spaced"] = ("Ａb c", ["abc 0 4"]),
        ["full-width-digits"] = ("电话１２３４５号", ["12345 2 5"]),
        ["traditional"] = ("輿情", ["舆情 0 2"]),
        ["traditional-in-sentence"] = ("網絡輿情監測", ["舆情 2 2"]),
        ["repeated-both"] = ("舆舆情情", ["舆情 0 4"]),
        ["repeated-across-separator"] = ("舆*舆情", ["舆情 0 4"]),
        ["repeat-swallowed-into-hit"] = ("舆情情况", ["舆情 0 3"]),
        ["twice"] = ("舆情舆情", ["舆情 0 2", "舆情 2 2"]),
        ["overlapping"] = ("他妈的", ["他妈的 0 3", "他妈 0 2", "妈的 1 2"]),
        ["overlapping-repeated"] = ("他他妈妈的的", ["他妈的 0 6", "他妈 0 4", "妈的 2 4"]),
        ["overlapping-separated"] = ("他*妈 的", ["他妈的 0 5", "他妈 0 3", "妈的 2 3"]),
        ["allow-listed"] = ("过敏感冒", []),
        ["allow-listed-spaced"] = ("过 敏*感 冒", []),
        ["allow-listed-traditional-repeat"] = ("過敏敏感冒", []),
        ["allow-prefix-only"] = ("过敏感", ["敏感 1 2"]),
        ["allow-suffix-only"] = ("敏感冒", ["敏感 0 2"]),
        ["allow-then-real-hit"] = ("过敏感冒了很敏感", ["敏感 6 2"]),
        ["starts-and-ends-with-separators"] = ("**舆情**", ["舆情 2 2"]),
        ["leading-spaces-trailing-period"] = ("  舆情。", ["舆情 2 2"]),
        ["only-separators"] = ("*· \u200B", []),
        ["empty"] = ("", []),
        ["near-miss"] = ("舆论情况", []),
        ["emoji-around"] = ("😀舆情😀", ["舆情 2 2"]),
        ["emoji-between"] = ("舆😀情", ["舆情 0 4"]),
        ["emoji-between-hits"] = ("舆情😀敏感", ["舆情 0 2", "敏感 4 2"]),
        ["emoji-zwj-sequence-between"] = ("舆👨\u200D👩\u200D👧情", ["舆情 0 10"]),
        ["ext-b-keyword"] = ("𠮷野家", ["𠮷野家 0 4"]),
        ["ext-b-in-sentence"] = ("去𠮷野家吃饭", ["𠮷野家 1 4"]),
        ["ext-b-spaced"] = ("𠮷 野家", ["𠮷野家 0 5"]),
        ["ext-b-neighbour-is-not-a-separator"] = ("舆𠀀情", []),
        ["lone-high-surrogate-breaks"] = ("舆\uD800情", []),
        ["lone-low-surrogate-breaks"] = ("舆\uDC00情", []),
        ["lone-surrogate-next-to-hit"] = ("\uDC00舆情\uD800", ["舆情 1 2"]),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FindAll_TrapText_ExactHitsInOriginalOffsets(string name)
    {
        var (text, expected) = Cases[name];

        var hits = Matcher.FindAll(text);

        hits.Select(h => $"{h.Keyword.Text} {h.Start} {h.Length}").ShouldBe(expected, name);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void FindAll_TrapText_AgreesWithNaiveReference(string name)
    {
        var text = Cases[name].Text;

        var expected = NaiveKeywordSearch.FindAll(text, Matcher.Keywords.Select(k => k.Text).ToList(), Matcher.AllowList);

        Matcher.FindAll(text).Select(h => new NaiveKeywordSearch.Hit(h.Keyword.Id, h.Start, h.Length)).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ContainsAny_TrapText_TrueExactlyWhenThereAreHits(string name)
    {
        var (text, expected) = Cases[name];

        Matcher.ContainsAny(text).ShouldBe(expected.Length > 0);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Count_TrapTextWithoutAllowList_NumberOfHits(string name)
    {
        var text = Cases[name].Text;
        var withoutAllowList = KeywordMatcher.Build(Matcher.Keywords.Select(k => new KeywordDefinition(k.Text)));

        withoutAllowList.Count(text).ShouldBe(withoutAllowList.FindAll(text).Count);
        Matcher.Count(text).ShouldBe(Cases[name].Hits.Length);
    }

    [Fact]
    public void FindAll_Hit_CarriesKeywordCategoryAndWeight()
    {
        var hit = Matcher.FindAll("关注輿情").ShouldHaveSingleItem();

        hit.Keyword.Text.ShouldBe("舆情");
        hit.Keyword.Category.ShouldBe("关注");
        hit.Keyword.Weight.ShouldBe(3);
        hit.Keyword.Id.ShouldBe(0);
        hit.Slice("关注輿情").ShouldBe("輿情");
    }

    [Fact]
    public void FindAll_HitsSpanningSurrogates_NeverSplitAPair()
    {
        const string text = "😀舆😀情😀𠮷野😀家😀";

        var hits = Matcher.FindAll(text);

        hits.Count.ShouldBe(2);
        foreach (var hit in hits)
        {
            char.IsLowSurrogate(text[hit.Start]).ShouldBeFalse();
            char.IsHighSurrogate(text[hit.End - 1]).ShouldBeFalse();
        }
        hits.Select(h => h.Slice(text)).ShouldBe(["舆😀情", "𠮷野😀家"]);
    }

    [Fact]
    public void ContainsAny_WithoutAllowList_StopsAtFirstHit()
    {
        var matcher = KeywordMatcher.Build([new("舆情")]);

        matcher.ContainsAny("今天的舆·情").ShouldBeTrue();
        matcher.ContainsAny("今天的舆论").ShouldBeFalse();
    }

    [Fact]
    public void Mask_OverlappingHits_MergedAndOneMaskPerCharacter()
    {
        Matcher.Mask("你他妈的😀舆情报告").ShouldBe("你＊＊＊😀＊＊报告");
    }

    [Fact]
    public void Mask_SurrogatePairInsideHit_MaskedAsOneCharacter()
    {
        Matcher.Mask("舆😀情!", '*').ShouldBe("***!");
    }

    [Fact]
    public void Mask_NoHits_ReturnsSameText()
    {
        const string text = "过敏感冒";

        Matcher.Mask(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void FindAll_KeywordsEqualAfterNormalisation_BothReported()
    {
        var matcher = KeywordMatcher.Build([new("舆情", "A"), new("輿 情", "B")]);

        var hits = matcher.FindAll("舆情");

        hits.Select(h => (h.Keyword.Category, h.Start, h.Length)).ShouldBe([("A", 0, 2), ("B", 0, 2)]);
        matcher.Keywords[1].Normalized.ShouldBe("舆情");
    }

    [Fact]
    public void FindAll_KeywordWithRepeats_CollapsedLikeText()
    {
        var matcher = KeywordMatcher.Build([new("哈哈哈")]);

        matcher.FindAll("哈").ShouldHaveSingleItem().Length.ShouldBe(1);
        matcher.FindAll("哈哈").ShouldHaveSingleItem().Length.ShouldBe(2);
        matcher.Keywords[0].Normalized.ShouldBe("哈");
    }

    [Fact]
    public void FindAll_SingleCharacterKeywordAndLongerOne_BothReported()
    {
        var matcher = KeywordMatcher.Build([new("毒"), new("毒品"), new("品")]);

        matcher.FindAll("吸毒品").Select(h => $"{h.Keyword.Text} {h.Start} {h.Length}")
            .ShouldBe(["毒品 1 2", "毒 1 1", "品 2 1"]);
    }

    [Fact]
    public void FindAll_ReusedList_ClearedAndRefilled()
    {
        var hits = new List<KeywordHit>();

        Matcher.FindAll("舆情", hits);
        Matcher.FindAll("敏感和他妈", hits);

        hits.Select(h => h.Keyword.Text).ShouldBe(["敏感", "他妈"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("***")]
    [InlineData(" \u200B ")]
    [InlineData("😀")]
    public void Build_KeywordWithoutMatchableCharacters_Rejected(string keyword)
    {
        Should.Throw<ArgumentException>(() => KeywordMatcher.Build([new(keyword)]));
    }

    [Fact]
    public void Build_AllowPhraseWithoutMatchableCharacters_Rejected()
    {
        Should.Throw<ArgumentException>(() => KeywordMatcher.Build([new("舆情")], ["、、"]));
    }

    [Fact]
    public void Build_KeywordWithLoneSurrogate_Rejected()
    {
        Should.Throw<ArgumentException>(() => KeywordMatcher.Build([new("舆\uD800")]));
    }

    [Fact]
    public void Build_NoKeywords_MatchesNothing()
    {
        var matcher = KeywordMatcher.Build([]);

        matcher.FindAll("舆情").ShouldBeEmpty();
        matcher.ContainsAny("舆情").ShouldBeFalse();
        matcher.StateCount.ShouldBe(1);
    }

    [Fact]
    public void FindAll_ConcurrentScans_SameResultsAsSequential()
    {
        var texts = Cases.Values.Select(c => c.Text).ToArray();
        var expected = texts.Select(t => string.Join(";", Matcher.FindAll(t))).ToArray();

        var results = new string[2000];
        Parallel.For(0, results.Length, i =>
        {
            var t = texts[i % texts.Length];
            results[i] = string.Join(";", Matcher.FindAll(t));
            Matcher.ContainsAny(t).ShouldBe(results[i].Length > 0);
        });

        for (var i = 0; i < results.Length; i++)
        {
            results[i].ShouldBe(expected[i % texts.Length]);
        }
    }
}
