using Herald.Web.Features.Common;

namespace Herald.Web.Features.Account;

/// <summary>登录、改口令、API 令牌。</summary>
public sealed class AccountModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<UnknownNameLockout>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<ChangePassword>();
    }

    public void MapPages(RouteGroupBuilder pages) => pages.MapAccountPages();

    public void MapApi(RouteGroupBuilder api) => api.MapAccountApi();
}
