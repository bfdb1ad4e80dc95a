using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Files;

/// <summary>
/// 议题 9 第 15 项：像素数超过上限的图片（文件头声称 100000×100000 的 PNG）在每个收图片的地方以中文 400 拒收；
/// 含宏的 Word（vbaProject.bin、启用宏的内容类型）和条目名含 ..、绝对路径、反斜杠根路径或盘符的 Word 拒收，稿件不保存。
/// </summary>
public sealed class UploadSafetyTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private const string HugeDetail = "图片“巨图.png”为 100000×100000 像素，超过 5000 万像素的上限，请缩小后再上传。";

    /// <summary>一张真 PNG，文件头（IHDR）改成声称的宽高。</summary>
    internal static byte[] PngClaiming(int width, int height)
    {
        var png = TestImages.Png(4, 3);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16, 4), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20, 4), height);
        return png;
    }

    [Fact]
    public async Task ManuscriptPhoto_PngHeaderClaiming100000x100000_400TooManyPixelsAndNothingCreated()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, Photos = { new Upload(PngClaiming(100_000, 100_000), "巨图.png", Caption: "巨图") } });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.TooManyPixels", HugeDetail);
        problem.FieldErrors("photos").ShouldBe([HugeDetail]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AdoptionProof_PngHeaderClaiming100000x100000_400TooManyPixels()
    {
        var result = await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), await factory.ApprovedAsync(),
            await factory.OutletIdAsync(ProvincialPaper), PngClaiming(100_000, 100_000), "巨图.png");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.TooManyPixels", HugeDetail);
    }

    [Fact]
    public async Task CaseFile_PngHeaderClaiming100000x100000_400TooManyPixels()
    {
        var id = await factory.AssignedCaseAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("附上现场图"), "description" },
            { new ByteArrayContent(PngClaiming(100_000, 100_000)), "files", "巨图.png" },
        };

        var response = await (await factory.ApiClientAsync("officer")).PostAsync($"/api/v1/opinion/cases/{id}/disposals", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.TooManyPixels", HugeDetail);
    }

    [Fact]
    public async Task OpinionScreenshot_PngHeaderClaiming100000x100000_400TooManyPixels()
    {
        using var report = new MultipartFormDataContent
        {
            { new StringContent("微博"), "platform" },
            { new StringContent("本地生活号"), "source" },
            { new StringContent("有网友称小区门口道路塌方。"), "content" },
            { new StringContent(Guid.NewGuid().ToString("N")), "submissionKey" },
            { new ByteArrayContent(PngClaiming(100_000, 100_000)), "screenshots", "巨图.png" },
        };

        var response = await (await factory.ApiClientAsync("officer")).PostAsync("/api/v1/opinion/reports", report);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.TooManyPixels");
    }

    [Fact]
    public async Task WordOriginal_PictureClaiming100000x100000_SkippedNotImported()
    {
        var docx = TestDocx.Build(d => d.Add(TestDocx.P("正文。"), d.Picture(PngClaiming(100_000, 100_000), DocumentFormat.OpenXml.Packaging.ImagePartType.Png)));

        var json = await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), new ManuscriptForm { Title = "带巨图", Body = null, Document = new Upload(docx, "带巨图.docx", ManuscriptApi.DocxType) });

        json.Items("photos").ShouldBeEmpty();
    }

    public static TheoryData<string> UnsafeEntryNames => new() { "../evil.txt", "word/../../evil.txt", "/etc/evil.txt", "\\windows\\evil.txt", "C:/evil.txt", "word\\..\\..\\evil.txt" };

    [Theory]
    [MemberData(nameof(UnsafeEntryNames))]
    public async Task WordOriginal_EntryNameEscapingThePackage_400UnsafeEntryNameAndNothingCreated(string entryName)
    {
        var docx = WithEntry(PlainDocx(), entryName, "x"u8.ToArray());

        await ShouldRefuseAsync(docx, "Docx.UnsafeEntryName");
    }

    [Fact]
    public async Task WordOriginal_VbaProjectBin_400MacrosAndNothingCreated()
    {
        var docx = WithEntry(PlainDocx(), "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

        await ShouldRefuseAsync(docx, "Docx.Macros", "“稿件.docx”含有宏（启用宏的 Word 文档），为安全起见不予接收。请在 Word 中另存为“Word 文档 (*.docx)”后重新上传。");
    }

    [Fact]
    public async Task WordOriginal_DocmContentTypeWithoutVbaPart_400Macros()
    {
        var docx = Rewrite(PlainDocx(), "[Content_Types].xml", xml => xml.Replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal));

        await ShouldRefuseAsync(docx, "Docx.Macros");
    }

    [Fact]
    public async Task WordOriginal_PlainDocx_Accepted()
    {
        var json = await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"),
            new ManuscriptForm { Document = new Upload(PlainDocx(), "稿件.docx", ManuscriptApi.DocxType) });

        json.GetProperty("document").Str("fileName").ShouldEndWith(".docx");
    }

    private async Task ShouldRefuseAsync(byte[] docx, string code, string? detail = null)
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = marker, Document = new Upload(docx, "稿件.docx", ManuscriptApi.DocxType) });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, detail);
        problem.FieldErrors("document").ShouldNotBeEmpty();
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    private static byte[] PlainDocx() => TestDocx.Build(d => d.Add(TestDocx.P("社区开展消防演练。")));

    private static byte[] WithEntry(byte[] docx, string name, byte[] content)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }

    private static byte[] Rewrite(byte[] docx, string name, Func<string, string> change)
    {
        var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(name)!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(change(text));
        }
        return stream.ToArray();
    }
}
