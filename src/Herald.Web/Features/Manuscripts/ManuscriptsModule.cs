using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Features.Manuscripts;

/// <summary>稿件：撰写、导入 Word、报送、列表、详情、采编池。</summary>
public sealed class ManuscriptsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddStoredFileReference<Herald.Domain.Submission.ManuscriptAttachment>(a => a.FileHash);
        services.AddScoped<ManuscriptStager>();
        services.AddScoped<TextCheckStop>();
        services.AddScoped<SaveManuscript>();
        services.AddScoped<SubmitWorkflow>();
        services.AddScoped<GetManuscript>();
        services.AddScoped<ListManuscripts>();
        services.AddScoped<ManuscriptDetailPages>();
        services.AddScoped<IWaitingWorkSource, MyManuscriptsWaiting>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<WithdrawManuscript>();
        services.AddScoped<GetVersions>();
        services.AddScoped<ManuscriptFormBuilder>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapManuscriptPages();
        pages.MapWithdrawPage();
        pages.MapVersionPage();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapManuscriptApi();
        api.MapWithdrawApi();
        api.MapVersionApi();
    }

    public void MapFiles(RouteGroupBuilder files) => files.MapManuscriptFiles();
}
