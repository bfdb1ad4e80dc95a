using Herald.Web.Infrastructure.Files;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;

namespace Herald.Web.Features.Publishing;

/// <summary>用稿与发布：渠道、媒体、发布、不采用、用稿登记与核实。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class PublishingModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section);
        services.AddStoredFileReference<Herald.Domain.Publishing.Adoption>(a => a.ProofHash);
        services.AddScoped<ListChannels>();
        services.AddScoped<SaveChannel>();
        services.AddScoped<SetChannelDisabled>();
        services.AddScoped<ListOutlets>();
        services.AddScoped<SaveOutlet>();
        services.AddScoped<SetOutletDisabled>();
        services.AddScoped<EditorialDesk>();
        services.AddScoped<GetPool>();
        services.AddScoped<PublishManuscript>();
        services.AddScoped<MarkNotUsed>();
        services.AddScoped<PoolBatchItem>();
        services.AddScoped<ProofUpload>();
        services.AddScoped<ProofStaging>();
        services.AddScoped<RecordAdoption>();
        services.AddScoped<DecideAdoption>();
        services.AddScoped<ListAdoptions>();
        services.AddScoped<IManuscriptDetailSection, EditorialSection>();
        services.AddScoped<IWaitingWorkSource, PoolWaiting>();
        services.AddScoped<IWaitingWorkSource, ClaimsWaiting>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapChannelPages();
        pages.MapOutletPages();
        pages.MapEditorialPages();
        pages.MapAdoptionPages();
        pages.MapPoolPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapChannelApi();
        api.MapOutletApi();
        api.MapEditorialApi();
        api.MapAdoptionApi();
        api.MapPoolApi();
    }
}
