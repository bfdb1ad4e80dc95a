using System.Globalization;
using System.Text;

namespace Herald.Domain.Text;

/// <summary>
/// 中文文本归一化：全角转半角（ASCII 区与全角空格）、大小写折叠、繁体转简体（常用字）、跳过分隔符
/// （空白、标点、符号、零宽字符、变体选择符、表情符号），并把连续相同的字符合并为一个。
/// 关键词与正文使用同一套规则，因此“舆*情”“輿情”“舆舆情情”都能命中“舆情”。
/// </summary>
public static class ChineseNormalizer
{
    /// <summary><see cref="NormalizeCodePoint"/> 对分隔符返回此值：该字符在匹配时被跳过。</summary>
    public const int Skipped = -1;

    // One entry per UTF-16 code unit: the normalised BMP character, or 0 for "skip". U+0000 is a
    // control character and therefore skipped itself, so 0 is free to mean "skip". Surrogates map to
    // themselves: callers pair them up and classify the code point with NormalizeSupplementary.
    private static readonly char[] Table = BuildTable();

    /// <summary>
    /// 归一化单个码位：返回归一化后的码位，分隔符返回 <see cref="Skipped"/>。
    /// 孤立的代理项原样返回（视为普通字符，既不跳过也不会与关键词相配）。
    /// </summary>
    public static int NormalizeCodePoint(int codePoint)
    {
        if ((uint)codePoint <= 0xFFFF)
        {
            var n = Table[codePoint];
            return n == 0 ? Skipped : n;
        }
        return NormalizeSupplementary(codePoint);
    }

    /// <summary>归一化整段文本（含连续重复字符合并），用于关键词展示、去重键与相似度计算。</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var previous = Skipped;
        for (var i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            var n = NormalizeCodePoint(cp);
            if (n == Skipped || n == previous)
            {
                continue;
            }
            previous = n;
            if (n <= 0xFFFF)
            {
                sb.Append((char)n);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(n));
            }
        }
        return sb.ToString();
    }

    /// <summary>Normalised character of one UTF-16 code unit, or '\0' when it is skipped (internal fast path).</summary>
    internal static char NormalizeUnit(char c) => Table[c];

    /// <summary>
    /// Supplementary-plane code points (emoji, CJK extension B…) are not folded, only classified:
    /// symbols, marks and format characters there are separators like their BMP cousins, so
    /// "舆😀情" still reads as 舆情.
    /// </summary>
    internal static int NormalizeSupplementary(int codePoint) =>
        IsSeparator(CharUnicodeInfo.GetUnicodeCategory(codePoint)) ? Skipped : codePoint;

    private static char[] BuildTable()
    {
        var traditional = TraditionalChineseTable.Traditional;
        var simplified = TraditionalChineseTable.Simplified;
        var toSimplified = new char[0x10000];
        for (var i = 0; i < traditional.Length; i++)
        {
            toSimplified[traditional[i]] = simplified[i];
        }

        var table = new char[0x10000];
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                table[c] = ch;
                continue;
            }
            // Width, case and script folding feed into each other (Ｗ → W → w), so iterate to a
            // fixed point; every step maps to a "smaller" form, two or three rounds suffice.
            var n = ch;
            for (var round = 0; round < 4; round++)
            {
                var next = Fold(n, toSimplified);
                if (next == n)
                {
                    break;
                }
                n = next;
            }
            var skip = IsSeparator(CharUnicodeInfo.GetUnicodeCategory(ch))
                       || IsSeparator(CharUnicodeInfo.GetUnicodeCategory(n));
            table[c] = skip ? '\0' : n;
        }
        return table;
    }

    private static char Fold(char c, char[] toSimplified)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0); // full-width ASCII block → ASCII
        }
        else if (c == '\u3000')
        {
            c = ' '; // ideographic space
        }
        c = char.ToLowerInvariant(c);
        var s = toSimplified[c];
        return s == '\0' ? c : s;
    }

    /// <summary>
    /// What an evader can sprinkle between characters without changing how a reader reads them:
    /// whitespace, punctuation, symbols (incl. emoji), controls, format characters (zero-width
    /// space/joiners, BOM, word joiner) and combining marks (variation selectors).
    /// </summary>
    private static bool IsSeparator(UnicodeCategory category) => category switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Control or UnicodeCategory.Format => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
