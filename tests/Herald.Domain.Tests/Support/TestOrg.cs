using Herald.Domain.Organization;

namespace Herald.Domain.Tests.Support;

/// <summary>Builder for an <see cref="OrgTree"/> plus the reviewer lookup a manuscript needs.</summary>
public sealed class TestOrg
{
    // Units of the standard street tree.
    public const long Street = 1;          // 示例街道
    public const long PartyOffice = 2;     // 党政办公室 (under the street)
    public const long Community = 3;       // 幸福社区 (under the street)
    public const long OfficeGroup = 4;     // 综合组 (under 党政办公室, no roles of its own)
    public const long Grid = 5;            // 第一网格 (under 幸福社区, no roles of its own)
    public const long Bureau = 10;         // 县科技局 (second root, nobody assigned)

    // Users of the standard street tree.
    public const long Author = 100;             // Correspondent @ 党政办公室
    public const long CommunityAuthor = 101;    // Correspondent @ 幸福社区
    public const long OfficeHead = 200;         // UnitHead @ 党政办公室
    public const long CommunityHead = 201;      // UnitHead @ 幸福社区
    public const long StreetHead = 202;         // UnitHead @ 示例街道
    public const long OfficeLeader = 300;       // SupervisingLeader @ 党政办公室
    public const long StreetLeader = 301;       // SupervisingLeader @ 示例街道
    public const long Principal = 400;          // Principal @ 示例街道
    public const long PublicityOffice = 500;    // Office @ 示例街道
    public const long Viewer = 600;             // Viewer @ 幸福社区
    public const long SysAdmin = 900;           // SysAdmin (global)
    public const long Stranger = 999;           // no assignment

    private readonly List<UnitNode> _units = new();
    private readonly List<Assignment> _assignments = new();

    public TestOrg Unit(long id, string name, long? parentId = null, UnitType type = UnitType.Department,
        int sortOrder = 0, bool disabled = false)
    {
        _units.Add(new UnitNode(id, parentId, name, type, disabled, sortOrder));
        return this;
    }

    public TestOrg Assign(long userId, Role role, long? unitId = null)
    {
        _assignments.Add(new Assignment(userId, role, unitId));
        return this;
    }

    public OrgTree Build() => new(_units, _assignments);

    /// <summary>
    /// 示例街道 (1)
    ///   幸福社区 (3, sort 1)
    ///     第一网格 (5)
    ///   党政办公室 (2, sort 2)
    ///     综合组 (4)
    /// 县科技局 (10, second root)
    /// </summary>
    public static TestOrg StreetTree() => new TestOrg()
        .Unit(Street, "示例街道", null, UnitType.Street, 0)
        .Unit(PartyOffice, "党政办公室", Street, UnitType.Department, 2)
        .Unit(Community, "幸福社区", Street, UnitType.Community, 1)
        .Unit(OfficeGroup, "综合组", PartyOffice, UnitType.Department, 0)
        .Unit(Grid, "第一网格", Community, UnitType.Community, 0)
        .Unit(Bureau, "县科技局", null, UnitType.Agency, 1)
        .Assign(Author, Role.Correspondent, PartyOffice)
        .Assign(CommunityAuthor, Role.Correspondent, Community)
        .Assign(OfficeHead, Role.UnitHead, PartyOffice)
        .Assign(CommunityHead, Role.UnitHead, Community)
        .Assign(StreetHead, Role.UnitHead, Street)
        .Assign(OfficeLeader, Role.SupervisingLeader, PartyOffice)
        .Assign(StreetLeader, Role.SupervisingLeader, Street)
        .Assign(Principal, Role.Principal, Street)
        .Assign(PublicityOffice, Role.Office, Street)
        .Assign(Viewer, Role.Viewer, Community)
        .Assign(SysAdmin, Role.SysAdmin);
}

public static class OrgTreeTestExtensions
{
    /// <summary>The reviewer lookup for manuscripts submitted by <paramref name="unitId"/>.</summary>
    public static Func<Role, ReviewerResolution> ReviewersFor(this OrgTree tree, long unitId) =>
        role => tree.ResolveReviewers(role, unitId);
}
