using Herald.Domain.Text;

namespace Herald.Domain.Writing;

/// <summary>一处不规范的写法：在原文中的位置（UTF-16 码元）、原文那一段和对应的规则。</summary>
public readonly record struct UsageHit(int Start, int Length, string Text, UsageEntry Rule);

/// <summary>
/// 用规范表述表检查文本：错误写法编成一个 Aho–Corasick 匹配器（与敏感词同一引擎，归一化、可高亮）；
/// 各条的正确写法作为白名单，所以“党的十九届四中全会”不会因含“十九届四中全会”而被报出。不可变，可多线程共用。
/// </summary>
public sealed class UsageChecker
{
    private readonly KeywordMatcher? _matcher;
    private readonly UsageEntry[] _rules;

    public UsageChecker(IReadOnlyList<UsageEntry> rules)
    {
        _rules = rules.Select(UsageRules.Clean).ToArray();
        if (_rules.Length == 0) return;
        _matcher = KeywordMatcher.Build(
            _rules.Select(r => new KeywordDefinition(r.Wrong, r.Category)),
            _rules.Select(r => r.Correct).Distinct(StringComparer.Ordinal));
    }

    public static UsageChecker Empty { get; } = new([]);

    public int RuleCount => _rules.Length;

    /// <summary>全部命中，按起点升序。</summary>
    public List<UsageHit> Find(string? text)
    {
        if (_matcher is null || string.IsNullOrEmpty(text)) return [];
        return _matcher.FindAll(text).Select(h => new UsageHit(h.Start, h.Length, h.Slice(text), _rules[h.Keyword.Id])).ToList();
    }
}
