using System.Globalization;
using Herald.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>每个请求核对账号仍然有效且口令未被重置（安全戳未变），否则立即退出登录。</summary>
public sealed class HeraldCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var idText = context.Principal?.FindFirst(HeraldClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(HeraldClaims.SecurityStamp)?.Value;
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            await Reject(context);
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<HeraldDbContext>();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Disabled, u.SecurityStamp }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || user.SecurityStamp != stamp)
            await Reject(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }
        var target = context.RedirectUri;
        // 带着登录 Cookie 却未通过验证，说明会话已超时：登录页提示"登录已超时"。
        if (request.Cookies.ContainsKey(CookieName))
            target += (target.Contains('?') ? "&" : "?") + "expired=1";
        if (request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = target;
            return Task.CompletedTask;
        }
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    public const string CookieName = "herald.auth";

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
    }
}
