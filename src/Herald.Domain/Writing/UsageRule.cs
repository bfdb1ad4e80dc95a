using Herald.Domain.Common;

namespace Herald.Domain.Writing;

/// <summary>
/// 规范表述表（易错词表）中的一条：错误写法 → 正确写法，附说明和分类（如“会议名称”“职务称谓”）。
/// 宣传办维护，整表替换；报送前检查稿件时逐条匹配。
/// </summary>
public sealed class UsageRule
{
    public const int WrongMaxLength = 40;
    public const int CorrectMaxLength = 80;
    public const int NoteMaxLength = 200;
    public const int CategoryMaxLength = 20;

    private UsageRule() { Wrong = ""; Correct = ""; }

    public long Id { get; private set; }
    public string Wrong { get; private set; }
    public string Correct { get; private set; }
    public string? Note { get; private set; }
    public string? Category { get; private set; }
    public int SortOrder { get; private set; }

    public static UsageRule Create(UsageEntry entry, int sortOrder) => new()
    {
        Wrong = Guard.Line(entry.Wrong, "rules", WrongMaxLength),
        Correct = Guard.Line(entry.Correct, "rules", CorrectMaxLength),
        Note = Guard.OptionalLine(entry.Note, "rules", NoteMaxLength),
        Category = Guard.OptionalLine(entry.Category, "rules", CategoryMaxLength),
        SortOrder = sortOrder,
    };

    public UsageEntry ToEntry() => new(Wrong, Correct, Note ?? "", Category ?? "");
}

/// <summary>规范表述的一条（不含存储编号）：错误写法、正确写法、说明、分类。</summary>
public readonly record struct UsageEntry(string Wrong, string Correct, string Note = "", string Category = "");
