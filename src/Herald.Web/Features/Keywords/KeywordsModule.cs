using Herald.Web.Features.Common;

namespace Herald.Web.Features.Keywords;

/// <summary>关键词库：舆情监测词表与敏感词表，由宣传办维护。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class KeywordsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<KeywordCatalog>();
        services.AddScoped<ListKeywordLists>();
        services.AddScoped<GetKeywordList>();
        services.AddScoped<SaveKeywordList>();
        services.AddScoped<SensitiveCheck>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapKeywordPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapKeywordApi();
    }
}
