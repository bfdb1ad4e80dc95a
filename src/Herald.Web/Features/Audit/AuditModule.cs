using Herald.Web.Features.Common;

namespace Herald.Web.Features.Audit;

/// <summary>审计日志查询与导出（网页与 API）。</summary>
public sealed class AuditModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<SearchAudit>();
        services.AddScoped<VerifyAuditChain>();
        services.AddScoped<IWaitingWorkSource, SecurityEventsWaiting>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapAuditPages();

    public void MapApi(RouteGroupBuilder api) => api.MapAuditApi();
}
