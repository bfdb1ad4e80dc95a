using Herald.Domain.Keywords;
using Herald.Domain.Text;

namespace Herald.Web.Features.Keywords;

/// <summary>一次命中及其所属词表、是否属于阻断类别。</summary>
public readonly record struct ListedHit(KeywordHit Hit, string List, bool Blocking)
{
    public string Keyword => Hit.Keyword.Text;
    public string Category => Hit.Keyword.Category;
    public int Weight => Hit.Keyword.Weight;
}

/// <summary>某一用途的全部启用词表编译成的一个匹配器（不可变，可多线程共用）。</summary>
public sealed class CompiledKeywords
{
    private readonly KeywordMatcher? _matcher;
    private readonly string[] _listOf;
    private readonly bool[] _blocking;

    private CompiledKeywords(KeywordMatcher? matcher, string[] listOf, bool[] blocking, string stamp)
    {
        _matcher = matcher;
        _listOf = listOf;
        _blocking = blocking;
        Stamp = stamp;
    }

    public static CompiledKeywords Empty { get; } = new(null, [], [], "");

    /// <summary>编译时各词表的编号与修订号，用来判断是否过时。</summary>
    public string Stamp { get; }

    public int WordCount => _listOf.Length;

    public static CompiledKeywords Build(IReadOnlyList<KeywordList> lists, string stamp)
    {
        var definitions = new List<KeywordDefinition>();
        var listOf = new List<string>();
        var blocking = new List<bool>();
        var allow = new List<string>();
        foreach (var list in lists)
        {
            var blockingCategories = list.Blocking().ToHashSet(StringComparer.Ordinal);
            foreach (var entry in list.Entries())
            {
                definitions.Add(new KeywordDefinition(entry.Text, entry.Category, entry.Weight));
                listOf.Add(list.Name);
                blocking.Add(list.Purpose == KeywordListPurpose.Sensitive && blockingCategories.Contains(entry.Category));
            }
            allow.AddRange(list.AllowList());
        }
        if (definitions.Count == 0) return new CompiledKeywords(null, [], [], stamp);
        return new CompiledKeywords(KeywordMatcher.Build(definitions, allow.Distinct(StringComparer.Ordinal)), listOf.ToArray(), blocking.ToArray(), stamp);
    }

    /// <summary>全部命中，按起点升序。</summary>
    public List<ListedHit> Find(string? text)
    {
        if (_matcher is null || string.IsNullOrEmpty(text)) return [];
        var hits = _matcher.FindAll(text);
        var result = new List<ListedHit>(hits.Count);
        foreach (var hit in hits)
            result.Add(new ListedHit(hit, _listOf[hit.Keyword.Id], _blocking[hit.Keyword.Id]));
        return result;
    }
}

/// <summary>要在原文中标出的一段：起点、长度（UTF-16 码元）、提示文字、是否醒目（阻断类）。</summary>
public readonly record struct TextMark(int Start, int Length, string Title, bool Strong);
