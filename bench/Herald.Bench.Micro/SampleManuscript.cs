using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Bench.Micro;

/// <summary>
/// A Word document shaped like a long correspondent's report: about 30 pages of 仿宋 text (≈ 24 000 characters),
/// two heading levels, three tables with merged cells, and photos with caption paragraphs. Runs are split and carry
/// font properties the way Word writes them, so the XML is as verbose as a real file.
/// </summary>
internal static class SampleManuscript
{
    private static readonly string[] Sentences =
    [
        "为深入贯彻落实党的二十大精神，街道党工委坚持把宣传思想工作摆在全局工作的重要位置，",
        "围绕中心、服务大局，统筹推进理论武装、新闻宣传、网络宣传和文明创建各项任务，",
        "各社区结合实际开展形式多样的宣传活动，累计举办专题讲座、文艺演出和政策宣讲四十余场次，",
        "覆盖辖区居民一万二千余人次，群众知晓率和满意度稳步提升。",
        "在新闻宣传方面，街道信息员队伍不断壮大，全年报送各类信息三百余篇，其中被市级以上媒体采用八十余篇，",
        "较去年同期增长百分之二十六，多篇稿件获得上级领导批示肯定。",
        "在网络宣传方面，街道微信公众号持续优化栏目设置，推出“身边好人”“社区故事”等特色专栏，",
        "全年发布原创内容六百余条，粉丝数量突破三万人，单篇最高阅读量超过两万次。",
        "在意识形态工作方面，严格落实意识形态工作责任制，定期分析研判辖区意识形态领域形势，",
        "加强对各类宣传阵地的管理，确保正确的政治方向和舆论导向。",
        "在舆情应对方面，建立健全网络舆情监测、研判、处置和回应机制，做到早发现、早报告、早处置，",
        "全年妥善处置涉及本辖区的网络舆情十余起，未发生重大负面舆情事件。",
        "下一步，街道将继续围绕中心工作，进一步创新宣传方式方法，提高新闻宣传的传播力、引导力、影响力和公信力，",
        "着力培养一支政治坚定、业务精湛、作风优良的宣传工作队伍，为街道经济社会高质量发展营造良好舆论氛围。",
    ];

    private static readonly string[] SectionTitles =
    [
        "一、总体情况", "二、主要做法", "三、工作成效", "四、存在问题", "五、下一步打算", "六、有关建议",
    ];

    private static readonly string[] SubsectionTitles = ["（一）加强组织领导", "（二）创新方式方法", "（三）强化队伍建设"];

    /// <summary>Builds the document; <paramref name="pictures"/> photos of roughly 150–300 KB each.</summary>
    public static byte[] Create(int pictures = 10, int targetCharacters = 24_000)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraph("Title", Runs("关于二〇二五年度宣传思想工作情况的报告", bold: false)));
            var random = new Random(2025);
            var characters = 0;
            var paragraphsPerPicture = 0;
            var picture = 0;
            var table = 0;
            var sentence = 0;

            void AddPicture(int number)
            {
                var side = 224 + random.Next(0, 92);
                body.Append(PictureParagraph(main, NoisePng(side, side, random), number));
                body.Append(Paragraph("Caption", Runs($"图{number}　街道组织开展主题宣传活动现场", bold: false)));
            }

            for (var p = 0; characters < targetCharacters; p++)
            {
                if (p % 20 == 0) body.Append(Paragraph("Heading1", Runs(SectionTitles[p / 20 % SectionTitles.Length], bold: false)));
                if (p % 20 is 5 or 12) body.Append(Paragraph("Heading2", Runs(SubsectionTitles[p % 3], bold: false)));

                var text = new StringBuilder();
                while (text.Length < 200) text.Append(Sentences[sentence++ % Sentences.Length]);
                characters += text.Length;
                body.Append(Paragraph(null, Runs(text.ToString(), bold: p % 4 == 0)));

                if (picture < pictures && ++paragraphsPerPicture >= 10)
                {
                    paragraphsPerPicture = 0;
                    AddPicture(++picture);
                }
                if (table < 3 && p % 37 == 36)
                {
                    table++;
                    body.Append(StatisticsTable());
                }
            }
            while (picture < pictures) AddPicture(++picture);
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }));
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string? style, IEnumerable<Run> runs)
    {
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        properties.Append(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        properties.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        var paragraph = new Paragraph(properties) { RsidParagraphAddition = "00A1B2C3", RsidRunAdditionDefault = "00D4E5F6" };
        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>Word splits text into runs at every edit; here every 30–60 characters, some bold.</summary>
    private static IEnumerable<Run> Runs(string text, bool bold)
    {
        for (var i = 0; i < text.Length;)
        {
            var length = Math.Min(text.Length - i, 30 + (i * 7 % 31));
            var properties = new RunProperties(
                new RunFonts { Ascii = "仿宋_GB2312", EastAsia = "仿宋_GB2312", HighAnsi = "仿宋_GB2312" },
                new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" });
            if (bold && i == 0) properties.Append(new Bold());
            yield return new Run(properties, new Text(text.Substring(i, length)) { Space = SpaceProcessingModeValues.Preserve })
            {
                RsidRunProperties = "00C7D8E9",
            };
            i += length;
        }
    }

    private static Table StatisticsTable()
    {
        static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = "2000", Type = TableWidthUnitValues.Dxa });
            if (span > 1) properties.Append(new GridSpan { Val = span });
            if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
            return new TableCell(properties, Paragraph(null, Runs(text, bold: false)));
        }

        var table = new Table(
            new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }),
            new TableGrid(new GridColumn { Width = "2000" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "2000" }),
            new TableRow(Cell("项目"), Cell("数量", span: 2), Cell("备注")),
            new TableRow(Cell("宣讲活动"), Cell("42场"), Cell("1.2万人次"), Cell("含线上", merge: MergedCellValues.Restart)),
            new TableRow(Cell("媒体用稿"), Cell("86篇"), Cell("市级以上"), Cell("", merge: MergedCellValues.Continue)),
            new TableRow(Cell("原创推文"), Cell("612条"), Cell("阅读30万"), Cell("")),
            new TableRow(Cell("舆情处置"), Cell("11起"), Cell("均已办结"), Cell("")),
            new TableRow(Cell("合计", span: 4)));
        return table;
    }

    private static Paragraph PictureParagraph(MainDocumentPart main, byte[] png, int id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) part.FeedData(data);
        var relationshipId = main.GetIdOfPart(part);
        var drawing = new Drawing(
            "<w:drawing xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' " +
            "xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing' xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' " +
            "xmlns:pic='http://schemas.openxmlformats.org/drawingml/2006/picture' xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'>" +
            $"<wp:inline distT='0' distB='0' distL='0' distR='0'><wp:extent cx='5274310' cy='3956050'/><wp:docPr id='{id}' name='图片 {id}'/>" +
            "<a:graphic><a:graphicData uri='http://schemas.openxmlformats.org/drawingml/2006/picture'><pic:pic>" +
            $"<pic:nvPicPr><pic:cNvPr id='{id}' name='图片 {id}'/><pic:cNvPicPr/></pic:nvPicPr>" +
            $"<pic:blipFill><a:blip r:embed='{relationshipId}'/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>" +
            "<pic:spPr><a:xfrm><a:off x='0' y='0'/><a:ext cx='5274310' cy='3956050'/></a:xfrm><a:prstGeom prst='rect'><a:avLst/></a:prstGeom></pic:spPr>" +
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>");
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing));
    }

    /// <summary>RGB PNG of random pixels: zlib cannot shrink it, so it weighs about 3 bytes per pixel, like a photo.</summary>
    private static byte[] NoisePng(int width, int height, Random random)
    {
        var raw = new byte[height * (width * 3 + 1)];
        random.NextBytes(raw);
        for (var y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typeAndData));
        png.Write(buffer);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static Styles StyleSheet()
    {
        static Style Style(string id, string name, int? outline = null, bool bold = false)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
            if (outline is { } level) style.Append(new StyleParagraphProperties(new OutlineLevel { Val = level }));
            if (bold) style.Append(new StyleRunProperties(new Bold()));
            if (id == "Normal") style.Default = OnOffValue.FromBoolean(true);
            return style;
        }

        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "32" }))),
            Style("Normal", "Normal"),
            Style("Title", "Title", bold: true),
            Style("Heading1", "heading 1", outline: 0, bold: true),
            Style("Heading2", "heading 2", outline: 1, bold: true),
            Style("Caption", "caption"),
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }
}
