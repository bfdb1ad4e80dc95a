using Herald.Domain.Text;

namespace Herald.Domain.Tests.Text;

/// <summary>
/// The reference the engine is checked against: the same semantics done the obvious way.
/// Only the per-code-point folding (<see cref="ChineseNormalizer.NormalizeCodePoint"/>, pinned down by
/// its own table tests) is shared; decoding, the offset map, collapsing, matching and allow-list
/// suppression are written independently here.
/// </summary>
internal static class NaiveKeywordSearch
{
    internal readonly record struct Symbol(int CodePoint, int Start, int End);

    internal readonly record struct Hit(int KeywordId, int Start, int Length);

    public static List<Hit> FindAll(string text, IReadOnlyList<string> keywords, IReadOnlyList<string> allowList)
    {
        var symbols = NormalizeWithMap(text);

        var allowed = new List<(int First, int Last)>();
        foreach (var phrase in allowList)
        {
            var pattern = Sequence(phrase);
            foreach (var p in Occurrences(symbols, pattern))
            {
                allowed.Add((p, p + pattern.Length - 1));
            }
        }

        var hits = new List<Hit>();
        for (var k = 0; k < keywords.Count; k++)
        {
            var pattern = Sequence(keywords[k]);
            foreach (var p in Occurrences(symbols, pattern))
            {
                var last = p + pattern.Length - 1;
                if (allowed.Any(a => a.First <= p && last <= a.Last))
                {
                    continue;
                }
                hits.Add(new Hit(k, symbols[p].Start, symbols[last].End - symbols[p].Start));
            }
        }
        return hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length).ThenBy(h => h.KeywordId).ToList();
    }

    /// <summary>Normalised symbols with the original range each covers (a collapsed run spans all its copies).</summary>
    public static List<Symbol> NormalizeWithMap(string text)
    {
        var symbols = new List<Symbol>();
        var i = 0;
        while (i < text.Length)
        {
            int codePoint = text[i];
            var width = 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                width = 2;
            }
            var n = ChineseNormalizer.NormalizeCodePoint(codePoint);
            if (n != ChineseNormalizer.Skipped)
            {
                if (symbols.Count > 0 && symbols[^1].CodePoint == n)
                {
                    symbols[^1] = symbols[^1] with { End = i + width };
                }
                else
                {
                    symbols.Add(new Symbol(n, i, i + width));
                }
            }
            i += width;
        }
        return symbols;
    }

    public static int[] Sequence(string text) => NormalizeWithMap(text).Select(s => s.CodePoint).ToArray();

    private static IEnumerable<int> Occurrences(List<Symbol> symbols, int[] pattern)
    {
        for (var p = 0; p + pattern.Length <= symbols.Count; p++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = symbols[p + j].CodePoint == pattern[j];
            }
            if (match)
            {
                yield return p;
            }
        }
    }
}
