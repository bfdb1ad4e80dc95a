using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;

namespace Herald.Web.Features.Reviews;

/// <summary>分级审核：审核稿件、待我审核、详情页上的审核面板。</summary>
public sealed class ReviewsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetReviewInbox>();
        services.AddScoped<ReviewManuscript>();
        services.AddScoped<EditInReview>();
        services.AddScoped<IManuscriptDetailSection, ReviewSection>();
        services.AddScoped<IWaitingWorkSource, ReviewsWaiting>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapReviewPages();
        pages.MapReviewEditPages();
        pages.MapReviewBatchPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapReviewApi();
        api.MapReviewEditApi();
        api.MapReviewBatchApi();
        api.MapSensitiveApi();
    }
}
