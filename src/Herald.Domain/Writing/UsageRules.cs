using Herald.Domain.Keywords;
using Herald.Domain.Text;

namespace Herald.Domain.Writing;

/// <summary>规范表述表的校验：一次找出所有问题（最多 <see cref="KeywordListRules.MaxProblems"/> 条）。</summary>
public static class UsageRules
{
    public const int MaxRules = 10_000;

    /// <param name="numbers">各条在粘贴文本中的行号；不给时按第几条（从 1 开始）报告。</param>
    public static List<KeywordListProblem> Check(IReadOnlyList<UsageEntry> entries, IReadOnlyList<int>? numbers = null)
    {
        var problems = new List<KeywordListProblem>();
        if (entries.Count > MaxRules) problems.Add(new("rules", "Usage.TooMany", MaxRules));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count && problems.Count < KeywordListRules.MaxProblems; i++)
        {
            var number = numbers is not null && i < numbers.Count ? numbers[i] : i + 1;
            var e = Clean(entries[i]);
            if (e.Wrong.Length == 0 || e.Correct.Length == 0) { problems.Add(new("rules", "Usage.Incomplete", number)); continue; }
            if (e.Wrong.Length > UsageRule.WrongMaxLength || e.Correct.Length > UsageRule.CorrectMaxLength
                || e.Note.Length > UsageRule.NoteMaxLength || e.Category.Length > UsageRule.CategoryMaxLength)
            {
                problems.Add(new("rules", "Usage.TooLong", number, UsageRule.WrongMaxLength, UsageRule.CorrectMaxLength, UsageRule.NoteMaxLength));
                continue;
            }
            if ((e.Wrong + e.Correct + e.Note + e.Category).Any(char.IsControl)) { problems.Add(new("rules", "Text.ControlCharacters", number)); continue; }
            var normalized = ChineseNormalizer.Normalize(e.Wrong);
            if (normalized.Length == 0) { problems.Add(new("rules", "Usage.Unmatchable", number, e.Wrong)); continue; }
            if (normalized == ChineseNormalizer.Normalize(e.Correct)) { problems.Add(new("rules", "Usage.SameAsCorrect", number, e.Wrong)); continue; }
            if (seen.TryGetValue(normalized, out var first)) problems.Add(new("rules", "Usage.Duplicate", number, e.Wrong, first));
            else seen[normalized] = number;
        }
        return problems.Take(KeywordListRules.MaxProblems).ToList();
    }

    public static UsageEntry Clean(UsageEntry e) =>
        new((e.Wrong ?? "").Trim(), (e.Correct ?? "").Trim(), (e.Note ?? "").Trim(), (e.Category ?? "").Trim());
}
