using Herald.Web.Features.Common;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Demo;
using Herald.Web.Infrastructure.Time;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Demo;

/// <summary>首次启动的初始数据：演示单位、各角色账号、示例稿件与舆情（用各模块的处理器写入，所以在功能层）。</summary>
public sealed class DemoModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoOpinionSeeder>();
    }

    /// <summary>启动时：建库/迁移，空库时写入初始数据并打印一次初始口令。</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        await DataServices.MigrateAsync(app.Services);
        // 文件库目录在启动时就建好：从没有上传过文件的库恢复或导出的数据目录里没有 files/，/healthz 会一直答 503。
        app.Services.GetRequiredService<Infrastructure.Files.FileStore>();
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<HeraldOptions>>().Value;
        var clock = scope.ServiceProvider.GetRequiredService<Clock>();
        await scope.ServiceProvider.GetRequiredService<ReferenceData>().EnsureAsync(clock.UtcNow);
        var notice = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(options, clock.UtcNow);
        if (notice is not null)
        {
            // 直接写到控制台：日志级别配置不应吞掉这唯一一次的口令提示。
            Console.WriteLine();
            Console.WriteLine("==================== 先声 Herald ====================");
            Console.WriteLine(notice);
            Console.WriteLine("=====================================================");
            Console.WriteLine();
        }
    }
}
