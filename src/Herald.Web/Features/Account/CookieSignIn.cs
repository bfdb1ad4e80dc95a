using System.Globalization;
using System.Security.Claims;
using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication;

namespace Herald.Web.Features.Account;

/// <summary>签发网页登录 Cookie（会话 Cookie，30 分钟无操作即失效）：每次登录在服务器端开一个会话，Cookie 带会话号。</summary>
public static class CookieSignIn
{
    public static async Task SignInAsync(HttpContext http, UserAccount user)
    {
        var db = http.RequestServices.GetRequiredService<HeraldDbContext>();
        var session = UserSession.Start(user.Id, http.RequestServices.GetRequiredService<Clock>().UtcNow);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        var identity = new ClaimsIdentity(
        [
            new Claim(HeraldClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(HeraldClaims.UserName, user.UserName),
            new Claim(HeraldClaims.DisplayName, user.DisplayName),
            new Claim(HeraldClaims.SecurityStamp, user.SecurityStamp),
            new Claim(HeraldClaims.MustChangePassword, user.MustChangePassword ? "1" : "0"),
            new Claim(HeraldClaims.SessionId, session.Id),
        ], AuthSchemes.Cookie, HeraldClaims.UserName, null);
        await http.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>退出登录：先在服务器端结束会话（之后重放这个 Cookie 也无效），再清除 Cookie。</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (http.User.FindFirst(HeraldClaims.SessionId)?.Value is { } sessionId)
        {
            var db = http.RequestServices.GetRequiredService<HeraldDbContext>();
            var session = await db.UserSessions.FindAsync([sessionId], http.RequestAborted);
            session?.End(http.RequestServices.GetRequiredService<Clock>().UtcNow);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        await http.SignOutAsync(AuthSchemes.Cookie);
    }
}
