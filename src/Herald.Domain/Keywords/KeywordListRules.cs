using Herald.Domain.Text;

namespace Herald.Domain.Keywords;

/// <summary>词表中的一个问题。Number 为第几条（从 1 开始，粘贴时即行号），0 表示整表。</summary>
public sealed record KeywordListProblem(string Field, string Code, params object[] Args);

/// <summary>词表的校验规则：一次找出所有问题（最多 <see cref="MaxProblems"/> 条），而不是改一个报一个。</summary>
public static class KeywordListRules
{
    public const int WordMaxLength = 32;
    public const int CategoryMaxLength = 32;
    public const int PhraseMaxLength = 64;
    public const int MinWeight = 1;
    public const int MaxWeight = 100;
    public const int MaxWords = 100_000;
    public const int MaxPhrases = 10_000;
    public const int MaxProblems = 20;

    public static KeywordEntry Clean(KeywordEntry e) => new(e.Text.Trim(), e.Weight, e.Category.Trim());

    /// <param name="numbers">各词在粘贴文本中的行号；不给时按第几个词（从 1 开始）报告。</param>
    public static List<KeywordListProblem> Check(KeywordListPurpose purpose, IReadOnlyList<KeywordEntry> entries,
        IReadOnlyList<string> allowPhrases, IReadOnlyList<string> blockingCategories, IReadOnlyList<int>? numbers = null)
    {
        var problems = new List<KeywordListProblem>();
        if (entries.Count > MaxWords) problems.Add(new("words", "KeywordList.TooManyWords", MaxWords));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count && problems.Count < MaxProblems; i++)
        {
            var number = numbers is not null && i < numbers.Count ? numbers[i] : i + 1;
            var e = Clean(entries[i]);
            if (e.Text.Length == 0) { problems.Add(new("words", "KeywordList.EmptyWord", number)); continue; }
            if (e.Text.Length > WordMaxLength) { problems.Add(new("words", "KeywordList.WordTooLong", number, e.Text, WordMaxLength)); continue; }
            if (e.Text.Any(char.IsWhiteSpace) || e.Category.Any(char.IsWhiteSpace))
            {
                problems.Add(new("words", "KeywordList.HasSpace", number, e.Text));
                continue;
            }
            var normalized = ChineseNormalizer.Normalize(e.Text);
            if (normalized.Length == 0 || HasLoneSurrogate(e.Text))
            {
                problems.Add(new("words", "KeywordList.Unmatchable", number, e.Text));
                continue;
            }
            if (e.Weight is < MinWeight or > MaxWeight) problems.Add(new("words", "KeywordList.BadWeight", number, e.Weight, MinWeight, MaxWeight));
            if (e.Category.Length > CategoryMaxLength) problems.Add(new("words", "KeywordList.CategoryTooLong", number, CategoryMaxLength));
            if (seen.TryGetValue(normalized, out var first)) problems.Add(new("words", "KeywordList.DuplicateWord", number, e.Text, first));
            else seen[normalized] = number;
        }
        if (allowPhrases.Count > MaxPhrases) problems.Add(new("allowList", "KeywordList.TooManyPhrases", MaxPhrases));
        for (var i = 0; i < allowPhrases.Count && problems.Count < MaxProblems; i++)
        {
            var phrase = allowPhrases[i].Trim();
            if (phrase.Length == 0) continue;
            if (phrase.Length > PhraseMaxLength) problems.Add(new("allowList", "KeywordList.PhraseTooLong", i + 1, PhraseMaxLength));
            else if (ChineseNormalizer.Normalize(phrase).Length == 0 || HasLoneSurrogate(phrase))
                problems.Add(new("allowList", "KeywordList.Unmatchable", i + 1, phrase));
        }
        if (purpose != KeywordListPurpose.Sensitive && blockingCategories.Any(c => !string.IsNullOrWhiteSpace(c)))
            problems.Add(new("blockingCategories", "KeywordList.BlockingOnlySensitive"));
        foreach (var c in blockingCategories.Select(c => c.Trim()).Where(c => c.Length > CategoryMaxLength))
            problems.Add(new("blockingCategories", "KeywordList.CategoryTooLong", 0, CategoryMaxLength));
        return problems.Take(MaxProblems).ToList();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
