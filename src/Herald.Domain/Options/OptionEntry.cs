using Herald.Domain.Common;

namespace Herald.Domain.Options;

/// <summary>
/// 可配置选项表（如舆情类别、舆情平台）中的一项。code 建立后不变，改名只改 name；已保存的数据存的是 name，
/// 所以改名或停用不会改动旧数据。停用的项不再供新填写选择。
/// </summary>
public sealed class OptionEntry
{
    public const int KeyMaxLength = 40;
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 32;

    private OptionEntry() { ListKey = ""; Code = ""; Name = ""; }

    public long Id { get; private set; }
    public string ListKey { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int SortOrder { get; private set; }
    public bool Disabled { get; private set; }

    public static OptionEntry Create(string listKey, OptionDraft draft, int sortOrder) => new()
    {
        ListKey = Guard.Line(listKey, "key", KeyMaxLength),
        Code = Guard.Line(draft.Code, "entries", CodeMaxLength),
        Name = Guard.Line(draft.Name, "entries", NameMaxLength),
        SortOrder = sortOrder,
        Disabled = draft.Disabled,
    };

    public OptionDraft ToDraft() => new(Code, Name, Disabled);
}

/// <summary>选项的一项（不含存储编号）；新加的项 code 可空，保存时编号。</summary>
public readonly record struct OptionDraft(string? Code, string Name, bool Disabled = false);
