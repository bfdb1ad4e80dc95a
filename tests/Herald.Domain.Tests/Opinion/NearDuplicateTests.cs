using Herald.Domain.Opinion;
using Herald.Domain.Text;

namespace Herald.Domain.Tests.Opinion;

public class NearDuplicateTests
{
    // 50 个互不相同的字：48 个互不相同的 3-gram。
    private const string Text = "春夏秋冬东南西北上下左右前后天地日月星辰山川河海风云雷电金木水火土花草树林江湖鸟兽虫鱼米面油盐酱醋茶";

    private static string Replace(string text, int index, char c) => text[..index] + c + text[(index + 1)..];

    private static ShingleSet Set(string text) => ShingleSet.Of(text);

    [Fact]
    public void BandKeys_SameText_SameTwentyDistinctKeys()
    {
        var a = DuplicateSignature.BandKeys(Set(Text));
        var b = DuplicateSignature.BandKeys(Set("  " + Text + "。"));

        a.Length.ShouldBe(DuplicateSignature.Bands);
        a.Distinct().Count().ShouldBe(DuplicateSignature.Bands);
        b.ShouldBe(a);
    }

    [Fact]
    public void BandKeys_OneCharChanged_ShareAKey_ReversedTextSharesNone()
    {
        var keys = DuplicateSignature.BandKeys(Set(Text)).ToHashSet();

        DuplicateSignature.BandKeys(Set(Replace(Text, 25, '甲'))).Count(keys.Contains).ShouldBeGreaterThan(0);
        // 倒序的文本没有一个相同的 3-gram（Jaccard 为 0）。
        DuplicateSignature.BandKeys(Set(new string(Text.Reverse().ToArray()))).Count(keys.Contains).ShouldBe(0);
    }

    [Fact]
    public void BandKeys_PunctuationOnly_NoKeys() =>
        DuplicateSignature.BandKeys(Set("……！！ ")).ShouldBeEmpty();

    [Fact]
    public void Best_PicksMostSimilarAtOrAboveThreshold()
    {
        var item = Set(Text);
        var oneChange = new DuplicateCandidate(5, null, Set(Replace(Text, 25, '甲')));                         // 45/51
        var twoChanges = new DuplicateCandidate(3, null, Set(Replace(Replace(Text, 10, '甲'), 30, '乙')));     // 42/54
        var member = new DuplicateCandidate(9, 2, Set(Text));                                                 // 1.0，组首为 2

        NearDuplicates.Best(item, [oneChange, twoChanges], 0.8).ShouldBe(oneChange);
        NearDuplicates.Best(item, [twoChanges], 0.8).ShouldBeNull();
        NearDuplicates.Best(item, [twoChanges], 0.75).ShouldBe(twoChanges);
        var best = NearDuplicates.Best(item, [oneChange, member], 0.8);
        best.ShouldBe(member);
        best!.GroupId.ShouldBe(2);
    }

    [Fact]
    public void Best_EqualScores_EarlierGroupWins()
    {
        var item = Set(Text);
        var later = new DuplicateCandidate(8, null, Set(Text));
        var earlier = new DuplicateCandidate(7, 4, Set(Text));

        NearDuplicates.Best(item, [later, earlier], 0.8).ShouldBe(earlier);
    }

    [Fact]
    public void Best_ExactlyAtThreshold_IsDuplicate()
    {
        // 11 个字，换最后一个：共有 8 个 3-gram，并集 10 个。
        var text = Text[..11];
        var candidate = new DuplicateCandidate(1, null, Set(text[..10] + "丙"));

        NearDuplicates.Best(Set(text), [candidate], 0.8).ShouldBe(candidate);
    }

    [Fact]
    public void TextOf_JoinsTitleAndContent() =>
        (NearDuplicates.TextOf("标题", "正文"), NearDuplicates.TextOf(null, "正文")).ShouldBe(("标题\n正文", "正文"));
}
