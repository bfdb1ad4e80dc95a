using Herald.Domain.Common;

namespace Herald.Domain.Keywords;

/// <summary>词表用途。</summary>
public enum KeywordListPurpose
{
    /// <summary>舆情监测词：收录舆情信息时标出命中，权重供研判参考。</summary>
    Watch = 0,
    /// <summary>敏感词：审稿时标出命中；“阻断”类别的命中须审核人说明理由才能通过。</summary>
    Sensitive = 1,
}

/// <summary>词表中的一个词：原文、权重（1–100）、分类。</summary>
public readonly record struct KeywordEntry(string Text, int Weight, string Category);

/// <summary>
/// 宣传办维护的一张词表。词、白名单短语和阻断类别以规范文本保存（每行一项），整表替换：
/// 词表是配置而不是业务记录，整表读出、编译成匹配器使用，不按词查询。
/// </summary>
public sealed class KeywordList
{
    public const int NameMaxLength = 32;
    public const int DescriptionMaxLength = 200;

    private KeywordList() { Name = ""; Words = ""; AllowPhrases = ""; BlockingCategories = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public KeywordListPurpose Purpose { get; private set; }
    public string? Description { get; private set; }
    /// <summary>每行“词 权重 分类”（见 <see cref="KeywordListText"/>）。</summary>
    public string Words { get; private set; }
    public int WordCount { get; private set; }
    /// <summary>白名单短语，每行一个：命中完全落在其中时不报告（如“过敏感冒”中的“敏感”）。</summary>
    public string AllowPhrases { get; private set; }
    /// <summary>阻断类别，每行一个（只对敏感词表有意义）。</summary>
    public string BlockingCategories { get; private set; }
    public bool Disabled { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long? UpdatedById { get; private set; }
    public int Revision { get; private set; }

    public static KeywordList Create(string? name, KeywordListPurpose purpose, string? description, long? actorId, DateTime nowUtc)
    {
        if (!Enum.IsDefined(purpose)) throw new DomainValidationException("purpose", "KeywordList.BadPurpose");
        var list = new KeywordList { Purpose = purpose };
        list.Rename(name, description);
        list.Touch(actorId, nowUtc);
        return list;
    }

    public IReadOnlyList<KeywordEntry> Entries() => KeywordListText.ParseStored(Words);

    public IReadOnlyList<string> AllowList() => Lines(AllowPhrases);

    public IReadOnlyList<string> Blocking() => Lines(BlockingCategories);

    public void Rename(string? name, string? description)
    {
        Name = Guard.Line(name, "name", NameMaxLength);
        Description = Guard.Optional(description, "description", DescriptionMaxLength);
    }

    /// <summary>整表替换。先用 <see cref="KeywordListRules.Check"/> 把所有问题一次报给用户；这里只在仍有问题时拒绝。</summary>
    public void Replace(IReadOnlyList<KeywordEntry> entries, IReadOnlyList<string> allowPhrases, IReadOnlyList<string> blockingCategories,
        long? actorId, DateTime nowUtc)
    {
        var problems = KeywordListRules.Check(Purpose, entries, allowPhrases, blockingCategories);
        if (problems.Count > 0)
            throw new DomainValidationException(problems[0].Field, problems[0].Code, problems[0].Args);
        var cleaned = entries.Select(KeywordListRules.Clean).ToList();
        Words = KeywordListText.Format(cleaned);
        WordCount = cleaned.Count;
        AllowPhrases = string.Join('\n', allowPhrases.Select(p => p.Trim()).Where(p => p.Length > 0));
        BlockingCategories = Purpose == KeywordListPurpose.Sensitive
            ? string.Join('\n', blockingCategories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct())
            : "";
        Touch(actorId, nowUtc);
    }

    public void SetDisabled(bool disabled, long? actorId, DateTime nowUtc)
    {
        Disabled = disabled;
        Touch(actorId, nowUtc);
    }

    /// <summary>页面提交的修订号与当前不符：别人已经改过，不能覆盖。</summary>
    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new DomainException("KeywordList.Stale");
    }

    private void Touch(long? actorId, DateTime nowUtc)
    {
        UpdatedById = actorId;
        UpdatedAt = nowUtc;
        Revision++;
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
