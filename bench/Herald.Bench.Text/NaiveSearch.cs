using Herald.Domain.Text;

namespace Herald.Bench.Text;

/// <summary>
/// The comparison point: normalise the text once, then an ordinal IndexOf loop per keyword, counting
/// overlapping occurrences. Same semantics as the engine without allow-list (offsets not mapped back).
/// </summary>
public static class NaiveSearch
{
    public static int Count(string text, string[] normalizedKeywords)
    {
        var normalized = ChineseNormalizer.Normalize(text);
        var hits = 0;
        foreach (var keyword in normalizedKeywords)
        {
            for (var at = normalized.IndexOf(keyword, StringComparison.Ordinal);
                 at >= 0;
                 at = normalized.IndexOf(keyword, at + 1, StringComparison.Ordinal))
            {
                hits++;
            }
        }
        return hits;
    }
}
