using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 反向代理（nginx）之后：只接受 Herald:Proxy 中配置的代理转发的客户端地址与协议，
/// 这样审计与限流看到真实客户端地址、HTTPS 下 Cookie 带 Secure 并发 HSTS；别人伪造的 X-Forwarded-* 一概不理。
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddHeraldForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HeraldOptions>>((forwarded, herald) =>
        {
            var proxy = herald.Value.Proxy;
            // 两个列表都空时中间件会信任任何来源：未配置代理就完全不处理转发头。
            forwarded.ForwardedHeaders = proxy.KnownProxies.Length + proxy.KnownNetworks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // 默认信任本机回环：清空，只信任配置的代理。逐跳向前，遇到不信任的地址即停（多级代理都要配置）。
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            forwarded.ForwardLimit = null;
            foreach (var address in proxy.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var parsed)
                    ? parsed : throw new InvalidOperationException($"Herald:Proxy:KnownProxies 中的 \"{address}\" 不是 IP 地址。"));
            foreach (var network in proxy.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed : throw new InvalidOperationException($"Herald:Proxy:KnownNetworks 中的 \"{network}\" 不是 CIDR 网段。"));
        });
        return services;
    }
}
