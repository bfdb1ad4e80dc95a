namespace Herald.Web.Features.Bulletins;

/// <summary>季度通报与年终考核：草稿、发布冻结、Word 与 Excel。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class BulletinsModule
{
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        services.AddScoped<BulletinFigureBuilder>();
        services.AddScoped<CreateBulletin>();
        services.AddScoped<EditBulletin>();
        services.AddScoped<PublishBulletin>();
        services.AddScoped<GetBulletin>();
        services.AddScoped<ListBulletins>();
        services.AddScoped<GetBulletinFile>();
        return services;
    }

    public static RouteGroupBuilder MapBulletinsPages(this RouteGroupBuilder pages)
    {
        pages.MapBulletinPages();
        return pages;
    }

    public static RouteGroupBuilder MapBulletinsApi(this RouteGroupBuilder api)
    {
        api.MapBulletinApi();
        return api;
    }
}
