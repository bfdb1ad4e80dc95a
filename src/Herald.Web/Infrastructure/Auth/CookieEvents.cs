using System.Globalization;
using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>
/// 每个请求核对会话仍在（未退出、未超过绝对时限）、账号仍然有效且口令未被重置（安全戳未变），否则立即退出登录。
/// 会话与账号在同一条预编译查询里取（与原先只查账号同样一次往返）。
/// </summary>
public sealed class HeraldCookieEvents(Clock clock, IOptions<HeraldOptions> options) : CookieAuthenticationEvents
{
    private sealed record SessionRow(DateTime CreatedAt, DateTime? EndedAt, bool Disabled, string SecurityStamp);

    private static readonly Func<HeraldDbContext, string, long, CancellationToken, Task<SessionRow?>> FindSession = CompiledQueries.PerModel(
        (HeraldDbContext db, string sessionId, long userId, CancellationToken ct) => (
                from s in db.UserSessions.AsNoTracking()
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where s.Id == sessionId && u.Id == userId
                select new SessionRow(s.CreatedAt, s.EndedAt, u.Disabled, u.SecurityStamp))
            .FirstOrDefault());

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var idText = context.Principal?.FindFirst(HeraldClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(HeraldClaims.SecurityStamp)?.Value;
        var sessionId = context.Principal?.FindFirst(HeraldClaims.SessionId)?.Value;
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || sessionId is null)
        {
            await Reject(context);
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<HeraldDbContext>();
        var row = await FindSession(db, sessionId, id, context.HttpContext.RequestAborted);
        var lifetime = TimeSpan.FromHours(options.Value.Security.SessionLifetimeHours);
        if (row is null || row.Disabled || row.SecurityStamp != stamp || !UserSession.IsActive(row.CreatedAt, row.EndedAt, lifetime, clock.UtcNow))
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
