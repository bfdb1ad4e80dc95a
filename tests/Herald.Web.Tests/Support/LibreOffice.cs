using System.Diagnostics;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 用真实的办公软件打开生成的文件：LibreOffice 把 Word 和 Excel 转成 PDF。
/// 没装 soffice 时：设置了 CI 或 HERALD_REQUIRE_LIBREOFFICE 就失败（scripts/test 会安装 libreoffice-writer-nogui、
/// libreoffice-calc-nogui），否则返回 null，测试只输出说明。
/// </summary>
public static class LibreOffice
{
    private static readonly string[] Candidates = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"];

    public static string? Find(ITestOutputHelper output)
    {
        var soffice = Candidates.FirstOrDefault(File.Exists);
        if (soffice is not null) return soffice;
        var required = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                       || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HERALD_REQUIRE_LIBREOFFICE"));
        required.ShouldBeFalse("soffice (LibreOffice) is required here: install libreoffice-writer-nogui libreoffice-calc-nogui (scripts/test does)");
        output.WriteLine("soffice not installed: LibreOffice conversion not checked (set CI or HERALD_REQUIRE_LIBREOFFICE to require it).");
        return null;
    }

    /// <summary>把 dir 里的文件转成 PDF（在同一目录），3 分钟内须完成，退出码 0。</summary>
    public static async Task ConvertToPdfAsync(string soffice, string dir, ITestOutputHelper output, params string[] files)
    {
        // 独立的用户配置目录：不与本机其他 LibreOffice 进程争用同一个配置（否则转换会静默失败）。
        var profile = new Uri(Path.Combine(dir, "profile")).AbsoluteUri;
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var arg in new[] { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir })
            start.ArgumentList.Add(arg);
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("soffice did not finish within 3 minutes");
        }
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        process.ExitCode.ShouldBe(0, await stderr);
    }

    /// <summary>PDF 已生成且像个 PDF。</summary>
    public static async Task ShouldBePdfAsync(string path)
    {
        File.Exists(path).ShouldBeTrue($"{Path.GetFileName(path)} was not produced");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Length.ShouldBeGreaterThan(1000, path);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", path);
    }
}
