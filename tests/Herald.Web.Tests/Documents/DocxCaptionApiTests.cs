using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

/// <summary>
/// API 客户端报送带图片的 Word 原件：图片说明取自文档（替代文字、图片上下的图注段落），
/// 文档里没有的由 documentCaptions 补上（按文档中的顺序，每张图一项）；仍缺的，400 逐张指出。
/// </summary>
public sealed class DocxCaptionApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static byte[] TwoUncaptionedPictures() => Build(d => d.Add(
        P("3月5日，幸福社区开展邻里守望志愿服务活动。"),
        d.Picture(TestImages.Png(40, 30, seed: 1), ImagePartType.Png),
        P("志愿者为独居老人上门义诊。"),
        d.Picture(TestImages.Png(30, 20, seed: 2), ImagePartType.Png),
        P("活动持续到中午12时。")));

    private static MultipartFormDataContent Form(byte[] docx, params string[] documentCaptions)
    {
        var form = DocxUploadTests.Form(docx, "邻里守望.docx");
        foreach (var caption in documentCaptions) form.Add(new StringContent(caption), "documentCaptions");
        return form;
    }

    /// <summary>
    /// The defect: before documentCaptions existed, a Word file whose pictures had no caption could not be submitted by an
    /// API client at all — the 400 asked for captions of pictures ("word-1.png") that the client had no field to give.
    /// </summary>
    [Fact]
    public async Task PostManuscript_DocxPicturesWithoutCaptions_DocumentCaptionsFillThem_201()
    {
        using var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TwoUncaptionedPictures(), "志愿者走访独居老人", "志愿者为老人义诊"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var detail = await response.ReadJsonAsync();
        detail.Items("photos").Select(p => (p.Str("caption"), p.Int("width"))).ShouldBe([("志愿者走访独居老人", 40), ("志愿者为老人义诊", 30)]);
        detail.Str("status").ShouldBe("in_review");
    }

    [Fact]
    public async Task PostManuscript_SecondDocumentPictureStillUncaptioned_400NamesIt()
    {
        using var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TwoUncaptionedPictures(), "志愿者走访独居老人"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.DocumentCaptionRequired", "Word 原件中的第 2 张图片缺少说明。");
        problem.FieldErrors("documentCaptions[1]").ShouldBe(["Word 原件中的第 2 张图片缺少说明。"]);
        problem.GetProperty("errors").TryGetProperty("documentCaptions[0]", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task PostManuscript_NoDocumentCaptions_400NamesEveryUncaptionedPicture()
    {
        using var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TwoUncaptionedPictures()));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.DocumentCaptionRequired", "Word 原件中的第 1 张图片缺少说明。");
        problem.FieldErrors("documentCaptions[0]").ShouldBe(["Word 原件中的第 1 张图片缺少说明。"]);
        problem.FieldErrors("documentCaptions[1]").ShouldBe(["Word 原件中的第 2 张图片缺少说明。"]);
    }

    [Fact]
    public async Task PostManuscript_DocumentCaptionsBlankOrGiven_BlankKeepsTheDocumentsGivenOverrides()
    {
        using var client = await factory.ApiClientAsync("officer");
        var docx = Build(d => d.Add(
            P("活动开始。"),
            d.Picture(TestImages.Png(40, 30, seed: 1), ImagePartType.Png, descr: "文档里的说明一"),
            d.Picture(TestImages.Png(30, 20, seed: 2), ImagePartType.Png),
            P("图为文档里的说明二")));

        var response = await client.PostAsync("/api/v1/manuscripts", Form(docx, "", "调用者改写的说明二"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var detail = await response.ReadJsonAsync();
        detail.Items("photos").Select(p => p.Str("caption")).ShouldBe(["文档里的说明一", "调用者改写的说明二"]);
        detail.Str("body").ShouldBe("活动开始。");
    }

    [Fact]
    public async Task PostManuscript_MoreDocumentCaptionsThanPictures_400NothingSaved()
    {
        using var client = await factory.ApiClientAsync("officer");
        var title = ManuscriptApi.Marker();
        var form = Form(TwoUncaptionedPictures(), "一", "二", "三");
        form.Add(new StringContent(title), "title");

        var response = await client.PostAsync("/api/v1/manuscripts", form);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.TooManyDocumentCaptions",
            "documentCaptions 有 3 项，Word 原件中只有 2 张可导入的图片（JPEG/PNG）。");
        problem.FieldErrors("documentCaptions").ShouldNotBeEmpty();
        (await ManuscriptApi.ListIdsAsync(client, "q=" + title)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostManuscript_DocumentCaptionsButBodyGiven_400ExplainsImportDocument_ImportDocumentTrue_201()
    {
        using var client = await factory.ApiClientAsync("officer");
        var withBody = Form(TwoUncaptionedPictures(), "一", "二");
        withBody.Add(new StringContent("调用者自己写的正文。"), "body");
        var imported = Form(TwoUncaptionedPictures(), "一", "二");
        imported.Add(new StringContent("调用者自己写的正文。"), "body");
        imported.Add(new StringContent("true"), "importDocument");

        var unused = await client.PostAsync("/api/v1/manuscripts", withBody);
        var created = await client.PostAsync("/api/v1/manuscripts", imported);

        (await unused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.DocumentCaptionsUnused")).FieldErrors("documentCaptions").ShouldNotBeEmpty();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.ReadJsonAsync()).Items("photos").Select(p => p.Str("caption")).ShouldBe(["一", "二"]);
    }

    [Fact]
    public async Task PostManuscript_DocumentCaptionWithControlCharacter_400NamesThePicture()
    {
        using var client = await factory.ApiClientAsync("officer");

        var response = await client.PostAsync("/api/v1/manuscripts", Form(TwoUncaptionedPictures(), "说明一", "说明\u0007二"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Text.ControlCharacters")).FieldErrors("documentCaptions[1]").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PostManuscript_LibreOfficeDocumentWithOneUncaptionedPicture_OneDocumentCaptionCompletesIt()
    {
        using var client = await factory.ApiClientAsync("officer");
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-captions.docx"));

        var missing = await client.PostAsync("/api/v1/manuscripts", Form(docx));
        var completed = await client.PostAsync("/api/v1/manuscripts", Form(docx, "", "", "文艺队表演快板"));

        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.DocumentCaptionRequired", "Word 原件中的第 3 张图片缺少说明。");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["documentCaptions[2]"]);
        completed.StatusCode.ShouldBe(HttpStatusCode.Created, await completed.Content.ReadAsStringAsync());
        (await completed.ReadJsonAsync()).Items("photos").Select(p => p.Str("caption"))
            .ShouldBe(["图1 社区志愿者集合出发", "图2：志愿者为老人量血压", "文艺队表演快板"]);
    }
}
