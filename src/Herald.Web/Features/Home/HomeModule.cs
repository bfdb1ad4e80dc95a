using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Home;

/// <summary>首页（工作台）：各模块登记的待办来源合并成一张清单；宣传办与领导另有时期数字和看板。</summary>
public sealed class HomeModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<GetWorkbench>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/", async (string? period, HttpContext http, GetWorkbench workbench) =>
            Pages.Render<HomePage>(new { Model = await workbench.HandleAsync(period, http.RequestAborted) }));
    }
}
