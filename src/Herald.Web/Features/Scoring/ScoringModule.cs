namespace Herald.Web.Features.Scoring;

/// <summary>计分规则：按生效日期分版本，宣传办维护。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class ScoringModule
{
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddScoped<GetScoringRules>();
        services.AddScoped<CreateRuleVersion>();
        return services;
    }

    public static RouteGroupBuilder MapScoringPages(this RouteGroupBuilder pages)
    {
        pages.MapScoringRulePages();
        return pages;
    }

    public static RouteGroupBuilder MapScoringApi(this RouteGroupBuilder api)
    {
        api.MapScoringRuleApi();
        return api;
    }
}
