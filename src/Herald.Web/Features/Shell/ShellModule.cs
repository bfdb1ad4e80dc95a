using Herald.Web.Features.Common;

namespace Herald.Web.Features.Shell;

/// <summary>页面框架（菜单、未读数）。</summary>
public sealed class ShellModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GetShellInfo>();
    }
}
