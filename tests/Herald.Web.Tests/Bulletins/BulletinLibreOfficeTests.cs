using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;
using static Herald.Web.Tests.Bulletins.SyntheticReport;

namespace Herald.Web.Tests.Bulletins;

/// <summary>用真实的办公软件打开生成的文件：LibreOffice 把 Word 和 Excel 转成 PDF，得到非空的 PDF（见 <see cref="LibreOffice"/>）。</summary>
public sealed class BulletinLibreOfficeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Convert_DraftDocxAndPublishedXlsx_LibreOfficeProducesPdf()
    {
        var soffice = LibreOffice.Find(output);
        if (soffice is null) return;

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

            await LibreOffice.ConvertToPdfAsync(soffice, dir, output, docx, xlsx, annualDocx);

            foreach (var name in new[] { "通报.pdf", "附表.pdf", "考核.pdf" })
                await LibreOffice.ShouldBePdfAsync(Path.Combine(dir, name));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }
}
