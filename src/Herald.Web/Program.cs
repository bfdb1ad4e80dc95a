using Herald.Web.Features;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.RateLimits;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // 配置文件在程序目录；工作目录只用来解析相对的数据目录（默认 ./data，即运行命令时所在目录下）。
    ContentRootPath = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
});
builder.AddHeraldOptions();
builder.Services.AddHeraldData();
builder.Services.AddHeraldInfrastructure();
builder.Services.AddHeraldAuth();
builder.Services.AddHeraldRateLimits();
builder.Services.AddHeraldWeb();
builder.Services.AddHeraldApi();
builder.Services.AddHeraldModules();

var app = builder.Build();

switch (args.FirstOrDefault())
{
    case "migrate":
        await DataServices.MigrateAsync(app.Services);
        Console.WriteLine("数据库已迁移到最新版本。");
        return;
    case "verify-audit":
        Environment.ExitCode = await Herald.Web.Infrastructure.Audit.AuditVerifyCommand.RunAsync(app.Services, Console.Out);
        return;
    case "backup" or "restore" when Backup.RefusalFor(Options().Database) is { } refusal:
        Console.Error.WriteLine(refusal);
        Environment.ExitCode = 2;
        return;
    case "backup" when args.Length == 2:
        Environment.ExitCode = await Backup.BackupAsync(DataDir(), Path.GetFullPath(args[1]), Console.Out);
        return;
    case "restore" when args.Length >= 2:
        Environment.ExitCode = await Backup.RestoreAsync(Path.GetFullPath(args[1]), DataDir(), args.Contains("--force"), Console.Out);
        return;
    case "export-sqlite-to-postgres":
        Environment.ExitCode = await Herald.Web.Infrastructure.Data.Move.ExportCommand.RunAsync(args, Console.Out);
        return;
    case "schema-script":
        // 开发用：打印 EF 模型对应的建表脚本，编写新迁移脚本时对照。
        using (var scope = app.Services.CreateScope())
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<HeraldDbContext>().Database.GenerateCreateScript());
        return;
}

// Held while running: restore refuses to overwrite a data directory in use.
using var dataDirLock = Backup.HoldDataDir(DataDir());
await app.InitializeHeraldAsync();
app.UseHeraldPipeline();
app.MapHeraldModules();
app.Run();

HeraldOptions Options() => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeraldOptions>>().Value;
string DataDir() => Options().ResolveDataDir();

public partial class Program;
