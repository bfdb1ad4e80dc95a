using Herald.Domain.Common;

namespace Herald.Domain.Organization;

/// <summary>单位（组织树上的一个节点）。</summary>
public sealed class Unit
{
    public const int NameMaxLength = 64;

    private Unit() { Name = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public long? ParentId { get; private set; }
    public UnitType Type { get; private set; }
    public int SortOrder { get; private set; }
    public bool Disabled { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Unit Create(string name, UnitType type, long? parentId, int sortOrder, DateTime nowUtc) => new()
    {
        Name = Guard.Line(name, nameof(Name), NameMaxLength),
        Type = type,
        ParentId = parentId,
        SortOrder = sortOrder,
        CreatedAt = nowUtc,
    };

    public void Rename(string name) => Name = Guard.Line(name, nameof(Name), NameMaxLength);

    public void ChangeType(UnitType type) => Type = type;

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>移动到新的上级。调用方须先用 <see cref="OrgTree.CanMove"/> 排除成环。</summary>
    public void MoveTo(long? newParentId, OrgTree tree)
    {
        if (!tree.CanMove(Id, newParentId))
            throw new DomainValidationException(nameof(ParentId), "Unit.MoveIntoOwnSubtree");
        ParentId = newParentId;
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
