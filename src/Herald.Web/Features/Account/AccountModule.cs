using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

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
        services.AddScoped<SecondFactor>();
        services.AddSingleton<PendingSignIn>();
        services.AddSingleton<TotpCodes>();
    }

    public void MapPages(RouteGroupBuilder pages)
    {
        pages.MapAccountPages();
        pages.MapSecondFactorPages();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapAccountApi();
        api.MapSecondFactorApi();
    }
}
