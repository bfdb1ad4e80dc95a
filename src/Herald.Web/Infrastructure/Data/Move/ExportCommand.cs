using System.Data.Common;

namespace Herald.Web.Infrastructure.Data.Move;

/// <summary>命令行入口：解析 --from、--to，出错时给中文说明和非零退出码（2），不抛栈。</summary>
public static class ExportCommand
{
    public const string Usage = "用法：export-sqlite-to-postgres --from <数据目录或 herald.db> --to \"<PostgreSQL 连接串>\"";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? from = null, to = null;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--from") from = args[++i];
            else if (args[i] == "--to") to = args[++i];
        }
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            return await ExportToPostgres.RunAsync(Path.GetFullPath(from), to, output);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or NotSupportedException or IOException or TimeoutException)
        {
            await output.WriteLineAsync("导出失败：" + ex.Message + "。目标库可能已有部分结构，请删除后重新建一个空库再导出。");
            return 2;
        }
    }
}
