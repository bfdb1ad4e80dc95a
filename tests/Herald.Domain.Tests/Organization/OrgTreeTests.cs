using Herald.Domain.Organization;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Support.TestOrg;

namespace Herald.Domain.Tests.Organization;

public class OrgTreeTests
{
    private readonly OrgTree _tree = StreetTree().Build();

    private static readonly Role[] ReviewerRoles = [Role.UnitHead, Role.SupervisingLeader, Role.Principal];

    // ---------- Structure ----------

    [Fact]
    public void Roots_TwoTopLevelUnits_SortedBySortOrder()
    {
        _tree.Count.ShouldBe(6);
        _tree.Roots.Select(u => u.Id).ShouldBe([Street, Bureau]);
    }

    [Fact]
    public void Children_Street_SortedBySortOrderThenId()
    {
        _tree.Children(Street).Select(u => u.Id).ShouldBe([Community, PartyOffice]);
        _tree.Children(OfficeGroup).ShouldBeEmpty();
        _tree.Children(999).ShouldBeEmpty();
    }

    [Fact]
    public void Children_EqualSortOrder_OrderedById()
    {
        var tree = new TestOrg().Unit(1, "根").Unit(30, "丙", 1).Unit(10, "甲", 1).Unit(20, "乙", 1).Build();

        tree.Children(1).Select(u => u.Id).ShouldBe([10, 20, 30]);
    }

    [Fact]
    public void Constructor_ParentMissing_UnitBecomesRoot()
    {
        var tree = new TestOrg().Unit(1, "根").Unit(2, "孤儿", parentId: 77).Build();

        tree.Roots.Select(u => u.Id).ShouldBe([1, 2]);
    }

    [Fact]
    public void SelfAndAncestors_DeepUnit_SelfFirstUpToRoot()
    {
        _tree.SelfAndAncestors(OfficeGroup).Select(u => u.Id).ShouldBe([OfficeGroup, PartyOffice, Street]);
        _tree.SelfAndAncestors(Street).Select(u => u.Id).ShouldBe([Street]);
        _tree.SelfAndAncestors(Bureau).Select(u => u.Id).ShouldBe([Bureau]);
    }

    [Fact]
    public void SelfAndAncestors_UnknownUnit_Empty()
    {
        _tree.SelfAndAncestors(999).ShouldBeEmpty();
    }

    [Fact]
    public void SelfAndAncestors_CyclicData_Terminates()
    {
        var tree = new TestOrg().Unit(1, "甲", 2).Unit(2, "乙", 1).Build();

        tree.SelfAndAncestors(1).Count().ShouldBe(1000);
    }

    [Fact]
    public void Subtree_Root_AllDescendantsIncludingSelf()
    {
        _tree.Subtree(Street).ShouldBe(new HashSet<long> { Street, PartyOffice, Community, OfficeGroup, Grid }, ignoreOrder: true);
        _tree.Subtree(PartyOffice).ShouldBe(new HashSet<long> { PartyOffice, OfficeGroup }, ignoreOrder: true);
        _tree.Subtree(Grid).ShouldBe(new HashSet<long> { Grid }, ignoreOrder: true);
        _tree.Subtree(Bureau).ShouldBe(new HashSet<long> { Bureau }, ignoreOrder: true);
    }

    [Fact]
    public void Subtree_UnknownUnit_Empty()
    {
        _tree.Subtree(999).ShouldBeEmpty();
    }

    [Fact]
    public void Flatten_WholeTree_DepthFirstInSortOrderWithDepth()
    {
        var flat = _tree.Flatten().Select(x => (x.Unit.Id, x.Depth)).ToList();

        flat.ShouldBe([
            (Street, 0), (Community, 1), (Grid, 2), (PartyOffice, 1), (OfficeGroup, 2), (Bureau, 0),
        ]);
    }

    [Fact]
    public void Flatten_FromSubtreeRoot_StartsAtDepthZero()
    {
        var flat = _tree.Flatten([_tree.Find(PartyOffice)!]).Select(x => (x.Unit.Id, x.Depth)).ToList();

        flat.ShouldBe([(PartyOffice, 0), (OfficeGroup, 1)]);
    }

    [Fact]
    public void PathName_DeepUnit_RootFirstJoinedWithSlash()
    {
        _tree.PathName(OfficeGroup).ShouldBe("示例街道 / 党政办公室 / 综合组");
        _tree.PathName(PartyOffice).ShouldBe("示例街道 / 党政办公室");
        _tree.PathName(Street).ShouldBe("示例街道");
        _tree.PathName(999).ShouldBe("");
    }

    // ---------- CanMove ----------

    [Theory]
    [InlineData(PartyOffice, PartyOffice, false)]   // onto itself
    [InlineData(PartyOffice, OfficeGroup, false)]   // under its own child
    [InlineData(Street, Grid, false)]               // under a grandchild
    [InlineData(PartyOffice, Community, true)]      // sideways
    [InlineData(OfficeGroup, Street, true)]         // up
    [InlineData(Street, Bureau, true)]              // under another root
    [InlineData(PartyOffice, 999L, false)]          // unknown parent
    public void CanMove_Target_RefusesCycles(long unitId, long newParentId, bool expected)
    {
        _tree.CanMove(unitId, newParentId).ShouldBe(expected);
    }

    [Fact]
    public void CanMove_ToTopLevel_Allowed()
    {
        _tree.CanMove(PartyOffice, null).ShouldBeTrue();
    }

    [Fact]
    public void UnitMoveTo_IntoOwnSubtree_ThrowsMoveIntoOwnSubtree()
    {
        // A freshly created Unit has Id 0; build a tree in which unit 0 has a child 7.
        var unit = Unit.Create("党政办公室", UnitType.Department, null, 0, TestClock.Now);
        var tree = new TestOrg().Unit(0, "党政办公室").Unit(7, "综合组", 0).Unit(8, "幸福社区").Build();

        Expect.Validation(() => unit.MoveTo(7, tree), "Unit.MoveIntoOwnSubtree", "ParentId");
        unit.ParentId.ShouldBeNull();

        unit.MoveTo(8, tree);
        unit.ParentId.ShouldBe(8);
    }

    // ---------- Reviewers ----------

    [Theory]
    [InlineData(Role.UnitHead, PartyOffice, PartyOffice, OfficeHead)]
    [InlineData(Role.UnitHead, OfficeGroup, PartyOffice, OfficeHead)]
    [InlineData(Role.UnitHead, Grid, Community, CommunityHead)]
    [InlineData(Role.UnitHead, Street, Street, StreetHead)]
    [InlineData(Role.SupervisingLeader, OfficeGroup, PartyOffice, OfficeLeader)]
    [InlineData(Role.SupervisingLeader, Community, Street, StreetLeader)]
    [InlineData(Role.SupervisingLeader, Grid, Street, StreetLeader)]
    [InlineData(Role.Principal, OfficeGroup, Street, Principal)]
    [InlineData(Role.Principal, Grid, Street, Principal)]
    public void ResolveReviewers_Unit_NearestAncestorHoldingRole(Role role, long unitId, long foundAt, long reviewer)
    {
        var resolution = _tree.ResolveReviewers(role, unitId);

        resolution.Found.ShouldBeTrue();
        resolution.FoundAtUnitId.ShouldBe(foundAt);
        resolution.UserIds.ShouldBe([reviewer]);
    }

    [Fact]
    public void ResolveReviewers_NoHolderUpToRoot_NotFound()
    {
        var resolution = _tree.ResolveReviewers(Role.Principal, Bureau);

        resolution.Found.ShouldBeFalse();
        resolution.FoundAtUnitId.ShouldBeNull();
        resolution.UserIds.ShouldBeEmpty();
    }

    [Fact]
    public void ResolveReviewers_UnknownUnit_NotFound()
    {
        _tree.ResolveReviewers(Role.UnitHead, 999).Found.ShouldBeFalse();
    }

    [Fact]
    public void ResolveReviewers_SeveralHoldersAtUnit_AllReturnedOnceEach()
    {
        var tree = StreetTree()
            .Assign(203, Role.UnitHead, PartyOffice)
            .Assign(203, Role.UnitHead, PartyOffice)
            .Build();

        var resolution = tree.ResolveReviewers(Role.UnitHead, OfficeGroup);

        resolution.FoundAtUnitId.ShouldBe(PartyOffice);
        resolution.UserIds.ShouldBe([OfficeHead, 203]);
    }

    [Fact]
    public void ResolveReviewers_NonReviewerRole_WalksUpToo()
    {
        _tree.ResolveReviewers(Role.Office, Grid).UserIds.ShouldBe([PublicityOffice]);
    }

    [Fact]
    public void ReviewUnits_EachReviewer_UnitsWhereTheyAreNearest()
    {
        _tree.ReviewUnits(OfficeHead, Role.UnitHead).ShouldBe(new HashSet<long> { PartyOffice, OfficeGroup }, ignoreOrder: true);
        _tree.ReviewUnits(CommunityHead, Role.UnitHead).ShouldBe(new HashSet<long> { Community, Grid }, ignoreOrder: true);
        _tree.ReviewUnits(StreetHead, Role.UnitHead).ShouldBe(new HashSet<long> { Street }, ignoreOrder: true);
        _tree.ReviewUnits(OfficeLeader, Role.SupervisingLeader)
            .ShouldBe(new HashSet<long> { PartyOffice, OfficeGroup }, ignoreOrder: true);
        _tree.ReviewUnits(StreetLeader, Role.SupervisingLeader)
            .ShouldBe(new HashSet<long> { Street, Community, Grid }, ignoreOrder: true);
        _tree.ReviewUnits(Principal, Role.Principal)
            .ShouldBe(new HashSet<long> { Street, PartyOffice, Community, OfficeGroup, Grid }, ignoreOrder: true);
    }

    [Fact]
    public void ReviewUnits_RoleNotHeld_Empty()
    {
        _tree.ReviewUnits(OfficeHead, Role.Principal).ShouldBeEmpty();
        _tree.ReviewUnits(Author, Role.UnitHead).ShouldBeEmpty();
        _tree.ReviewUnits(Stranger, Role.UnitHead).ShouldBeEmpty();
    }

    [Fact]
    public void ReviewUnits_EveryUnitAndRole_ConsistentWithResolveReviewers()
    {
        var users = _tree.All.SelectMany(u => ReviewerRoles.SelectMany(r => _tree.Holders(r, u.Id))).Distinct().ToList();
        users.Count.ShouldBe(6);
        var checkedPairs = 0;

        foreach (var role in ReviewerRoles)
        {
            foreach (var unit in _tree.All)
            {
                var resolved = _tree.ResolveReviewers(role, unit.Id).UserIds;
                foreach (var user in users)
                {
                    _tree.ReviewUnits(user, role).Contains(unit.Id)
                        .ShouldBe(resolved.Contains(user), $"user {user}, role {role}, unit {unit.Id}");
                    checkedPairs++;
                }
            }
        }

        checkedPairs.ShouldBe(3 * 6 * 6);
    }

    // ---------- Visibility ----------

    [Theory]
    [InlineData(Author, new long[] { PartyOffice })]
    [InlineData(CommunityAuthor, new long[] { Community })]
    [InlineData(OfficeHead, new long[] { PartyOffice, OfficeGroup })]
    [InlineData(CommunityHead, new long[] { Community, Grid })]
    [InlineData(StreetHead, new long[] { Street })]
    [InlineData(OfficeLeader, new long[] { PartyOffice, OfficeGroup })]
    [InlineData(StreetLeader, new long[] { Street, Community, Grid })]
    [InlineData(Principal, new long[] { Street, PartyOffice, Community, OfficeGroup, Grid })]
    [InlineData(PublicityOffice, new long[] { Street, PartyOffice, Community, OfficeGroup, Grid })]
    [InlineData(Viewer, new long[] { Community, Grid })]
    [InlineData(SysAdmin, new long[0])]
    [InlineData(Stranger, new long[0])]
    public void ManuscriptUnits_ByRole_ExpectedScope(long userId, long[] expected)
    {
        _tree.ManuscriptUnits(userId).ShouldBe(expected.ToHashSet(), ignoreOrder: true);
    }

    [Fact]
    public void ManuscriptUnits_CorrespondentWithSubUnits_OwnUnitOnly()
    {
        var tree = StreetTree().Assign(102, Role.Correspondent, Street).Build();

        tree.ManuscriptUnits(102).ShouldBe(new HashSet<long> { Street }, ignoreOrder: true);
    }

    [Fact]
    public void ManuscriptUnits_SeveralRoles_Union()
    {
        var tree = StreetTree()
            .Assign(700, Role.Correspondent, PartyOffice)
            .Assign(700, Role.UnitHead, Community)
            .Build();

        tree.ManuscriptUnits(700).ShouldBe(new HashSet<long> { PartyOffice, Community, Grid }, ignoreOrder: true);
    }

    [Fact]
    public void ManuscriptUnits_HeadOverriddenInSubUnit_SubUnitExcluded()
    {
        // 综合组 gets its own head: 党政办公室's head no longer reviews (or sees) it.
        var tree = StreetTree().Assign(204, Role.UnitHead, OfficeGroup).Build();

        tree.ManuscriptUnits(OfficeHead).ShouldBe(new HashSet<long> { PartyOffice }, ignoreOrder: true);
        tree.ManuscriptUnits(204).ShouldBe(new HashSet<long> { OfficeGroup }, ignoreOrder: true);
    }

    [Fact]
    public void ScopeOf_Role_SubtreeOfThatRoleOnly()
    {
        _tree.ScopeOf(PublicityOffice, Role.Office)
            .ShouldBe(new HashSet<long> { Street, PartyOffice, Community, OfficeGroup, Grid }, ignoreOrder: true);
        _tree.ScopeOf(PublicityOffice, Role.Viewer).ShouldBeEmpty();
        _tree.ScopeOf(Viewer, Role.Viewer).ShouldBe(new HashSet<long> { Community, Grid }, ignoreOrder: true);
    }

    [Fact]
    public void HasRole_Assignments_ExactRoles()
    {
        _tree.HasRole(OfficeHead, Role.UnitHead).ShouldBeTrue();
        _tree.HasRole(OfficeHead, Role.SupervisingLeader).ShouldBeFalse();
        _tree.HasRole(SysAdmin, Role.SysAdmin).ShouldBeTrue();
        _tree.AssignmentsOf(Stranger).ShouldBeEmpty();
        _tree.Holders(Role.UnitHead, PartyOffice).ShouldBe([OfficeHead]);
        _tree.Holders(Role.UnitHead, OfficeGroup).ShouldBeEmpty();
    }

    // ---------- RoleAssignment ----------

    [Fact]
    public void RoleAssignmentCreate_GlobalRoleWithUnit_ThrowsGlobalHasNoUnit()
    {
        Expect.Validation(() => RoleAssignment.Create(1, Role.SysAdmin, Street, TestClock.Now), "Role.GlobalHasNoUnit", "UnitId");
    }

    [Fact]
    public void RoleAssignmentCreate_UnitRoleWithoutUnit_ThrowsUnitRequired()
    {
        Expect.Validation(() => RoleAssignment.Create(1, Role.UnitHead, null, TestClock.Now), "Role.UnitRequired", "UnitId");
    }
}
