using Herald.Web.Features.Common;

namespace Herald.Web.Features.OptionLists;

/// <summary>可配置选项表（舆情类别、舆情平台）：宣传办维护，立案表单和信息筛选从这里取选项。</summary>
public sealed class OptionListsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetOptionList>();
        services.AddScoped<SaveOptionList>();
        services.AddScoped<OptionChoices>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapOptionListPages();

    public void MapApi(RouteGroupBuilder api) => api.MapOptionListApi();
}
