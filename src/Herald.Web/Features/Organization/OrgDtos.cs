using Herald.Domain.Organization;

namespace Herald.Web.Features.Organization;

/// <summary>页面上指向某人的链接。</summary>
public sealed record PersonRef(long Id, string Name);

public enum UnitWarning
{
    /// <summary>本单位及上级都没有单位负责人：稿件无人初审。</summary>
    NoHead,
    /// <summary>本单位及上级都没有分管领导。</summary>
    NoLeader,
    /// <summary>没有在册的备案信息员。</summary>
    NoCorrespondent,
}

/// <summary>单位树中的一行。Heads/Leaders 为本单位直接设置的人；Inherited* 为本单位未设置时沿用的上级单位的人。</summary>
public sealed record UnitRow(
    long Id,
    long? ParentId,
    string Name,
    int Depth,
    UnitType Type,
    bool Disabled,
    IReadOnlyList<PersonRef> Heads,
    IReadOnlyList<PersonRef> InheritedHeads,
    IReadOnlyList<PersonRef> Leaders,
    IReadOnlyList<PersonRef> InheritedLeaders,
    int Correspondents,
    IReadOnlyList<UnitWarning> Warnings);

public sealed record UnitRoleHolder(long AssignmentId, Role Role, long UserId, string DisplayName, string UserName, bool UserDisabled);

public sealed record UnitCorrespondent(long Id, string Name, string? Position, string Phone, DateOnly AppointedOn);

public sealed record UnitDetail(
    long Id,
    long? ParentId,
    string Name,
    string Path,
    UnitType Type,
    bool Disabled,
    DateTime CreatedAt,
    IReadOnlyList<UnitNode> Children,
    IReadOnlyList<UnitRoleHolder> Holders,
    IReadOnlyList<UnitCorrespondent> Correspondents,
    IReadOnlySet<long> ParentChoices);

/// <summary>GET /api/v1/units 的一项：扁平列表，按树的展示顺序。</summary>
public sealed record UnitApiItem(long Id, long? ParentId, string Name, string Path, UnitType Type, bool Disabled, int Depth);
