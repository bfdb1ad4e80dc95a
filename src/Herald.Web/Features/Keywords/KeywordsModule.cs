namespace Herald.Web.Features.Keywords;

/// <summary>关键词库：舆情监测词表与敏感词表，由宣传办维护。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class KeywordsModule
{
    public static IServiceCollection AddKeywords(this IServiceCollection services)
    {
        services.AddSingleton<KeywordCatalog>();
        services.AddScoped<ListKeywordLists>();
        services.AddScoped<GetKeywordList>();
        services.AddScoped<SaveKeywordList>();
        services.AddScoped<SensitiveCheck>();
        return services;
    }

    public static RouteGroupBuilder MapKeywordsPages(this RouteGroupBuilder pages)
    {
        pages.MapKeywordPages();
        return pages;
    }

    public static RouteGroupBuilder MapKeywordsApi(this RouteGroupBuilder api)
    {
        api.MapKeywordApi();
        api.MapSensitiveApi();
        return api;
    }
}
