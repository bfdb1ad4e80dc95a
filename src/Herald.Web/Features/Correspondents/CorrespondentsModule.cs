using Herald.Web.Features.Common;

namespace Herald.Web.Features.Correspondents;

/// <summary>信息员登记。</summary>
public sealed class CorrespondentsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ListCorrespondents>();
        services.AddScoped<GetCorrespondent>();
        services.AddScoped<LinkableUsers>();
        services.AddScoped<CorrespondentFormBuilder>();
        services.AddScoped<RegisterCorrespondent>();
        services.AddScoped<UpdateCorrespondent>();
        services.AddScoped<EndCorrespondent>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapCorrespondentPages();

    public void MapApi(RouteGroupBuilder api) => api.MapCorrespondentApi();
}
