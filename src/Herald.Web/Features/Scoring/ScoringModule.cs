using Herald.Web.Features.Common;

namespace Herald.Web.Features.Scoring;

/// <summary>计分规则：按生效日期分版本，宣传办维护。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class ScoringModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetScoringRules>();
        services.AddScoped<CreateRuleVersion>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapScoringRulePages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapScoringRuleApi();
    }
}
