using System.Globalization;
using System.Security.Claims;
using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Herald.Web.Features.Account;

/// <summary>签发网页登录 Cookie（会话 Cookie，30 分钟无操作即失效）。</summary>
public static class CookieSignIn
{
    public static Task SignInAsync(HttpContext http, UserAccount user)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(HeraldClaims.UserId, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(HeraldClaims.UserName, user.UserName),
            new Claim(HeraldClaims.DisplayName, user.DisplayName),
            new Claim(HeraldClaims.SecurityStamp, user.SecurityStamp),
            new Claim(HeraldClaims.MustChangePassword, user.MustChangePassword ? "1" : "0"),
        ], AuthSchemes.Cookie, HeraldClaims.UserName, null);
        return http.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }
}
