using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Herald.Web.Tests.Support;

/// <summary>
/// TestServer 的请求没有对端地址：测试用 X-Test-Peer 头指定"TCP 连接来自哪个地址"（先于应用的全部中间件），
/// 以便模拟不同的客户端和反向代理。
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>之后的请求都来自 address。</summary>
    public static T From<T>(T client, string address) where T : HttpClient
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
