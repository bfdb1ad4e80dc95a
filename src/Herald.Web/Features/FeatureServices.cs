using Herald.Web.Features.Account;
using Herald.Web.Features.Audit;
using Herald.Web.Features.Bulletins;
using Herald.Web.Features.Categories;
using Herald.Web.Features.Correspondents;
using Herald.Web.Features.Home;
using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Features.OpinionIntake;
using Herald.Web.Features.Organization;
using Herald.Web.Features.Organization.Import;
using Herald.Web.Features.Publishing;
using Herald.Web.Features.Reports;
using Herald.Web.Features.Reviews;
using Herald.Web.Features.Scoring;
using Herald.Web.Features.Shell;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Documents;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddHeraldFeatures(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoOpinionSeeder>();
        services.AddScoped<ReferenceData>();
        services.AddSingleton<FileStore>();
        services.AddHostedService<StagedUploadCleanup>();
        services.AddSingleton<DocxImporter>();
        services.AddSingleton<WorkflowPolicies>();
        services.AddScoped<GetShellInfo>();

        services.AddScoped<PasswordSignIn>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ChangePassword>();

        services.AddScoped<UploadStaging>();
        services.AddScoped<ManuscriptStager>();
        services.AddScoped<SaveManuscript>();
        services.AddScoped<SubmitWorkflow>();
        services.AddScoped<GetManuscript>();
        services.AddScoped<ListManuscripts>();
        services.AddScoped<ReviewManuscript>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<GetPool>();
        services.AddScoped<ManuscriptFormBuilder>();
        services.AddScoped<GetReviewInbox>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationCenter>();
        services.AddScoped<GetDashboard>();

        services.AddScoped<ListUnits>();
        services.AddScoped<GetUnit>();
        services.AddScoped<GetUnitList>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<MoveUnit>();
        services.AddScoped<SetUnitDisabled>();
        services.AddScoped<ListUsers>();
        services.AddScoped<GetUser>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUserProfile>();
        services.AddScoped<AssignRole>();
        services.AddScoped<RemoveRole>();
        services.AddScoped<SetUserDisabled>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<UnlockUser>();
        services.AddScoped<ImportVocabulary>();
        services.AddScoped<ImportTemplate>();
        services.AddScoped<RunImport>();

        services.AddScoped<ListCorrespondents>();
        services.AddScoped<GetCorrespondent>();
        services.AddScoped<LinkableUsers>();
        services.AddScoped<CorrespondentFormBuilder>();
        services.AddScoped<RegisterCorrespondent>();
        services.AddScoped<UpdateCorrespondent>();
        services.AddScoped<EndCorrespondent>();

        services.AddScoped<ListCategories>();
        services.AddScoped<AddCategory>();
        services.AddScoped<RenameCategory>();
        services.AddScoped<MoveCategory>();
        services.AddScoped<SetCategoryDisabled>();
        services.AddScoped<SearchAudit>();

        services.AddPublishing();
        services.AddScoring();
        services.AddReports();
        services.AddBulletins();
        services.AddKeywords();
        services.AddOpinionIntake();
        services.AddOpinionCases();
        return services;
    }

    public static WebApplication MapHeraldFeatures(this WebApplication app)
    {
        app.MapGet("/healthz", Health.CheckAsync).AllowAnonymous().ExcludeFromDescription();

        // 网页：Cookie 登录，所有 POST 校验防伪令牌。
        var pages = app.MapGroup("").RequireAuthorization(AuthSchemes.PagesPolicy).RequireCsrf().ExcludeFromDescription();
        pages.MapGet("/", async (HttpContext http, GetDashboard dashboard, Clock clock) =>
            Pages.Render<HomePage>(new { Model = await dashboard.HandleAsync(http.RequestAborted), Today = Domain.Common.ChinaTime.DateOf(clock.UtcNow) }));
        pages.MapAccountPages();
        pages.MapManuscriptPages();
        pages.MapNotificationPages();
        pages.MapUnitPages();
        pages.MapUserPages();
        pages.MapImportPages();
        pages.MapCorrespondentPages();
        pages.MapCategoryPages();
        pages.MapAuditPages();
        pages.MapPublishingPages();
        pages.MapScoringPages();
        pages.MapReportsPages();
        pages.MapBulletinsPages();
        pages.MapKeywordsPages();
        pages.MapOpinionIntakePages();
        pages.MapOpinionCasesPages();

        // 稿件文件：网页和 API 令牌都可下载。
        var files = app.MapGroup("").RequireAuthorization(AuthSchemes.FilesPolicy).ExcludeFromDescription();
        files.MapManuscriptFiles();
        return app;
    }
}
