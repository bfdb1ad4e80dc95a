using Herald.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Auth;

public static class AuthServices
{
    /// <summary>网页用 Cookie（30 分钟无操作超时、12 小时绝对时限、服务器端会话），API 只认 Bearer 令牌（因此 API 不需要防 CSRF）。</summary>
    public static IServiceCollection AddHeraldAuth(this IServiceCollection services)
    {
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<OrgDirectory>();
        services.AddSingleton<TokenCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, TokenCache.Invalidator>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PasswordChangeRevokesTokens>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<HeraldCookieEvents>();
        services.AddSingleton<IAuthorizationHandler, TokenScopeHandler>();

        services.AddAuthentication(AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, _ => { })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AuthSchemes.Token, _ => { });

        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<IOptions<HeraldOptions>>((cookie, herald) =>
            {
                cookie.Cookie.Name = HeraldCookieEvents.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(herald.Value.Security.IdleTimeoutMinutes);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/signin";
                cookie.LogoutPath = "/signout";
                cookie.AccessDeniedPath = "/signin";
                cookie.ReturnUrlParameter = "returnUrl";
                cookie.EventsType = typeof(HeraldCookieEvents);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.PagesPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Cookie).RequireAuthenticatedUser())
            .AddPolicy(AuthSchemes.ApiPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Token).RequireAuthenticatedUser()
                .AddRequirements(new TokenScopeRequirement()))
            .AddPolicy(AuthSchemes.FilesPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Cookie, AuthSchemes.Token).RequireAuthenticatedUser()
                .AddRequirements(new TokenScopeRequirement()));
        return services;
    }
}
