using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Documents;
using Microsoft.Extensions.Options;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

/// <summary>
/// Where a picture's caption comes from: its alt text; else caption text beside it in its own paragraph; else a caption
/// paragraph right above it that is not right below another picture; else the paragraph right below that looks like a
/// caption; else a caption paragraph above after all. A paragraph taken as a caption leaves the body.
/// </summary>
public sealed class DocxCaptionRulesTests
{
    private static DocxImport Import(byte[] docx) => new DocxImporter(Options.Create(new HeraldOptions())).Import(docx, "稿件.docx");

    private static List<string?> Captions(DocxImport result) => result.Images.Select(i => i.Caption).ToList();

    [Theory]
    [InlineData("图1 社区志愿者集合出发")]
    [InlineData("图 2：志愿者为老人量血压")]
    [InlineData("图一 活动现场")]
    [InlineData("图：居民参加知识竞赛")]
    [InlineData("图为社区书记讲话")]
    [InlineData("（图为获奖居民合影）")]
    [InlineData("上图为活动现场")]
    public void Import_CaptionParagraphAbove_TakenAndLeavesTheBody(string caption)
    {
        var docx = Build(d => d.Add(P("活动于上午九时开始。"), P(caption), d.Picture(TestImages.Png(20, 10), ImagePartType.Png), P("活动持续到中午。")));

        var result = Import(docx);

        Captions(result).ShouldBe([caption]);
        result.Body.Html.ShouldBe("<p>活动于上午九时开始。</p><p>活动持续到中午。</p>");
    }

    [Fact]
    public void Import_CentredLineAbove_NotACaption_CentredLineBelowIs()
    {
        var docx = Build(d => d.Add(
            Centred("社区开展重阳节敬老活动"),
            d.Picture(TestImages.Png(20, 10), ImagePartType.Png),
            Centred("志愿者为老人量血压")));

        var result = Import(docx);

        Captions(result).ShouldBe(["志愿者为老人量血压"]);
        result.Body.Html.ShouldBe("<p>社区开展重阳节敬老活动</p>");
    }

    [Fact]
    public void Import_CaptionsAboveEveryPicture_EachPictureTakesTheOneAboveIt()
    {
        var docx = Build(d => d.Add(
            P("图1 集合出发"),
            d.Picture(TestImages.Png(20, 10, seed: 1), ImagePartType.Png),
            P("图2 入户走访"),
            d.Picture(TestImages.Png(20, 10, seed: 2), ImagePartType.Png),
            P("活动结束。")));

        var result = Import(docx);

        Captions(result).ShouldBe(["图1 集合出发", "图2 入户走访"]);
        result.Body.Html.ShouldBe("<p>活动结束。</p>");
    }

    [Fact]
    public void Import_CaptionsBelowEveryPicture_EachPictureTakesTheOneBelowIt()
    {
        var docx = Build(d => d.Add(
            P("活动开始。"),
            d.Picture(TestImages.Png(20, 10, seed: 1), ImagePartType.Png),
            P("图为集合出发"),
            d.Picture(TestImages.Png(20, 10, seed: 2), ImagePartType.Png),
            P("图为入户走访")));

        var result = Import(docx);

        Captions(result).ShouldBe(["图为集合出发", "图为入户走访"]);
        result.Body.Html.ShouldBe("<p>活动开始。</p>");
    }

    [Fact]
    public void Import_CaptionTextInThePicturesOwnParagraph_TakenAndParagraphLeavesTheBody()
    {
        var docx = Build(d =>
        {
            var id = d.AddImage(TestImages.Png(20, 10), ImagePartType.Png);
            d.Add(P("正文第一段。"), new Paragraph(new Run(d.InlineDrawing(id)), new Run(new Break()), R("图2：志愿者为老人量血压")), P("正文第二段。"));
        });

        var result = Import(docx);

        Captions(result).ShouldBe(["图2：志愿者为老人量血压"]);
        result.Body.Html.ShouldBe("<p>正文第一段。</p><p>正文第二段。</p>");
    }

    [Theory]
    [InlineData("图书馆将于下月恢复开放。")]
    [InlineData("图片来源于社区公众号。")]
    public void Import_ParagraphMerelyStartingWithTu_StaysInTheBody(string text)
    {
        var docx = Build(d => d.Add(d.Picture(TestImages.Png(20, 10), ImagePartType.Png), P(text)));

        var result = Import(docx);

        Captions(result).ShouldBe([(string?)null]);
        result.Body.Html.ShouldBe($"<p>{text}</p>");
    }

    [Fact]
    public void Import_AltTextAndCaptionParagraph_AltTextWinsParagraphStays()
    {
        var docx = Build(d => d.Add(P("图1 现场照片"), d.Picture(TestImages.Png(20, 10), ImagePartType.Png, descr: "志愿者合影")));

        var result = Import(docx);

        Captions(result).ShouldBe(["志愿者合影"]);
        result.Body.Html.ShouldBe("<p>图1 现场照片</p>");
    }

    [Fact]
    public void Import_MarkerCaptionOverAHundredCharacters_StaysInTheBody()
    {
        var text = "图为" + new string('长', 99);
        var docx = Build(d => d.Add(d.Picture(TestImages.Png(20, 10), ImagePartType.Png), P(text)));

        var result = Import(docx);

        Captions(result).ShouldBe([(string?)null]);
        result.Body.Text.ShouldBe(text);
    }

    [Fact]
    public void Import_DocumentSavedByLibreOfficeWithCaptionsAboveAndBelow_ExactOutcome()
    {
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-captions.docx"));

        var result = Import(docx);

        result.Title.ShouldBe("幸福社区举办“我们的节日·重阳”敬老活动");
        result.Images.Select(i => (i.ContentType, i.Caption, i.Width, i.Height)).ShouldBe(
        [
            ("image/png", "图1 社区志愿者集合出发", 100, 60),
            ("image/png", "图2：志愿者为老人量血压", 80, 60),
            ("image/jpeg", (string?)null, 48, 32),
        ]);
        result.Body.Html.ShouldBe(
            "<p>10月29日，幸福社区在党群服务中心举办重阳节敬老活动，辖区60余名老人参加。</p>" +
            "<p>活动中，志愿者为老人测量血压、讲解防诈骗知识。</p>" +
            "<p>随后，社区文艺队表演了快板、合唱等节目。</p>" +
            "<p>社区将持续开展关爱老人志愿服务，让辖区老人感受到家的温暖。</p>");
    }
}
