using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Infrastructure.Web;

/// <summary>初始口令或被重置的口令：修改前只能访问修改口令页面。</summary>
public static class MustChangePasswordMiddleware
{
    private static readonly string[] Allowed = ["/account/password", "/signout", "/signin", "/healthz", "/lib", "/css", "/js", "/img", "/culture"];

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(HeraldClaims.MustChangePassword)?.Value == "1"
            && !context.Request.Path.StartsWithSegments("/api")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            context.Response.Redirect("/account/password");
            return;
        }
        await next();
    });
}
