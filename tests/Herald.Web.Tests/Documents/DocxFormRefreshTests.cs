using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

/// <summary>报送页选择 Word 原件后（htmx 刷新正文与图片区）：正文填入、图片成为待填说明的暂存图片、不支持的图片给出提示。</summary>
public sealed class DocxFormRefreshTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task FormRefresh_DocxWithPngAndEmf_FillsBodyStagesPngAndWarnsAboutSkippedPicture()
    {
        var docx = Build(d => d.Add(
            P("社区开展消防演练。"),
            d.Picture(TestImages.Png(40, 30), ImagePartType.Png, descr: "演练现场"),
            d.Picture(TestImages.Emf(), ImagePartType.Emf, descr: "流程图")));
        using var session = await factory.SignInAsync("officer");
        var form = new MultipartFormDataContent
        {
            { new StringContent(""), "title" },
            { new StringContent(""), "bodyHtml" },
        };
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "document", "演练.docx");

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/form/refresh", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        html.QuerySelector("#body-editor")!.InnerHtml.ShouldBe("<p>社区开展消防演练。</p>");
        html.QuerySelectorAll("[data-testid=staged-caption]").Select(i => i.GetAttribute("value")).ShouldBe(["演练现场"]);
        html.QuerySelector("[data-testid=skipped-images]")!.TextContent.ShouldContain("1 张图片");
        html.QuerySelector("[data-testid=document-name]")!.TextContent.ShouldContain("演练.docx");
    }

    [Fact]
    public async Task FormRefresh_CaptionsAboveAndBelowPictures_CaptionInputsPrefilledAndCaptionsLeaveTheBody()
    {
        var docx = Build(d => d.Add(
            P("社区开展消防演练。"),
            P("图1 演练集合"),
            d.Picture(TestImages.Png(40, 30, seed: 1), ImagePartType.Png),
            d.Picture(TestImages.Png(30, 20, seed: 2), ImagePartType.Png),
            P("图为居民学习使用灭火器"),
            d.Picture(TestImages.Png(20, 10, seed: 3), ImagePartType.Png),
            P("演练持续一小时。")));
        using var session = await factory.SignInAsync("officer");

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/form/refresh", Upload(docx));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        html.QuerySelector("#body-editor")!.InnerHtml.ShouldBe("<p>社区开展消防演练。</p><p>演练持续一小时。</p>");
        html.QuerySelectorAll("[data-testid=staged-caption]").Select(i => i.GetAttribute("value") ?? "")
            .ShouldBe(["图1 演练集合", "图为居民学习使用灭火器", ""]);
    }

    [Fact]
    public async Task SubmitPage_DocxPictureWithoutCaption_400NamesThePictureAndMarksItsCaption()
    {
        var docx = Build(d => d.Add(P("社区开展消防演练。"), d.Picture(TestImages.Png(40, 30, seed: 4), ImagePartType.Png), P("演练持续一小时。")));
        using var session = await factory.SignInAsync("officer");
        var form = Upload(docx);
        form.Add(new StringContent("消防演练"), "title");
        form.Add(new StringContent("工作动态"), "category");
        form.Add(new StringContent("2026-11-19"), "eventDate");
        form.Add(new StringContent("submit"), "action");

        var response = await session.PostMultipartAsync("/manuscripts/new", "/manuscripts/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        html.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("Word 原件中的第 1 张图片缺少说明。");
        html.QuerySelector("[data-testid=staged-caption]")!.ClassList.ShouldContain("is-invalid");
    }

    private static MultipartFormDataContent Upload(byte[] docx)
    {
        var form = new MultipartFormDataContent { { new StringContent(""), "title" }, { new StringContent(""), "bodyHtml" } };
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "document", "演练.docx");
        return form;
    }
}
