using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 与 <paramref name="first"/> 共用同一个数据库、同一个数据目录（文件库）和同一个时钟的第二个 Herald 主机：
/// 几个进程部署在同一个数据库上的情形。第一个主机的配置（数据库提供程序、连接串等）原样沿用。
/// </summary>
public sealed class SecondHost : HeraldFactory
{
    private readonly HeraldFactory _first;

    public SecondHost(HeraldFactory first)
    {
        _first = first;
        foreach (var (key, value) in first.Settings) Settings[key] = value;
        Settings["Herald:DataDir"] = first.DataDir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_first.Clock);
        });
    }
}
