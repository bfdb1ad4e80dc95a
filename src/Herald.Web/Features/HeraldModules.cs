using Herald.Web.Features.Account;
using Herald.Web.Features.Audit;
using Herald.Web.Features.Bulletins;
using Herald.Web.Features.Categories;
using Herald.Web.Features.Common;
using Herald.Web.Features.Correspondents;
using Herald.Web.Features.Demo;
using Herald.Web.Features.Home;
using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Features.OpinionIntake;
using Herald.Web.Features.OptionLists;
using Herald.Web.Features.Organization;
using Herald.Web.Features.Publishing;
using Herald.Web.Features.Reports;
using Herald.Web.Features.Reviews;
using Herald.Web.Features.Scoring;
using Herald.Web.Features.Shell;
using Herald.Web.Features.Writing;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features;

/// <summary>全部功能模块，按此顺序登记服务和路由。新模块加在末尾（docs/architecture.md「如何新增模块」）。</summary>
public static class HeraldModules
{
    public static readonly IModule[] All =
    [
        new ShellModule(),
        new HomeModule(),
        new AccountModule(),
        new ManuscriptsModule(),
        new ReviewsModule(),
        new NotificationsModule(),
        new OrganizationModule(),
        new CorrespondentsModule(),
        new CategoriesModule(),
        new AuditModule(),
        new PublishingModule(),
        new ScoringModule(),
        new ReportsModule(),
        new BulletinsModule(),
        new KeywordsModule(),
        new OpinionIntakeModule(),
        new OpinionCasesModule(),
        new WritingModule(),
        new DemoModule(),
        new OptionListsModule(),
    ];

    public static IServiceCollection AddHeraldModules(this IServiceCollection services)
    {
        // 内核（Features/Common）的服务。
        services.AddSingleton<WorkflowPolicies>();
        services.AddScoped<Common.Batches.Batch>();
        foreach (var module in All) module.AddServices(services);
        return services;
    }

    /// <summary>启动时：建库/迁移，空库时写入初始数据（演示数据或只有 admin）并打印一次初始口令。</summary>
    public static Task InitializeHeraldAsync(this WebApplication app) => DemoModule.InitializeAsync(app);

    public static WebApplication MapHeraldModules(this WebApplication app)
    {
        // API：/api/v1，只认 Bearer 令牌，因此不需要防 CSRF。OpenAPI 文档在 /openapi/v1.json。
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // 每个令牌限流（Infrastructure/RateLimits）：任何接口都可能答 429。
        var api = app.MapGroup("/api/v1").RequireAuthorization(AuthSchemes.ApiPolicy).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        foreach (var module in All) module.MapApi(api);

        app.MapGet("/healthz", Health.CheckAsync).AllowAnonymous().ExcludeFromDescription();

        // 网页：Cookie 登录，所有 POST 校验防伪令牌。
        var pages = app.MapGroup("").RequireAuthorization(AuthSchemes.PagesPolicy).RequireCsrf().BindEmptyForms().WithPageChrome().ExcludeFromDescription();
        foreach (var module in All) module.MapPages(pages);

        // 文件下载：网页和 API 令牌都可。
        var files = app.MapGroup("").RequireAuthorization(AuthSchemes.FilesPolicy).ExcludeFromDescription();
        foreach (var module in All) module.MapFiles(files);
        return app;
    }
}
