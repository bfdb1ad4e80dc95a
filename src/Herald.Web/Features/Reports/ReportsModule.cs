using Herald.Web.Features.Common;

namespace Herald.Web.Features.Reports;

/// <summary>统计报表：单位、信息员、积分明细、图表。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class ReportsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<BuildPeriodReport>();
        services.AddScoped<GetPointsDetail>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapReportPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapReportApi();
    }
}
