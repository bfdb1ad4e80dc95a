using Herald.Domain.Keywords;

namespace Herald.Web.Features.Keywords;

public sealed record KeywordListSummary(long Id, string Name, KeywordListPurpose Purpose, string? Description, int WordCount,
    bool Disabled, DateTime UpdatedAt, int Revision);

public sealed record KeywordWord(string Text, int Weight, string Category);

public sealed record KeywordListDetail(long Id, string Name, KeywordListPurpose Purpose, string? Description, bool Disabled,
    IReadOnlyList<KeywordWord> Words, IReadOnlyList<string> AllowList, IReadOnlyList<string> BlockingCategories,
    IReadOnlyList<string> Categories, DateTime UpdatedAt, int Revision);

/// <summary>
/// 新建或修改词表。words 与 wordsText 二选一（wordsText 为每行“词 权重 分类”的文本，页面批量粘贴用）；
/// 都不给时词不变。allowList、blockingCategories 不给时不变。revision 与当前不符时 409。
/// </summary>
public sealed class KeywordListRequest
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
    public string? Description { get; set; }
    public bool? Disabled { get; set; }
    public List<KeywordWord>? Words { get; set; }
    public string? WordsText { get; set; }
    public List<string>? AllowList { get; set; }
    public List<string>? BlockingCategories { get; set; }
    public int? Revision { get; set; }
}

public static class KeywordListMapping
{
    public static KeywordListSummary ToSummary(this KeywordList l) =>
        new(l.Id, l.Name, l.Purpose, l.Description, l.WordCount, l.Disabled, l.UpdatedAt, l.Revision);

    public static KeywordListDetail ToDetail(this KeywordList l)
    {
        var words = l.Entries().Select(e => new KeywordWord(e.Text, e.Weight, e.Category)).ToList();
        return new KeywordListDetail(l.Id, l.Name, l.Purpose, l.Description, l.Disabled, words, l.AllowList(), l.Blocking(),
            words.Select(w => w.Category).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
            l.UpdatedAt, l.Revision);
    }

    public static string Code(this KeywordListPurpose purpose) => purpose == KeywordListPurpose.Sensitive ? "sensitive" : "watch";

    public static bool TryParsePurpose(string? code, out KeywordListPurpose purpose)
    {
        purpose = KeywordListPurpose.Watch;
        switch (code?.Trim().ToLowerInvariant())
        {
            case "watch": return true;
            case "sensitive": purpose = KeywordListPurpose.Sensitive; return true;
            default: return false;
        }
    }
}
