using Herald.Domain.Keywords;

namespace Herald.Domain.Options;

/// <summary>可配置选项表有哪些（API 路径中的 key）。</summary>
public static class OptionListKeys
{
    public const string CaseCategory = "case-category";
    public const string OpinionPlatform = "opinion-platform";

    public static readonly IReadOnlyList<string> All = [CaseCategory, OpinionPlatform];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key, StringComparer.Ordinal);
}

/// <summary>一张选项表的规则：各项名称非空、不重复、无控制字符、不超长，code 不重复。</summary>
public static class OptionListRules
{
    public const int MaxEntries = 200;

    /// <summary>一次找出所有问题；第几项从 1 开始数。</summary>
    public static List<KeywordListProblem> Check(IReadOnlyList<OptionDraft> entries)
    {
        var problems = new List<KeywordListProblem>();
        if (entries.Count > MaxEntries) problems.Add(new("entries", "Options.TooMany", MaxEntries));
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count && problems.Count < KeywordListRules.MaxProblems; i++)
        {
            var number = i + 1;
            var e = Clean(entries[i]);
            if (e.Name.Length == 0) { problems.Add(new("entries", "Options.NameRequired", number)); continue; }
            if ((e.Name + e.Code).Any(char.IsControl)) { problems.Add(new("entries", "Options.ControlCharacters", number)); continue; }
            if (e.Name.Length > OptionEntry.NameMaxLength || (e.Code?.Length ?? 0) > OptionEntry.CodeMaxLength)
            {
                problems.Add(new("entries", "Options.TooLong", number, OptionEntry.NameMaxLength));
                continue;
            }
            if (e.Code is { Length: > 0 } code && !codes.Add(code)) problems.Add(new("entries", "Options.DuplicateCode", number, code));
            if (names.TryGetValue(e.Name, out var first)) problems.Add(new("entries", "Options.Duplicate", number, e.Name, first));
            else names[e.Name] = number;
        }
        return problems.Take(KeywordListRules.MaxProblems).ToList();
    }

    public static OptionDraft Clean(OptionDraft e) =>
        new(string.IsNullOrWhiteSpace(e.Code) ? null : e.Code.Trim(), (e.Name ?? "").Trim(), e.Disabled);

    /// <summary>给没有 code 的新项编号：取现有数字 code 的最大值往后排。</summary>
    public static List<OptionDraft> AssignCodes(IReadOnlyList<OptionDraft> entries, IEnumerable<string> usedCodes)
    {
        var next = usedCodes.Concat(entries.Select(e => e.Code ?? "")).Select(c => int.TryParse(c, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return entries.Select(e => e.Code is { Length: > 0 } ? e : e with { Code = (++next).ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
    }
}
