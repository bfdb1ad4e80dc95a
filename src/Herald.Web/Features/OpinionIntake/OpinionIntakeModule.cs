namespace Herald.Web.Features.OpinionIntake;

/// <summary>舆情监测：舆情信息上报、厂商推送、订阅源轮询、近似重复归并、关键词命中。 本模块的服务、网页和 API 都在这里登记。</summary>
public static class OpinionIntakeModule
{
    public static IServiceCollection AddOpinionIntake(this IServiceCollection services)
    {
        services.AddOptions<OpinionIntakeOptions>().BindConfiguration(OpinionIntakeOptions.Section);
        services.AddScoped<OpinionIngest>();
        services.AddScoped<PushOpinionItems>();
        services.AddScoped<IntakeTokens>();
        services.AddScoped<OpinionAccess>();
        services.AddScoped<ReportOpinionItem>();
        services.AddScoped<ListOpinionItems>();
        services.AddScoped<GetOpinionItem>();
        services.AddSingleton<BandIndexPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<BandIndexPruning>());
        return services;
    }

    public static RouteGroupBuilder MapOpinionIntakePages(this RouteGroupBuilder pages)
    {
        pages.MapIntakeTokenPages();
        pages.MapOpinionItemPages();
        return pages;
    }

    public static RouteGroupBuilder MapOpinionIntakeApi(this RouteGroupBuilder api)
    {
        api.MapIntakeApi();
        api.MapOpinionItemApi();
        return api;
    }
}
