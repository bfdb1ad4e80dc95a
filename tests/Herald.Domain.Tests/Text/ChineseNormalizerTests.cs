using Herald.Domain.Text;

namespace Herald.Domain.Tests.Text;

public class ChineseNormalizerTests
{
    [Theory]
    [InlineData('Ａ', 'a')]
    [InlineData('ｚ', 'z')]
    [InlineData('Q', 'q')]
    [InlineData('５', '5')]
    [InlineData('輿', '舆')]
    [InlineData('體', '体')]
    [InlineData('開', '开')]
    [InlineData('薴', '苎')] // chain 薴→苧→苎 resolved
    [InlineData('乾', '乾')] // kept: OpenCC leaves it unchanged in some words (乾隆)
    [InlineData('於', '於')]
    [InlineData('舆', '舆')]
    [InlineData('〇', '〇')]
    [InlineData('々', '々')]
    public void NormalizeCodePoint_FoldedCharacter_MapsToNormalForm(char input, char expected)
    {
        ChineseNormalizer.NormalizeCodePoint(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\u3000')] // ideographic space
    [InlineData('\u00A0')]
    [InlineData('*')]
    [InlineData('＊')]
    [InlineData('·')]
    [InlineData('-')]
    [InlineData('_')]
    [InlineData('|')]
    [InlineData('。')]
    [InlineData('，')]
    [InlineData('、')]
    [InlineData('《')]
    [InlineData('★')]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('\u2060')]
    [InlineData('\uFEFF')]
    [InlineData('\uFE0F')]
    [InlineData('\u00AD')] // soft hyphen
    public void NormalizeCodePoint_Separator_Skipped(char input)
    {
        ChineseNormalizer.NormalizeCodePoint(input).ShouldBe(ChineseNormalizer.Skipped);
    }

    [Theory]
    [InlineData(0x1F600)] // 😀
    [InlineData(0x1F3FB)] // skin tone modifier
    [InlineData(0xE0101)] // variation selector supplement
    public void NormalizeCodePoint_SupplementarySymbol_Skipped(int codePoint)
    {
        ChineseNormalizer.NormalizeCodePoint(codePoint).ShouldBe(ChineseNormalizer.Skipped);
    }

    [Theory]
    [InlineData(0x20BB7)] // 𠮷, CJK extension B
    [InlineData(0x20000)]
    public void NormalizeCodePoint_SupplementaryIdeograph_Unchanged(int codePoint)
    {
        ChineseNormalizer.NormalizeCodePoint(codePoint).ShouldBe(codePoint);
    }

    [Theory]
    [InlineData("網絡輿情，Ｈｅｌｌｏ！", "网络舆情helo")]
    [InlineData("舆舆*情情", "舆情")]
    [InlineData("😀𠮷野家😀", "𠮷野家")]
    [InlineData(" \u200B。", "")]
    public void Normalize_Text_FoldsSkipsAndCollapses(string input, string expected)
    {
        ChineseNormalizer.Normalize(input).ShouldBe(expected);
    }

    [Fact]
    public void NormalizeCodePoint_EveryBmpCharacter_Idempotent()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var n = ChineseNormalizer.NormalizeCodePoint(c);
            if (n != ChineseNormalizer.Skipped)
            {
                ChineseNormalizer.NormalizeCodePoint(n).ShouldBe(n, $"U+{c:X4}");
            }
        }
    }
}
