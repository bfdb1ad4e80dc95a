using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;

namespace Herald.Domain.Review;

/// <summary>
/// 审核路线配置（[000][001] 审稿制度）：按重要程度确定路线，可按单位类型覆盖。
/// 默认：一般 → 单位负责人；重要 → 单位负责人 → 分管领导；重大 → 单位负责人 → 分管领导 → 主要负责人。
/// </summary>
public sealed class RoutePolicy
{
    private readonly IReadOnlyDictionary<Importance, ReviewRoute> _routes;
    private readonly IReadOnlyDictionary<(UnitType, Importance), ReviewRoute> _overrides;

    public RoutePolicy(IReadOnlyDictionary<Importance, ReviewRoute> routes,
        IReadOnlyDictionary<(UnitType, Importance), ReviewRoute>? overrides = null)
    {
        foreach (var importance in Enum.GetValues<Importance>())
        {
            if (!routes.TryGetValue(importance, out var route))
                throw new DomainException("Route.Missing", importance.Code());
            Validate(route);
        }
        foreach (var route in (overrides ?? new Dictionary<(UnitType, Importance), ReviewRoute>()).Values)
            Validate(route);
        _routes = routes;
        _overrides = overrides ?? new Dictionary<(UnitType, Importance), ReviewRoute>();
    }

    public static RoutePolicy Default { get; } = new(new Dictionary<Importance, ReviewRoute>
    {
        [Importance.Routine] = new([Role.UnitHead]),
        [Importance.Important] = new([Role.UnitHead, Role.SupervisingLeader]),
        [Importance.Major] = new([Role.UnitHead, Role.SupervisingLeader, Role.Principal]),
    });

    public ReviewRoute RouteFor(Importance importance, UnitType unitType) =>
        _overrides.TryGetValue((unitType, importance), out var route) ? route : _routes[importance];

    private static void Validate(ReviewRoute route)
    {
        if (route.Steps.Count == 0)
            throw new DomainException("Route.Empty");
        if (route.Steps.Any(s => !s.IsReviewerRole()))
            throw new DomainException("Route.InvalidRole");
    }
}
