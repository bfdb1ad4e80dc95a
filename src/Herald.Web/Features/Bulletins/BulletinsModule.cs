using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Features.Bulletins;

/// <summary>季度通报与年终考核：草稿、发布冻结、Word 与 Excel。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class BulletinsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddStoredFileReference<Herald.Domain.Scoring.Bulletin>(b => b.DocumentHash);
        services.AddStoredFileReference<Herald.Domain.Scoring.Bulletin>(b => b.WorkbookHash);
        services.AddScoped<BulletinFigureBuilder>();
        services.AddScoped<CreateBulletin>();
        services.AddScoped<EditBulletin>();
        services.AddScoped<PublishBulletin>();
        services.AddScoped<GetBulletin>();
        services.AddScoped<ListBulletins>();
        services.AddScoped<GetBulletinFile>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapBulletinPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapBulletinApi();
    }
}
