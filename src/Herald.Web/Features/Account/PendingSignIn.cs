using System.Globalization;
using System.Security.Cryptography;
using Herald.Domain.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace Herald.Web.Features.Account;

/// <summary>
/// 口令已对、第二因素还没过的登录：一个加密、10 分钟有效的 Cookie 记着是谁（连同安全戳，口令被重置即作废）和登录后去哪。
/// 这时还没有登录 Cookie，什么页面都进不去。
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection)
{
    private const string CookieName = "herald.pending";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Herald.SignIn.Pending").ToTimeLimitedDataProtector();

    public sealed record State(long UserId, string SecurityStamp, string? ReturnUrl);

    public void Begin(HttpContext http, UserAccount user, string? returnUrl)
    {
        var payload = string.Join('\n', user.Id.ToString(CultureInfo.InvariantCulture), user.SecurityStamp, returnUrl ?? "");
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload, Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/signin", MaxAge = Lifetime,
        });
    }

    public State? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = _protector.Unprotect(value).Split('\n');
            return parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
                ? new State(id, parts[1], parts[2].Length == 0 ? null : parts[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/signin" });
}
