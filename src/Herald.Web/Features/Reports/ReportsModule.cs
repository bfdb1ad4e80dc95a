namespace Herald.Web.Features.Reports;

/// <summary>统计报表：单位、信息员、积分明细、图表。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<BuildPeriodReport>();
        services.AddScoped<GetPointsDetail>();
        return services;
    }

    public static RouteGroupBuilder MapReportsPages(this RouteGroupBuilder pages)
    {
        pages.MapReportPages();
        return pages;
    }

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapReportApi();
        return api;
    }
}
