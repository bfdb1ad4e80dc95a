using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Shell;

/// <summary>页面框架（菜单、未读数）。</summary>
public sealed class ShellModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetShellInfo>();
        services.AddScoped<ShellContext>();
        services.AddScoped<IPageChromeLoader, ShellInfoLoader>();
    }
}
