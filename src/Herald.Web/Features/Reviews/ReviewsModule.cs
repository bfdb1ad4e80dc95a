using Herald.Web.Features.Common;

namespace Herald.Web.Features.Reviews;

/// <summary>分级审核：审核路线、待我审核。</summary>
public sealed class ReviewsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<WorkflowPolicies>();
        services.AddScoped<GetReviewInbox>();
        services.AddScoped<IWaitingWorkSource, ReviewsWaiting>();
    }
}
