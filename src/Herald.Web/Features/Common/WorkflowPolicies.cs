using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Common;

/// <summary>由配置得到的审核路线与时效规则。配置有误时启动即报错，而不是在提交时才发现。</summary>
public sealed class WorkflowPolicies
{
    public WorkflowPolicies(IOptions<HeraldOptions> options)
    {
        var herald = options.Value;
        Routes = BuildRoutes(herald.Review);
        Timeliness = new TimelinessPolicy(herald.Timeliness.LateAfterDays, herald.Timeliness.EmergencyDueHours);
    }

    public RoutePolicy Routes { get; }
    public TimelinessPolicy Timeliness { get; }

    public static RoutePolicy BuildRoutes(ReviewOptions review)
    {
        var routes = new Dictionary<Importance, ReviewRoute>();
        foreach (var importance in Enum.GetValues<Importance>())
            routes[importance] = RoutePolicy.Default.RouteFor(importance, UnitType.Department);
        foreach (var (key, steps) in review.Routes)
            routes[ParseImportance(key)] = ParseRoute(steps, key);

        var overrides = new Dictionary<(UnitType, Importance), ReviewRoute>();
        foreach (var (typeName, byImportance) in review.RoutesByUnitType)
        {
            if (!Enum.TryParse<UnitType>(typeName, ignoreCase: true, out var type))
                throw new InvalidOperationException($"Herald:Review:RoutesByUnitType: unknown unit type '{typeName}'.");
            foreach (var (key, steps) in byImportance)
                overrides[(type, ParseImportance(key))] = ParseRoute(steps, $"{typeName}:{key}");
        }
        return new RoutePolicy(routes, overrides);
    }

    private static Importance ParseImportance(string key) =>
        ImportanceCodes.TryParse(key, out var importance)
            ? importance
            : throw new InvalidOperationException($"Herald:Review:Routes: unknown importance '{key}' (use routine, important, major).");

    private static ReviewRoute ParseRoute(string[] steps, string where)
    {
        var roles = steps.Select(s => RoleRules.TryParse(s, out var role) && role.IsReviewerRole()
            ? role
            : throw new InvalidOperationException($"Herald:Review:Routes:{where}: '{s}' is not a reviewer role (UnitHead, SupervisingLeader, Principal).")).ToArray();
        if (roles.Length == 0) throw new InvalidOperationException($"Herald:Review:Routes:{where}: empty route.");
        return new ReviewRoute(roles);
    }
}
