using System.Diagnostics;

namespace Herald.Web.Tests.Support;

/// <summary>以子进程运行 Herald 的命令行命令（migrate、verify-audit），数据目录由参数给出。</summary>
public static class HeraldCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDir, string command)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Herald.Web.dll"));
        start.ArgumentList.Add(command);
        start.Environment["Herald__DataDir"] = dataDir;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
