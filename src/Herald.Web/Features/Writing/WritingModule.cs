using Herald.Web.Features.Common;

namespace Herald.Web.Features.Writing;

/// <summary>写作辅助：报送前的文字检查（敏感词、规范表述）与宣传办维护的规范表述表。本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class WritingModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<UsageCatalog>();
        services.AddScoped<CheckText>();
        services.AddScoped<GetUsageRules>();
        services.AddScoped<SaveUsageRules>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapWritingPages();

    public void MapApi(RouteGroupBuilder api) => api.MapWritingApi();
}
