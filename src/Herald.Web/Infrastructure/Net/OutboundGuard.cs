using System.Net;
using System.Net.Sockets;

namespace Herald.Web.Infrastructure.Net;

/// <summary>出站请求的放行名单（配置 Herald:Outbound:AllowedNetworks，CIDR 或单个地址，如 "10.20.0.0/16"）。</summary>
public sealed class OutboundOptions
{
    public string[] AllowedNetworks { get; set; } = [];
}

/// <summary>出站请求指向了不允许的内部地址（回环、私有、链路本地、组播等）。</summary>
public sealed class OutboundBlockedException(string host) : IOException($"outbound connection to {host} refused")
{
    public string Host { get; } = host;
}

/// <summary>
/// 防 SSRF：产品发出的每个出站请求（订阅源等）都经这里建立连接。先做 DNS 解析，再逐个地址检查，只连接允许的地址，
/// 所以"域名解析到 127.0.0.1"和每一次重定向（每次都新建连接）同样被拦下；运维可在配置里放行内部网段。
/// </summary>
public static class OutboundGuard
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>此地址不允许连接（除非在放行名单里）。IPv4 映射的 IPv6 地址按 IPv4 判断。</summary>
    public static bool IsForbidden(IPAddress address, IReadOnlyList<IPNetwork> allowed)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (allowed.Any(n => n.BaseAddress.AddressFamily == a.AddressFamily && n.Contains(a))) return false;
        return Forbidden.Any(n => n.BaseAddress.AddressFamily == a.AddressFamily && n.Contains(a));
    }

    public static IReadOnlyList<IPNetwork> Parse(OutboundOptions options) =>
        options.AllowedNetworks.Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s.Contains('/') ? IPNetwork.Parse(s.Trim()) : new IPNetwork(IPAddress.Parse(s.Trim()), IPAddress.Parse(s.Trim()).AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            .ToList();

    /// <summary>只连接允许的地址的 HTTP 处理器（出站请求都用它）。</summary>
    public static SocketsHttpHandler Handler(OutboundOptions options)
    {
        var allowed = Parse(options);
        return new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                var target = addresses.FirstOrDefault(a => !IsForbidden(a, allowed)) ?? throw new OutboundBlockedException(host);
                var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
    }

    /// <summary>异常链里是否有被拦下的出站连接。</summary>
    public static OutboundBlockedException? BlockedIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is OutboundBlockedException blocked) return blocked;
        return null;
    }
}
