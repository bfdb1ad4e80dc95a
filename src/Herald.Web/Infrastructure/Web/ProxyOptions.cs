namespace Herald.Web.Infrastructure.Web;

/// <summary>配置节 "Herald:Proxy"：只信任这些反向代理转发的 X-Forwarded-For / X-Forwarded-Proto。默认一个都不信任。</summary>
public sealed class ProxyOptions
{
    /// <summary>反向代理的地址，如 "127.0.0.1"、"10.0.0.5"。</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>反向代理所在网段（CIDR），如 "10.0.0.0/24"。</summary>
    public string[] KnownNetworks { get; set; } = [];
}
