using System.Globalization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.RateLimits;

namespace Herald.Web.Features.Account;

/// <summary>改口令（网页与 API）按地址、按账号限流：每次提交都计数。</summary>
public static class PasswordChangeLimit
{
    public static RouteHandlerBuilder WithPasswordChangeLimit(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (long.TryParse(http.User.FindFirst(HeraldClaims.UserId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
                http.RequestServices.GetRequiredService<SignInThrottle>()
                    .CountPasswordChange(http.Connection.RemoteIpAddress?.ToString(), userId);
            return await next(context);
        });
}
