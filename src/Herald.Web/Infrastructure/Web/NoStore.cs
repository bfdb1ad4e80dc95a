namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// API 的回答和下载的文件（图片、Word、Excel、PDF、导出）不进任何缓存（浏览器磁盘、代理）：里面是未公开的稿件、舆情和个人信息。
/// 在响应开始时设置，盖过端点自己写的缓存头；带版本号的静态文件（没有端点）不受影响。
/// </summary>
public static class NoStore
{
    public static IApplicationBuilder UseNoStoreForApiAndDownloads(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            if (HeraldExceptionHandler.IsApi(http) || IsDownload(http))
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>端点答出的、不是页面的内容。</summary>
    private static bool IsDownload(HttpContext http) =>
        http.GetEndpoint() is not null && http.Response.ContentType is { } type && !type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
