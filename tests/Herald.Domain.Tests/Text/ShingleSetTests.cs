using Herald.Domain.Text;

namespace Herald.Domain.Tests.Text;

public class ShingleSetTests
{
    [Fact]
    public void Jaccard_SameText_One()
    {
        ShingleSet.Jaccard("关于开展舆情处置演练的通知", "关于开展舆情处置演练的通知").ShouldBe(1.0);
    }

    [Fact]
    public void Jaccard_DiffersOnlyInPunctuationWidthAndScript_One()
    {
        ShingleSet.Jaccard("開展輿情處置演練的通知！", "开展 舆情处置演练的通知").ShouldBe(1.0);
    }

    [Fact]
    public void Jaccard_OneShingleDifferent_ExactRatio()
    {
        // 舆情处 情处置 处置机 置机制 vs 舆情处 情处置 处置机 置机构: 3 shared of 5.
        ShingleSet.Jaccard("舆情处置机制", "舆情处置机构").ShouldBe(0.6, 1e-12);
    }

    [Fact]
    public void Jaccard_NothingShared_Zero()
    {
        ShingleSet.Jaccard("今天天气很好", "舆情处置机制").ShouldBe(0.0);
    }

    [Fact]
    public void Jaccard_BothEmpty_One()
    {
        ShingleSet.Jaccard("", "。。").ShouldBe(1.0);
    }

    [Fact]
    public void Jaccard_OneEmpty_Zero()
    {
        ShingleSet.Jaccard("", "舆情").ShouldBe(0.0);
    }

    [Fact]
    public void Of_ShortText_OneShingle()
    {
        ShingleSet.Of("舆情").Count.ShouldBe(1);
        ShingleSet.Jaccard("舆情", "輿情").ShouldBe(1.0);
        ShingleSet.Jaccard("舆情", "舆论").ShouldBe(0.0);
    }

    [Fact]
    public void Of_RepeatedShingles_CountedOnce()
    {
        ShingleSet.Of("舆情处舆情处").Count.ShouldBe(3); // 舆情处 情处舆 处舆情
    }

    [Fact]
    public void Of_SurrogatePairs_OneCharacterEach()
    {
        ShingleSet.Of("𠮷野家").Count.ShouldBe(1);
        ShingleSet.Jaccard("去𠮷野家", "去𠮷野家").ShouldBe(1.0);
    }

    [Theory]
    [InlineData(1.0, Resemblance.Duplicate)]
    [InlineData(0.8, Resemblance.Duplicate)]
    [InlineData(0.79, Resemblance.Similar)]
    [InlineData(0.5, Resemblance.Similar)]
    [InlineData(0.49, Resemblance.Different)]
    [InlineData(0.0, Resemblance.Different)]
    public void Classify_DefaultThresholds_PerDesign(double jaccard, Resemblance expected)
    {
        ShingleSet.Classify(jaccard).ShouldBe(expected);
    }

    [Fact]
    public void Classify_RepostWithSmallEdit_Duplicate()
    {
        const string original = "某县发布通报：针对网民反映的某小区供水问题，县住建局已于今日上午组织人员现场核查，预计明日恢复正常供水。";
        const string repost = "【转】某县发布通报：针对网民反映的某小区供水问题，县住建局已于今日上午组织人员现场核查，预计明日恢复供水。";

        ShingleSet.Classify(ShingleSet.Jaccard(original, repost)).ShouldBe(Resemblance.Duplicate);
    }
}
