using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Features.OpinionIntake.Feeds;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>舆情监测：舆情信息上报、厂商推送、订阅源轮询、近似重复归并、关键词命中。 本模块的服务、网页和 API 都在这里登记。</summary>
public sealed class OpinionIntakeModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddStoredFileReference<Herald.Domain.Opinion.OpinionItemAttachment>(a => a.FileHash);
        services.AddOptions<OpinionIntakeOptions>().BindConfiguration(OpinionIntakeOptions.Section);
        services.AddScoped<OpinionIngest>();
        services.AddScoped<PushOpinionItems>();
        services.AddScoped<IntakeTokens>();
        services.AddScoped<OpinionAccess>();
        services.AddScoped<ReportOpinionItem>();
        services.AddScoped<ListOpinionItems>();
        services.AddScoped<GetOpinionItem>();
        services.AddScoped<ManageFeeds>();
        services.AddScoped<FeedFetcher>();
        services.AddHttpClient(FeedFetcher.ClientName, client =>
            {
                // 每个源有自己的超时（见 FeedFetcher），这里不再另设。
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Herald/1.0 (opinion monitoring)");
            })
            .ConfigurePrimaryHttpMessageHandler(services =>
            {
                // 每次连接都经 OutboundGuard（防 SSRF，重定向也一样）。
                var handler = Infrastructure.Net.OutboundGuard.Handler(
                    services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.HeraldOptions>>().Value.Outbound);
                handler.AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate;
                handler.AllowAutoRedirect = true;
                handler.MaxAutomaticRedirections = 5;
                handler.UseCookies = false;
                handler.ConnectTimeout = TimeSpan.FromSeconds(10);
                return handler;
            });
        services.AddSingleton<FeedPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedPoller>());
        services.AddSingleton<BandIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<BandIndexer>());
        services.AddSingleton<BandIndexPruning>();
        services.AddHostedService(sp => sp.GetRequiredService<BandIndexPruning>());
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapIntakeTokenPages();
        pages.MapOpinionItemPages();
        pages.MapFeedPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapIntakeApi();
        api.MapOpinionItemApi();
        api.MapFeedApi();
    }
}
