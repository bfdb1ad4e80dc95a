using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Review;

public class RoutePolicyTests
{
    private static Dictionary<Importance, ReviewRoute> DefaultRoutes() => new()
    {
        [Importance.Routine] = new([Role.UnitHead]),
        [Importance.Important] = new([Role.UnitHead, Role.SupervisingLeader]),
        [Importance.Major] = new([Role.UnitHead, Role.SupervisingLeader, Role.Principal]),
    };

    [Theory]
    [InlineData(UnitType.Agency)]
    [InlineData(UnitType.Street)]
    [InlineData(UnitType.Department)]
    [InlineData(UnitType.Community)]
    [InlineData(UnitType.Affiliate)]
    [InlineData(UnitType.Society)]
    public void RouteFor_Default_ByImportanceForEveryUnitType(UnitType unitType)
    {
        var policy = RoutePolicy.Default;

        policy.RouteFor(Importance.Routine, unitType).Steps.ShouldBe([Role.UnitHead]);
        policy.RouteFor(Importance.Important, unitType).Steps.ShouldBe([Role.UnitHead, Role.SupervisingLeader]);
        policy.RouteFor(Importance.Major, unitType).Steps
            .ShouldBe([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);
    }

    [Fact]
    public void RouteFor_UnitTypeOverride_UsedOnlyForThatTypeAndImportance()
    {
        var policy = new RoutePolicy(DefaultRoutes(), new Dictionary<(UnitType, Importance), ReviewRoute>
        {
            [(UnitType.Community, Importance.Routine)] = new([Role.UnitHead, Role.SupervisingLeader]),
            [(UnitType.Affiliate, Importance.Major)] = new([Role.Principal]),
        });

        policy.RouteFor(Importance.Routine, UnitType.Community).Steps.ShouldBe([Role.UnitHead, Role.SupervisingLeader]);
        policy.RouteFor(Importance.Important, UnitType.Community).Steps.ShouldBe([Role.UnitHead, Role.SupervisingLeader]);
        policy.RouteFor(Importance.Major, UnitType.Community).Steps
            .ShouldBe([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);
        policy.RouteFor(Importance.Routine, UnitType.Department).Steps.ShouldBe([Role.UnitHead]);
        policy.RouteFor(Importance.Major, UnitType.Affiliate).Steps.ShouldBe([Role.Principal]);
        policy.RouteFor(Importance.Major, UnitType.Street).Steps
            .ShouldBe([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);
    }

    [Fact]
    public void Constructor_EmptyRoute_ThrowsRouteEmpty()
    {
        var routes = DefaultRoutes();
        routes[Importance.Important] = new([]);

        Expect.Conflict(() => _ = new RoutePolicy(routes), "Route.Empty");
    }

    [Fact]
    public void Constructor_EmptyOverride_ThrowsRouteEmpty()
    {
        Expect.Conflict(() => _ = new RoutePolicy(DefaultRoutes(), new Dictionary<(UnitType, Importance), ReviewRoute>
        {
            [(UnitType.Community, Importance.Routine)] = new([]),
        }), "Route.Empty");
    }

    [Theory]
    [InlineData(Role.Correspondent)]
    [InlineData(Role.Office)]
    [InlineData(Role.Viewer)]
    [InlineData(Role.SysAdmin)]
    [InlineData(Role.OpinionOfficer)]
    [InlineData(Role.SecAdmin)]
    [InlineData(Role.Auditor)]
    public void Constructor_NonReviewerRoleInRoute_ThrowsInvalidRole(Role role)
    {
        var routes = DefaultRoutes();
        routes[Importance.Major] = new([Role.UnitHead, role]);

        Expect.Conflict(() => _ = new RoutePolicy(routes), "Route.InvalidRole");
    }

    [Fact]
    public void Constructor_NonReviewerRoleInOverride_ThrowsInvalidRole()
    {
        Expect.Conflict(() => _ = new RoutePolicy(DefaultRoutes(), new Dictionary<(UnitType, Importance), ReviewRoute>
        {
            [(UnitType.Street, Importance.Routine)] = new([Role.Office]),
        }), "Route.InvalidRole");
    }

    [Fact]
    public void Constructor_MissingImportance_ThrowsRouteMissing()
    {
        var routes = DefaultRoutes();
        routes.Remove(Importance.Major);

        var ex = Expect.Conflict(() => _ = new RoutePolicy(routes), "Route.Missing");

        ex.Args.ShouldBe(["major"]);
    }

    [Fact]
    public void ReviewRoute_SerializeThenParse_RoundTrips()
    {
        var route = new ReviewRoute([Role.UnitHead, Role.SupervisingLeader, Role.Principal]);

        route.Serialize().ShouldBe("UnitHead,SupervisingLeader,Principal");
        ReviewRoute.Parse(route.Serialize()).ShouldBe(route);
        ReviewRoute.Parse(" UnitHead , Principal ").Steps.ShouldBe([Role.UnitHead, Role.Principal]);
    }

    [Fact]
    public void ReviewRoute_Equality_BySteps()
    {
        var a = new ReviewRoute([Role.UnitHead, Role.Principal]);
        var b = new ReviewRoute(new List<Role> { Role.UnitHead, Role.Principal });

        a.Equals(b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.Equals(new ReviewRoute([Role.Principal, Role.UnitHead])).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Role.UnitHead, true)]
    [InlineData(Role.SupervisingLeader, true)]
    [InlineData(Role.Principal, true)]
    [InlineData(Role.Correspondent, false)]
    [InlineData(Role.Office, false)]
    [InlineData(Role.Viewer, false)]
    public void IsReviewerRole_Role_OnlyReviewRoles(Role role, bool expected)
    {
        role.IsReviewerRole().ShouldBe(expected);
    }
}
