using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Documents;
using Microsoft.Extensions.Options;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

public sealed class DocxImporterTests
{
    private static DocxImport Import(byte[] docx) => new DocxImporter(Options.Create(new HeraldOptions())).Import(docx, "稿件.docx");

    [Fact]
    public void Import_HeadingStylesAndOutlineLevels_BecomeH2ToH4AndTitleIsTaken()
    {
        var docx = Build(d => d.Add(
            Styled("Title", "示例街道开展垃圾分类宣传活动"),
            Styled("Heading1", "一、活动概况"),
            P("3月5日，街道组织宣传活动。"),
            Styled("Heading2", "（一）组织情况"),
            Styled("a5", "1. 分类宣传"),
            P(new ParagraphProperties(new OutlineLevel { Val = 1 }), R("大纲级别二")),
            Styled("a6", "第六级标题"),
            Styled("Heading3", "第三级")));

        var result = Import(docx);

        result.Title.ShouldBe("示例街道开展垃圾分类宣传活动");
        result.Body.Html.ShouldBe(
            "<h2>一、活动概况</h2><p>3月5日，街道组织宣传活动。</p><h3>（一）组织情况</h3><h4>1. 分类宣传</h4>" +
            "<h3>大纲级别二</h3><h4>第六级标题</h4><h4>第三级</h4>");
        result.Body.Text.ShouldBe("一、活动概况\n3月5日，街道组织宣传活动。\n（一）组织情况\n1. 分类宣传\n大纲级别二\n第六级标题\n第三级");
    }

    [Fact]
    public void Import_NoTitleStyle_FirstHeading1IsTitleAndNotRepeated()
    {
        var docx = Build(d => d.Add(
            P("（内部资料）"),
            Styled("Heading1", "关于汛期安全宣传工作的报告"),
            P("今年以来，我局高度重视汛期宣传。"),
            Styled("Heading1", "下一步打算")));

        var result = Import(docx);

        result.Title.ShouldBe("关于汛期安全宣传工作的报告");
        result.Body.Html.ShouldBe("<p>（内部资料）</p><p>今年以来，我局高度重视汛期宣传。</p><h2>下一步打算</h2>");
    }

    [Fact]
    public void Import_NoHeadings_TitleIsNull()
    {
        var result = Import(Build(d => d.Add(P("只有一段正文。"))));

        result.Title.ShouldBeNull();
        result.Body.Html.ShouldBe("<p>只有一段正文。</p>");
    }

    [Fact]
    public void Import_IdeographicSpaceInsideTitleAndHeading_Kept()
    {
        var result = Import(Build(d => d.Add(Styled("Title", "　第一章　总则 "), Styled("Heading2", "第一节　目的"))));

        result.Title.ShouldBe("第一章　总则");
        result.Body.Html.ShouldBe("<h3>第一节　目的</h3>");
    }

    [Fact]
    public void Import_BoldAndItalic_DirectStyleInheritedAndExplicitFalse()
    {
        var docx = Build(d => d.Add(
            P(null, R("普通"), R("加", bold: true), R("粗", bold: true), R("倾斜", italic: true), R("粗斜", bold: true, italic: true),
                R("样式加粗", characterStyle: "Strong"), R("样式倾斜", characterStyle: "Emphasis")),
            P(new ParagraphProperties(new ParagraphStyleId { Val = "KeyPoint" }), R("整段加粗，"), R("除了这里", bold: false), R("和这里", characterStyle: "Quiet")),
            P(null, R("显式不加粗", bold: false, characterStyle: "Strong"), R("显式不倾斜", italic: false, characterStyle: "Emphasis"))));

        var result = Import(docx);

        result.Body.Html.ShouldBe(
            "<p>普通<strong>加粗</strong><em>倾斜</em><strong><em>粗斜</em></strong><strong>样式加粗</strong><em>样式倾斜</em></p>" +
            "<p><strong>整段加粗，</strong>除了这里和这里</p>" +
            "<p>显式不加粗显式不倾斜</p>");
        result.Body.Text.ShouldBe("普通加粗倾斜粗斜样式加粗样式倾斜\n整段加粗，除了这里和这里\n显式不加粗显式不倾斜");
    }

    [Fact]
    public void Import_TableWithGridSpanAndVerticalMerge_ExactHtml()
    {
        var docx = Build(d => d.Add(
            P("服务统计如下："),
            Table(
                Row(Cell("项目", gridSpan: 2), Cell("备注", merge: MergedCellValues.Restart)),
                Row(Cell("义诊"), Cell("56人次"), Cell("", merge: MergedCellValues.Continue, mergeWithoutValue: true)),
                Row(Cell("理发"), Cell("23人次"), Cell("", merge: MergedCellValues.Continue)),
                Row(Cell("合计：79人次", gridSpan: 3))),
            Table(
                Row(Cell("街道", merge: MergedCellValues.Restart), Cell("甲")),
                Row(Cell("", merge: MergedCellValues.Continue), Cell("")))));

        var result = Import(docx);

        result.Body.Html.ShouldBe(
            "<p>服务统计如下：</p>" +
            "<table><tbody>" +
            "<tr><td colspan=\"2\">项目</td><td rowspan=\"3\">备注</td></tr>" +
            "<tr><td>义诊</td><td>56人次</td></tr>" +
            "<tr><td>理发</td><td>23人次</td></tr>" +
            "<tr><td colspan=\"3\">合计：79人次</td></tr>" +
            "</tbody></table>" +
            "<table><tbody><tr><td rowspan=\"2\">街道</td><td>甲</td></tr><tr><td></td></tr></tbody></table>");
        result.Body.Text.ShouldBe("服务统计如下：\n项目\t备注\n义诊\t56人次\n理发\t23人次\n合计：79人次\n街道\t甲");
    }

    [Fact]
    public void Import_CellWithTwoParagraphsAndBold_KeepsParagraphsAndSeparatesText()
    {
        var cell = new TableCell(P("张三"), P(null, R("李四", bold: true)));
        var docx = Build(d => d.Add(Table(Row(Cell("参加人员"), cell))));

        var result = Import(docx);

        result.Body.Html.ShouldBe("<table><tbody><tr><td>参加人员</td><td><p>张三</p><p><strong>李四</strong></p></td></tr></tbody></table>");
        result.Body.Text.ShouldBe("参加人员\t张三 李四");
    }

    [Fact]
    public void Import_PicturesWithAltTextAndCaptionParagraphs_ExtractsImagesWithCaptions()
    {
        var png = TestImages.Png(120, 80);
        var jpeg = TestImages.Jpeg(64, 48);
        var junkAlt = TestImages.Png(30, 20, seed: 9);
        var titled = TestImages.Jpeg(16, 16 + 8);
        var chineseCaption = TestImages.Png(12, 12, seed: 5);
        var startsWithTu = TestImages.Png(14, 10, seed: 6);
        var uncaptioned = TestImages.Png(10, 10, seed: 3);
        const string longParagraph = "这一段紧跟在图片后面，但它既不是题注样式，也没有居中，而且篇幅较长，超过了六十个字，所以应当作为正文保留下来，而不是被当成图片说明吞掉。";

        var docx = Build(d => d.Add(
            P("活动现场。"),
            d.Picture(png, ImagePartType.Png, descr: "志愿者为老人量血压"),
            d.Picture(jpeg, ImagePartType.Jpeg),
            Styled("Caption", "居民参加垃圾分类知识竞赛"),
            d.Picture(junkAlt, ImagePartType.Png, descr: "IMG_256"),
            new Paragraph(),
            Centred("社区书记讲话"),
            d.Picture(titled, ImagePartType.Jpeg, title: "只有标题的替代文字"),
            P("图为获奖居民合影"),
            d.Picture(chineseCaption, ImagePartType.Png),
            Styled("a7", "（题注样式）文艺演出"),
            d.Picture(startsWithTu, ImagePartType.Png),
            P("图2 居民分类投放"),
            d.Picture(uncaptioned, ImagePartType.Png),
            P(longParagraph)));

        var result = Import(docx);

        result.Images.Select(i => (i.ContentType, i.Caption, i.Width, i.Height)).ShouldBe(
        [
            ("image/png", "志愿者为老人量血压", 120, 80),
            ("image/jpeg", "居民参加垃圾分类知识竞赛", 64, 48),
            ("image/png", "社区书记讲话", 30, 20),
            ("image/jpeg", "只有标题的替代文字", 16, 24),
            ("image/png", "（题注样式）文艺演出", 12, 12),
            ("image/png", "图2 居民分类投放", 14, 10),
            ("image/png", (string?)null, 10, 10),
        ]);
        result.Images[0].Content.ShouldBe(png);
        result.Images[1].Content.ShouldBe(jpeg);
        result.SkippedImages.ShouldBe(0);
        // A picture with alt text keeps the paragraph after it as body text; used captions are not repeated.
        result.Body.Html.ShouldBe($"<p>活动现场。</p><p>图为获奖居民合影</p><p>{longParagraph}</p>");
    }

    [Fact]
    public void Import_EmfAndGifPictures_AreSkippedAndCounted()
    {
        var docx = Build(d => d.Add(
            d.Picture(TestImages.Emf(), ImagePartType.Emf, descr: "工作流程图"),
            d.Picture(TestImages.Gif(), ImagePartType.Gif),
            P("正文。")));

        var result = Import(docx);

        result.Images.ShouldBeEmpty();
        result.SkippedImages.ShouldBe(2);
        result.Body.Html.ShouldBe("<p>正文。</p>");
    }

    [Fact]
    public void Import_VmlPicture_ExtractedWithAltText()
    {
        var png = TestImages.Png(40, 30);
        var docx = Build(d => d.Add(d.VmlPicture(png, ImagePartType.Png, alt: "旧版文档里的照片"), P("正文。")));

        var result = Import(docx);

        result.Images.Count.ShouldBe(1);
        result.Images[0].Content.ShouldBe(png);
        result.Images[0].Caption.ShouldBe("旧版文档里的照片");
        (result.Images[0].Width, result.Images[0].Height).ShouldBe((40, 30));
    }

    [Fact]
    public void Import_SamePicturePlacedTwice_KeptOnce()
    {
        var docx = Build(d =>
        {
            var id = d.AddImage(TestImages.Png(20, 20), ImagePartType.Png);
            d.Add(new Paragraph(new Run(d.InlineDrawing(id))), new Paragraph(new Run(d.InlineDrawing(id, descr: "第二次出现"))));
        });

        var result = Import(docx);

        result.Images.Count.ShouldBe(1);
        result.Images[0].Caption.ShouldBe("第二次出现");
    }

    [Fact]
    public void Import_ChineseTextEmptyParagraphsAndLineBreaks_ExactHtmlAndText()
    {
        var docx = Build(d => d.Add(
            P("　　为深入贯彻落实党的二十大精神，进一步加强社区治理。"),
            new Paragraph(),
            P(""),
            P("   "),
            P(null, R("第一行"), new Run(new Break()), R("第二行"), new Run(new Break { Type = BreakValues.Page })),
            P("标点：“引号”《书名号》——破折号……省略号，（括号）！"),
            P("a < b & c > d")));

        var result = Import(docx);

        result.Body.Html.ShouldBe(
            "<p>为深入贯彻落实党的二十大精神，进一步加强社区治理。</p><p>第一行<br>第二行</p>" +
            "<p>标点：“引号”《书名号》——破折号……省略号，（括号）！</p><p>a &lt; b &amp; c &gt; d</p>");
        result.Body.Text.ShouldBe("为深入贯彻落实党的二十大精神，进一步加强社区治理。\n第一行 第二行\n标点：“引号”《书名号》——破折号……省略号，（括号）！\na < b & c > d");
    }

    [Fact]
    public void Import_AutomaticNumbering_KeepsChineseNumbersAndBulletsBecomeList()
    {
        var docx = Build(d =>
        {
            d.AddNumbering();
            d.Add(
                Numbered(1, 0, "基本情况"),
                P("正文。"),
                Numbered(1, 1, "组织领导"),
                Numbered(1, 1, "宣传发动"),
                Numbered(1, 0, "主要成效"),
                Numbered(1, 1, "群众满意"),
                Numbered(2, 0, "第一点"),
                Numbered(2, 0, "第二点"),
                Numbered(3, 0, "要点甲"),
                Numbered(3, 0, "要点乙"));
        });

        var result = Import(docx);

        result.Body.Html.ShouldBe(
            "<p>一、基本情况</p><p>正文。</p><p>（一）组织领导</p><p>（二）宣传发动</p><p>二、主要成效</p><p>（一）群众满意</p>" +
            "<p>1. 第一点</p><p>2. 第二点</p><ul><li>要点甲</li><li>要点乙</li></ul>");
    }

    [Fact]
    public void Import_HiddenDeletedInsertedLinkedAndTextBoxText_OnlyVisibleTextKept()
    {
        const string textBox =
            "<w:drawing xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' " +
            "xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing' xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' " +
            "xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>" +
            "<wp:inline><wp:extent cx='1' cy='1'/><wp:docPr id='9' name='文本框 9'/><a:graphic>" +
            "<a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'><wps:wsp><wps:spPr/>" +
            "<wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/>" +
            "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>";
        var docx = Build(d => d.Add(
            P(null,
                R("可见"),
                new Run(new RunProperties(new Vanish()), new W.Text("隐藏")),
                new DeletedRun(new Run(new DeletedText("删除"))),
                new InsertedRun(new Run(new W.Text("插入"))),
                new Hyperlink(new Run(new W.Text("链接"))) { Anchor = "top" },
                new Run(new Drawing(textBox))),
            P("后文。")));

        var result = Import(docx);

        result.Body.Html.ShouldBe("<p>可见插入链接</p><p>文本框里的话</p><p>后文。</p>");
    }

    [Fact]
    public void Import_InvalidAttributeValues_TreatedAsAbsent()
    {
        // Hand-edited or third-party files carry values outside the schema; they must not turn into server errors.
        const string body =
            "<w:body xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>" +
            "<w:p><w:pPr><w:outlineLvl w:val='abc'/><w:jc w:val='middle'/><w:numPr><w:ilvl w:val='y'/><w:numId w:val='x'/></w:numPr></w:pPr>" +
            "<w:r><w:rPr><w:b w:val='maybe'/><w:i w:val='2'/><w:vertAlign w:val='up'/></w:rPr><w:t>正文</w:t><w:br w:type='weird'/><w:t>续</w:t></w:r></w:p>" +
            "<w:tbl><w:tr><w:trPr><w:gridBefore w:val='z'/><w:tblHeader w:val='x'/></w:trPr>" +
            "<w:tc><w:tcPr><w:gridSpan w:val='wide'/><w:vMerge w:val='sometimes'/></w:tcPr><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
            "</w:body>";
        var docx = Build(d =>
        {
            d.Main.Document.Body!.Remove();
            d.Main.Document.Append(new Body(body));
            d.Main.StyleDefinitionsPart!.Styles!.Append(new DocumentFormat.OpenXml.Wordprocessing.Style(
                "<w:style xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' w:type='odd' w:default='perhaps' w:styleId='Odd'>" +
                "<w:name w:val='odd'/><w:pPr><w:outlineLvl w:val='q'/><w:jc w:val='q'/></w:pPr><w:rPr><w:b w:val='q'/></w:rPr></w:style>"));
            d.Main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                "<w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>" +
                "<w:abstractNum w:abstractNumId='a'><w:lvl w:ilvl='b'><w:start w:val='c'/><w:numFmt w:val='d'/><w:suff w:val='e'/></w:lvl></w:abstractNum>" +
                "<w:num w:numId='f'><w:abstractNumId w:val='g'/><w:lvlOverride w:ilvl='h'><w:startOverride w:val='i'/></w:lvlOverride></w:num></w:numbering>");
            d.Main.Document.Body!.Append(Styled("Odd", "奇怪的样式"), Numbered(1, 0, "编号"));
        });

        var result = Import(docx);

        result.Body.Text.ShouldBe("正文 续\n格\n奇怪的样式\n编号");
    }

    [Fact]
    public void Import_DocumentSavedByLibreOffice_ExactOutcome()
    {
        var docx = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-manuscript.docx"));

        var result = Import(docx);

        result.Title.ShouldBe("幸福社区开展“邻里守望”志愿服务活动");
        result.Body.Html.ShouldBe(
            "<h2>一、活动概况</h2>" +
            "<p>3月5日上午，幸福社区组织<strong>志愿者40余名</strong>走访辖区<em>独居老人</em>，开展义诊、理发和政策宣讲。<br>活动持续到中午12时。</p>" +
            "<h3>（一）服务情况</h3>" +
            "<table><tbody><tr><td colspan=\"2\">服务项目</td><td rowspan=\"2\">备注</td></tr><tr><td>义诊</td><td>56人次</td></tr>" +
            "<tr><td>理发</td><td>23人次</td><td>含上门服务</td></tr></tbody></table>" +
            "<h3>（二）下一步工作</h3><p>社区将把志愿服务常态化，每月固定开展一次。</p>");
        result.Body.Text.ShouldBe(
            "一、活动概况\n3月5日上午，幸福社区组织志愿者40余名走访辖区独居老人，开展义诊、理发和政策宣讲。 活动持续到中午12时。\n" +
            "（一）服务情况\n服务项目\t备注\n义诊\t56人次\n理发\t23人次\t含上门服务\n（二）下一步工作\n社区将把志愿服务常态化，每月固定开展一次。");
        result.Images.Select(i => (i.ContentType, i.Caption, i.Width, i.Height)).ShouldBe(
        [
            ("image/png", "志愿者为老人量血压", 120, 80),
            ("image/jpeg", "图为志愿者为居民义务理发", 64, 48),
        ]);
        result.SkippedImages.ShouldBe(0);
    }
}
