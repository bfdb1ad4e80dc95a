using System.Net;
using Herald.Web.Tests.Support;
using Herald.Web.Tests.Documents;

namespace Herald.Web.Tests.Files;

/// <summary>上传文件按内容判断类型：伪装的文件被拒绝，稿件不会半途保存。</summary>
public sealed class UploadValidationTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    public static TheoryData<string, byte[]> DisguisedImages => new()
    {
        { "风景.jpg", TestFiles.Elf() },
        { "合影.png", TestFiles.Exe() },
        { "说明.jpg", TestFiles.Text("这其实是一段文字，不是图片。") },
        { "动图.png", "GIF89a\x01\0\x01\0\0\0\0;"u8.ToArray() },
        { "文档.jpg", TestFiles.LegacyDoc() },
    };

    [Theory]
    [MemberData(nameof(DisguisedImages))]
    public async Task Photo_DisguisedFile_400NotImageAndNothingCreated(string fileName, byte[] content)
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker }.WithPhoto("真的.png", "真图片");
        form.Photos.Add(new Upload(content, fileName, "image/jpeg", "伪装的图片"));

        var result = await ManuscriptApi.PostAsync(officer, form);

        var detail = $"“{fileName}”不是 JPEG 或 PNG 图片（按文件内容判断）。";
        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.NotImage", detail);
        problem.FieldErrors("photos").ShouldBe([detail]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Photo_TruncatedPng_400CorruptImage()
    {
        var officer = await factory.ApiClientAsync("officer");
        var broken = TestImages.Png(4, 3)[..12];

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Photos = { new Upload(broken, "坏图.png", Caption: "坏图") } });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.CorruptImage", "图片“坏图.png”已损坏，无法读取。");
    }

    [Fact]
    public async Task Photo_EmptyFile_400Empty()
    {
        var officer = await factory.ApiClientAsync("officer");

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Photos = { new Upload([], "空.png", Caption: "空") } });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.Empty", "文件“空.png”是空的。");
    }

    [Fact]
    public async Task Photo_RealJpegNamedPng_AcceptedByContentAsJpeg()
    {
        var officer = await factory.ApiClientAsync("officer");
        var jpeg = TestImages.Jpeg(64, 32);

        var json = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Photos = { new Upload(jpeg, "其实是jpeg.png", "image/png", "现场") } });

        var photo = json.Items("photos").Single();
        (photo.Int("width"), photo.Int("height")).ShouldBe((64, 32));
        var download = await officer.GetAsync(photo.Str("url"));
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(jpeg);
    }

    [Theory]
    [InlineData("旧稿.doc")]
    [InlineData("旧稿.wps")]
    [InlineData("改了扩展名.docx")]
    public async Task Document_LegacyWordOrWps_400SaveAsDocxAndNothingCreated(string fileName)
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm
        {
            Title = marker, Document = new Upload(TestFiles.LegacyDoc(), fileName, "application/msword"),
        });

        var detail = $"“{fileName}”是旧版 Word（.doc）或 WPS（.wps）文件，请在 Word 或 WPS 中“另存为” .docx 格式后再上传。";
        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Docx.LegacyFormat", detail);
        problem.FieldErrors("document").ShouldBe([detail]);
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Document_RtfRenamedDocx_400LegacyFormat()
    {
        var officer = await factory.ApiClientAsync("officer");

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm
        {
            Document = new Upload(TestFiles.Text("{\\rtf1\\ansi 正文}"), "稿件.docx", ManuscriptApi.DocxType),
        });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Docx.LegacyFormat");
    }

    [Fact]
    public async Task Document_PngRenamedDocx_400NotDocx()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm
        {
            Title = marker, Document = new Upload(TestImages.Png(4, 3), "稿件.docx", ManuscriptApi.DocxType),
        });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Docx.NotDocx", "“稿件.docx”不是 Word 文档（.docx），可能是 Excel、PowerPoint、压缩包或其他格式。请上传用 Word 或 WPS 保存的 .docx 文件。");
        (await ManuscriptApi.ListIdsAsync(officer, "q=" + marker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task StagedUpload_OtherUsersId_404()
    {
        using var officer = await factory.SignInAsync("officer");
        var staged = await PageFormStaging.StagePhotoWithoutCaptionAsync(officer);
        using var officer2 = await factory.SignInAsync("officer2");

        (await officer.Client.GetAsync($"/uploads/{staged}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer2.Client.GetAsync($"/uploads/{staged}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
