using System.Threading.RateLimiting;
using Herald.Web.Components.Shared;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.RateLimits;

/// <summary>
/// ASP.NET Core 限流中间件：API 按令牌、导出与报表按用户（在认证之后，才知道令牌和用户）。
/// 登录失败与改口令的限流见 <see cref="SignInThrottle"/>。
/// </summary>
public static class RateLimitServices
{
    public static IServiceCollection AddHeraldRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HeraldOptions>>((limiter, herald) =>
        {
            var limits = herald.Value.RateLimits;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => WriteRejectionAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
            if (!limits.Enabled) return;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    http.User.FindFirst(HeraldClaims.TokenId)?.Value is { } tokenId
                        ? Fixed("token:" + tokenId, limits.ApiCallsPerToken)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    IsExportOrReport(http.Request.Path) && http.User.FindFirst(HeraldClaims.UserId)?.Value is { } userId
                        ? Fixed("user:" + userId, limits.ExportsPerUser)
                        : RateLimitPartition.GetNoLimiter("")));
        });
        return services;
    }

    /// <summary>导出与报表：生成文件（.xlsx/.docx）、/export 路径、报表页与报表接口。</summary>
    public static bool IsExportOrReport(PathString path)
    {
        var value = path.Value ?? "";
        return value.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
               || value.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
               || value.EndsWith("/export", StringComparison.OrdinalIgnoreCase)
               || path.StartsWithSegments("/reports") || path.StartsWithSegments("/api/v1/reports");
    }

    /// <summary>429 与 Retry-After：API 得到 ProblemDetails，网页得到中文错误页。</summary>
    public static async ValueTask WriteRejectionAsync(HttpContext http, TimeSpan retryAfter)
    {
        var exception = AppException.TooManyRequests(retryAfter);
        SetRetryAfter(http, exception);
        var problems = http.RequestServices.GetRequiredService<ProblemWriter>();
        var problem = problems.Create(http, exception);
        if (HeraldExceptionHandler.IsApi(http))
        {
            await ProblemWriter.WriteAsync(http, problem);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await PageChrome.PrepareAsync(http);
        await Pages.Render(new ErrorPageModel(StatusCodes.Status429TooManyRequests, problem.Detail ?? ""),
            StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    /// <summary>429 的 AppException 带着秒数（第二个参数）：写到 Retry-After。</summary>
    public static void SetRetryAfter(HttpContext http, Exception exception)
    {
        if (exception is AppException { Kind: ProblemKind.TooManyRequests, Args: [_, int seconds, ..] })
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static RateLimitPartition<string> Fixed(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => rule.ToLimiterOptions());
}
