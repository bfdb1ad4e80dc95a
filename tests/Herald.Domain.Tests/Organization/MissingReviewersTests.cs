using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Support.TestOrg;

namespace Herald.Domain.Tests.Organization;

/// <summary>路线上哪些级别在某单位（含逐级向上）找不到审核人：交办前就告诉宣传办，而不是到审核时才 409。</summary>
public class MissingReviewersTests
{
    private static readonly ReviewRoute Major = new([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);

    [Fact]
    public void MissingReviewers_UnitWithoutOwnHead_ResolvedUpTheTreeSoNoneMissing()
    {
        var tree = StreetTree().Build();

        tree.MissingReviewers(Major, Grid).ShouldBeEmpty();
    }

    [Fact]
    public void MissingReviewers_RootWithoutAnyReviewer_EveryStepInRouteOrder()
    {
        var tree = StreetTree().Build();

        tree.MissingReviewers(Major, Bureau).ShouldBe([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);
    }

    [Fact]
    public void MissingReviewers_OnlyHeadMissingAnywhereAbove_JustThatRole()
    {
        var tree = new TestOrg()
            .Unit(1, "街道", type: UnitType.Street).Unit(2, "平安办", 1)
            .Assign(10, Role.SupervisingLeader, 2).Assign(11, Role.Principal, 1)
            .Build();

        tree.MissingReviewers(Major, 2).ShouldBe([Role.UnitHead]);
    }
}
