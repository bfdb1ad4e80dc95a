using Herald.Web.Features.Common;

namespace Herald.Web.Features.Manuscripts;

/// <summary>稿件：撰写、导入 Word、报送、列表、详情、采编池。</summary>
public sealed class ManuscriptsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<UploadStaging>();
        services.AddScoped<ManuscriptStager>();
        services.AddScoped<TextCheckStop>();
        services.AddScoped<SaveManuscript>();
        services.AddScoped<SubmitWorkflow>();
        services.AddScoped<GetManuscript>();
        services.AddScoped<ListManuscripts>();
        services.AddScoped<IWaitingWorkSource, MyManuscriptsWaiting>();
        services.AddScoped<ReviewManuscript>();
        services.AddScoped<DeleteDraft>();
        services.AddScoped<WithdrawManuscript>();
        services.AddScoped<GetPool>();
        services.AddScoped<ManuscriptFormBuilder>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapManuscriptPages();
        pages.MapWithdrawPage();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapManuscriptApi();
        api.MapWithdrawApi();
    }

    public void MapFiles(RouteGroupBuilder files) => files.MapManuscriptFiles();
}
