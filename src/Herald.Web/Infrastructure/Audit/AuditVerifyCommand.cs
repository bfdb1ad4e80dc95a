using System.Globalization;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Infrastructure.Audit;

/// <summary>
/// <c>verify-audit</c> 命令：验证审计日志的哈希链。退出码 0 完好，1 有断裂（打印第一处断裂的记录编号），2 无法验证。
/// 先执行迁移（与启动时相同），所以也能验证刚从旧版本拷来的库。
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            await DataServices.MigrateAsync(services);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
            var messages = scope.ServiceProvider.GetRequiredService<Messages>();
            var result = await AuditChainStore.VerifyAsync(db);
            if (result.FirstBreak is { } broken)
            {
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, messages["AuditChain.CommandBroken"],
                    broken.EntryId, messages["AuditChain.Reason." + broken.Reason], result.Checked));
                return 1;
            }
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, messages["AuditChain.CommandIntact"], result.Checked, result.HeadHash ?? "—"));
            return 0;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "无法验证审计日志：{0}", ex.Message));
            return 2;
        }
    }
}
