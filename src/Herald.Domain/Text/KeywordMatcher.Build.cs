using System.Text;

namespace Herald.Domain.Text;

public sealed partial class KeywordMatcher
{
    /// <summary>
    /// 由关键词（原文、分类、权重）与可选的白名单短语构建匹配器。
    /// 归一化后为空的关键词或短语（如只有标点）会被拒绝。归一化后相同的两个关键词各自报告命中。
    /// </summary>
    /// <exception cref="ArgumentException">关键词为空，或归一化后不含可匹配的字符。</exception>
    public static KeywordMatcher Build(IEnumerable<KeywordDefinition> keywords, IEnumerable<string>? allowList = null)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var sequences = new List<int[]>();
        var keywordList = new List<Keyword>();
        var scratch = new List<int>(16);
        foreach (var definition in keywords)
        {
            var sequence = ToSequence(definition.Text, nameof(keywords), scratch);
            keywordList.Add(new Keyword(keywordList.Count, definition.Text, ToText(sequence),
                definition.Category ?? "", definition.Weight));
            sequences.Add(sequence);
        }
        var allow = allowList?.ToArray() ?? [];
        foreach (var phrase in allow)
        {
            sequences.Add(ToSequence(phrase, nameof(allowList), scratch));
        }

        var (classes, supplementary) = AssignSymbols(sequences);
        var automaton = new AutomatonBuilder(sequences).Build();
        var lengths = sequences.Select(s => s.Length).ToArray();
        return new KeywordMatcher(classes, supplementary, automaton, lengths, keywordList.ToArray(), allow);
    }

    /// <summary>Normalised, collapsed code points of a keyword or phrase.</summary>
    private static int[] ToSequence(string? text, string parameter, List<int> scratch)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException("Keywords and allow-list phrases must not be empty.", parameter);
        }
        scratch.Clear();
        var previous = ChineseNormalizer.Skipped;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                // A lone surrogate in the text is an "unknown" character that never matches, so a
                // keyword containing one could never be found: reject it rather than build dead states.
                throw new ArgumentException($"'{text}' contains an unpaired surrogate.", parameter);
            }
            var n = ChineseNormalizer.NormalizeCodePoint(codePoint);
            if (n != ChineseNormalizer.Skipped && n != previous)
            {
                scratch.Add(n);
                previous = n;
            }
        }
        if (scratch.Count == 0)
        {
            throw new ArgumentException($"'{text}' contains no matchable characters after normalisation.", parameter);
        }
        return scratch.ToArray();
    }

    private static string ToText(int[] sequence)
    {
        var sb = new StringBuilder(sequence.Length);
        foreach (var codePoint in sequence)
        {
            sb.Append(char.ConvertFromUtf32(codePoint));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Replaces code points by dense symbol ids in place, most frequent first (the root row and the
    /// busiest states then sit together at the front of the double array), and builds the 64K
    /// class table that fuses normalisation with the alphabet.
    /// </summary>
    private static (ushort[] Classes, Dictionary<int, ushort> Supplementary) AssignSymbols(List<int[]> sequences)
    {
        var counts = new Dictionary<int, int>();
        foreach (var sequence in sequences)
        {
            foreach (var codePoint in sequence)
            {
                counts[codePoint] = counts.GetValueOrDefault(codePoint) + 1;
            }
        }
        if (counts.Count > MaxSymbols)
        {
            throw new ArgumentException($"The keywords use more than {MaxSymbols} distinct characters.");
        }
        var ordered = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToArray();
        var bmp = new ushort[0x10000];
        var supplementary = new Dictionary<int, ushort>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var id = (ushort)(i + 1);
            if (ordered[i] <= 0xFFFF)
            {
                bmp[ordered[i]] = id;
            }
            else
            {
                supplementary[ordered[i]] = id;
            }
        }
        foreach (var sequence in sequences)
        {
            for (var i = 0; i < sequence.Length; i++)
            {
                var codePoint = sequence[i];
                sequence[i] = codePoint <= 0xFFFF ? bmp[codePoint] : supplementary[codePoint];
            }
        }

        var classes = new ushort[0x10000];
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (char.IsHighSurrogate(ch))
            {
                classes[c] = HighSurrogate;
            }
            else if (char.IsLowSurrogate(ch))
            {
                classes[c] = Unknown; // only ever seen alone: paired ones are consumed with their high half
            }
            else
            {
                var n = ChineseNormalizer.NormalizeUnit(ch);
                classes[c] = n == '\0' ? Skip : bmp[n];
            }
        }
        return (classes, supplementary);
    }
}
