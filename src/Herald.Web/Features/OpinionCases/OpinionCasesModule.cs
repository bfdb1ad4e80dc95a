using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情处置闭环：研判、交办、回应/处置、反馈、办结，时限与督办，应急预案，统计与报告。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class OpinionCasesModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddStoredFileReference<Herald.Domain.Opinion.Cases.OpinionCaseAttachment>(a => a.FileHash);
        services.AddOptions<DeadlineWatchOptions>().BindConfiguration(DeadlineWatchOptions.Section);
        services.AddScoped<CaseStore>();
        services.AddScoped<CaseNotifier>();
        services.AddScoped<CaseFiles>();
        services.AddScoped<GetCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<IWaitingWorkSource, CasesWaiting>();
        services.AddScoped<OpenCase>();
        services.AddScoped<AssignCase>();
        services.AddScoped<RecordResponse>();
        services.AddScoped<ResponseRoute>();
        services.AddScoped<ReviewResponse>();
        services.AddScoped<RecordDisposal>();
        services.AddScoped<SubmitFeedback>();
        services.AddScoped<CloseCase>();
        services.AddScoped<ReopenCase>();
        services.AddScoped<ChangeSeverity>();
        services.AddScoped<ActivatePlan>();
        services.AddScoped<CompleteTask>();
        services.AddScoped<RecordInterview>();
        services.AddScoped<DeadlineRules>();
        services.AddScoped<Plans>();
        services.AddScoped<ListOverdue>();
        services.AddScoped<CaseStats>();
        services.AddScoped<CaseDetailRenderer>();
        services.AddScoped<PlansPageBuilder>();
        services.AddSingleton<DeadlineWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatch>());
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapCasePages();
        pages.MapOfficePages();
        pages.MapCaseFiles();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapCaseApi();
        api.MapStatsApi();
        api.MapCaseFiles();
    }
}
