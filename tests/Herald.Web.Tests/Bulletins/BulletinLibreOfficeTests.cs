using System.Diagnostics;
using Herald.Web.Features.Bulletins.Documents;
using Xunit.Abstractions;
using static Herald.Web.Tests.Bulletins.SyntheticReport;

namespace Herald.Web.Tests.Bulletins;

/// <summary>
/// 用真实的办公软件打开生成的文件：LibreOffice 把 Word 和 Excel 转成 PDF，得到非空的 PDF。
/// 没装 soffice 时：设置了 CI 或 HERALD_REQUIRE_LIBREOFFICE 就失败（scripts/test 会安装 libreoffice-writer-nogui、
/// libreoffice-calc-nogui），否则只输出说明后返回。
/// </summary>
public sealed class BulletinLibreOfficeTests(ITestOutputHelper output)
{
    private static readonly string[] Candidates = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"];

    [Fact]
    public async Task Convert_DraftDocxAndPublishedXlsx_LibreOfficeProducesPdf()
    {
        var soffice = Candidates.FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            var required = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                           || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HERALD_REQUIRE_LIBREOFFICE"));
            required.ShouldBeFalse("soffice (LibreOffice) is required here: install libreoffice-writer-nogui libreoffice-calc-nogui (scripts/test does)");
            output.WriteLine("soffice not installed: LibreOffice conversion not checked (set CI or HERALD_REQUIRE_LIBREOFFICE to require it).");
            return;
        }

        var dir = Path.Combine(Path.GetTempPath(), "herald-bulletin-lo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var draft = Compose(Large(120), Settings(), draft: true);
            var published = Compose(Large(120, annual: true), Settings(annual: true), draft: false);
            var docx = Path.Combine(dir, "通报.docx");
            var xlsx = Path.Combine(dir, "附表.xlsx");
            var annualDocx = Path.Combine(dir, "考核.docx");
            await File.WriteAllBytesAsync(docx, BulletinDocument.Write(draft));
            await File.WriteAllBytesAsync(xlsx, BulletinWorkbook.Write(published));
            await File.WriteAllBytesAsync(annualDocx, BulletinDocument.Write(published));

            await ConvertAsync(soffice, dir, docx, xlsx, annualDocx);

            foreach (var name in new[] { "通报.pdf", "附表.pdf", "考核.pdf" })
            {
                var pdf = Path.Combine(dir, name);
                File.Exists(pdf).ShouldBeTrue($"{name} was not produced");
                var bytes = await File.ReadAllBytesAsync(pdf);
                bytes.Length.ShouldBeGreaterThan(1000, name);
                System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", name);
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }

    private async Task ConvertAsync(string soffice, string dir, params string[] files)
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
}
