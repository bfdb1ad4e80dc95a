using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 整个请求的上限（<see cref="UploadOptions.MaxFormBytes"/>，Kestrel 也按它设置）。声明的长度超过上限时，先把请求体读完丢弃
/// 再答 413 和中文说明：不读完就关连接，还在发送的客户端只会看到"连接被重置"。超过上限两倍的不再读，照样断开。
/// </summary>
public static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.RequestServices.GetRequiredService<IOptions<HeraldOptions>>().Value.Uploads.MaxFormBytes;
        if (http.Request.ContentLength is { } length && length > max)
        {
            if (length <= 2 * max)
            {
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = length;
                await DrainAsync(http.Request.Body, http.RequestAborted);
            }
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        await next(http);
    });

    private static async Task DrainAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (await body.ReadAsync(buffer, ct) > 0) { }
    }
}
