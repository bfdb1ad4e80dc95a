namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置闭环：研判、交办、回应/处置、反馈、办结，时限与督办，应急预案，统计与报告。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class OpinionCasesModule
{
    public static IServiceCollection AddOpinionCases(this IServiceCollection services)
    {
        return services;
    }

    public static RouteGroupBuilder MapOpinionCasesPages(this RouteGroupBuilder pages)
    {
        return pages;
    }

    public static RouteGroupBuilder MapOpinionCasesApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
