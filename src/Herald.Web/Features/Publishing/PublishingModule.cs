namespace Herald.Web.Features.Publishing;

/// <summary>用稿与发布：渠道、媒体、发布、不采用、用稿登记与核实。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class PublishingModule
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        return services;
    }

    public static RouteGroupBuilder MapPublishingPages(this RouteGroupBuilder pages)
    {
        return pages;
    }

    public static RouteGroupBuilder MapPublishingApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
