using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Documents;

/// <summary>Submitting a manuscript through the API with only a Word file: the body, photos and original come from it.</summary>
public sealed class DocxUploadTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    internal static readonly byte[] LibreOfficeDocx =
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-manuscript.docx"));

    internal static MultipartFormDataContent Form(byte[] document, string fileName, string title = "邻里守望志愿服务")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("工作动态"), "category" },
            { new StringContent("routine"), "importance" },
            { new StringContent("2026-11-19"), "eventDate" },
        };
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "document", fileName);
        return form;
    }

    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task PostManuscript_DocxOnly_BodyAndCaptionedPhotosFromDocumentAndOriginalKept()
    {
        var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(LibreOfficeDocx, "邻里守望.docx"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("title").GetString().ShouldBe("邻里守望志愿服务");
        detail.GetProperty("bodyHtml").GetString()!.ShouldStartWith("<h2>一、活动概况</h2><p>3月5日上午，幸福社区组织<strong>志愿者40余名</strong>");
        detail.GetProperty("body").GetString().ShouldBe(
            "一、活动概况\n3月5日上午，幸福社区组织志愿者40余名走访辖区独居老人，开展义诊、理发和政策宣讲。 活动持续到中午12时。\n" +
            "（一）服务情况\n服务项目\t备注\n义诊\t56人次\n理发\t23人次\t含上门服务\n（二）下一步工作\n社区将把志愿服务常态化，每月固定开展一次。");

        var photos = detail.GetProperty("photos").EnumerateArray().ToList();
        photos.Select(p => (p.GetProperty("caption").GetString(), p.GetProperty("width").GetInt32(), p.GetProperty("height").GetInt32()))
            .ShouldBe([("志愿者为老人量血压", 120, 80), ("图为志愿者为居民义务理发", 64, 48)]);
        var photo = await client.GetAsync(photos[1].GetProperty("url").GetString());
        photo.StatusCode.ShouldBe(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");

        var document = detail.GetProperty("document");
        var standardName = document.GetProperty("fileName").GetString()!;
        standardName.ShouldEndWith(".docx");
        var download = await client.GetAsync($"/manuscripts/{detail.GetProperty("id").GetInt64()}/document");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(LibreOfficeDocx);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(standardName);
    }

    [Fact]
    public async Task PostManuscript_TruncatedDocx_400ProblemWithChineseDetail()
    {
        var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(LibreOfficeDocx[..(LibreOfficeDocx.Length / 2)], "坏文件.docx"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("Docx.Malformed");
        problem.GetProperty("detail").GetString().ShouldBe("Word 文档“坏文件.docx”已损坏或格式不正确，无法读取。请用 Word 或 WPS 打开后重新保存为 .docx 再上传。");
        problem.GetProperty("errors").GetProperty("document")[0].GetString().ShouldBe(problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostManuscript_PasswordProtectedDocx_400Encrypted()
    {
        var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TestCompoundFile.EncryptedDocx(), "加密.docx"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("Docx.Encrypted");
        problem.GetProperty("detail").GetString().ShouldBe("“加密.docx”设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码后另存为 .docx 再上传。");
    }

    [Fact]
    public async Task PostManuscript_LegacyDocMentioningEncryptedPackage_400LegacyFormat()
    {
        var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TestCompoundFile.LegacyDoc(), "旧版.doc"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("Docx.LegacyFormat");
    }

    [Fact]
    public async Task PostManuscript_SpreadsheetRenamedDocx_400NotDocx()
    {
        var client = await factory.ApiClientAsync("officer");
        using var stream = new MemoryStream();
        using (var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
            xlsx.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());

        var response = await client.PostAsync("/api/v1/manuscripts", Form(stream.ToArray(), "统计表.docx"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe("Docx.NotDocx");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("“统计表.docx”不是 Word 文档（.docx）");
    }
}

public sealed class DocxUploadLimitTests(SmallUploadFactory factory) : IClassFixture<SmallUploadFactory>
{
    [Fact]
    public async Task PostManuscript_DocxAboveMaxFileBytes_413()
    {
        var client = await factory.ApiClientAsync("officer");
        var noise = new byte[1536 * 1024];
        new Random(5).NextBytes(noise);
        var large = TestDocx.Build(d => d.Add(TestDocx.P("正文。"), d.Picture(noise, DocumentFormat.OpenXml.Packaging.ImagePartType.Png)));
        large.Length.ShouldBeGreaterThan(1024 * 1024);

        var response = await client.PostAsync("/api/v1/manuscripts", DocxUploadTests.Form(large, "大文件.docx"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Upload.FileTooLarge");
        problem.GetProperty("detail").GetString().ShouldBe("文件“大文件.docx”超过 1 MB 的上限。");
        problem.GetProperty("errors").GetProperty("document")[0].GetString().ShouldBe(problem.GetProperty("detail").GetString());
    }
}
