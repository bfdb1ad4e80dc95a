using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 与 <paramref name="first"/> 共用同一个数据库和同一个时钟的第二个 Herald 主机：几个进程部署在同一个数据库上的情形。
/// 默认也共用数据目录（文件库）；<paramref name="shareDataDir"/> 为 false 时用自己的数据目录，
/// 用来说明某样东西（如密钥环）确实经数据库、而不是经数据目录共享。第一个主机的配置（数据库提供程序、连接串等）原样沿用。
/// </summary>
public sealed class SecondHost : HeraldFactory
{
    private readonly HeraldFactory _first;

    public SecondHost(HeraldFactory first, bool shareDataDir = true)
    {
        _first = first;
        foreach (var (key, value) in first.Settings) Settings[key] = value;
        // 第一个主机实际用的数据库（测试在 PostgreSQL 上运行时是它自己的库），而不是再建一个。
        var configuration = first.Services.GetRequiredService<IConfiguration>();
        foreach (var key in new[] { "Herald:Database:Provider", "Herald:Database:ConnectionString" })
            if (configuration[key] is { } value) Settings[key] = value;
        if (shareDataDir) Settings["Herald:DataDir"] = first.DataDir;
        else Settings.TryAdd("Herald:Database:ConnectionString", SqliteSetup.ConnectionString(first.DataDir));
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
