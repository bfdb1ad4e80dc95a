using Herald.Domain.Common;

namespace Herald.Domain.Submission;

/// <summary>稿件类别（可配置，初始为 [001] 重点宣传内容：经济发展、品牌建设、创新工作、亮点特色、工作动态）。</summary>
public sealed class Category
{
    private Category() { Name = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public int SortOrder { get; private set; }
    public bool Disabled { get; private set; }

    public static Category Create(string name, int sortOrder) =>
        new() { Name = Guard.Line(name, nameof(Name), 32), SortOrder = sortOrder };

    public void Rename(string name) => Name = Guard.Line(name, nameof(Name), 32);

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
