using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Home;

/// <summary>首页（工作台）。</summary>
public sealed class HomeModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetDashboard>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapGet("/", async (HttpContext http, GetDashboard dashboard, Clock clock) =>
            Pages.Render<HomePage>(new { Model = await dashboard.HandleAsync(http.RequestAborted), Today = ChinaTime.DateOf(clock.UtcNow) }));
    }
}
