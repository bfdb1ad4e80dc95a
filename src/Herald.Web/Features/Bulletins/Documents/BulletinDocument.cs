using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>
/// 通报的 Word 文件，仿 GB/T 9704《党政机关公文格式》：A4，版心 156×225 mm；红色发文机关标志和红色分隔线；
/// 方正小标宋简体二号标题（缺字体时用宋体）；正文仿宋_GB2312 三号、首行缩进两字、每页 22 行；一级标题黑体、二级标题楷体；
/// 排名表表头每页重复；落款与成文日期在右下；页码"— 1 —"。主文档用 OpenXmlWriter 流式写出，5000 个单位也很快。
/// </summary>
public static partial class BulletinDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";


    /// <summary>版心宽 156 mm（A4 宽 210 mm，左 28 mm，右 26 mm）。</summary>
    private const int TextWidth = 8844;
    /// <summary>三号字一个字宽（16 磅 = 320 缇）。</summary>
    private const int CharWidth = 320;
    /// <summary>22 行 / 225 mm ≈ 28.95 磅行距。</summary>
    private const int LinePitch = 579;

    /// <summary>排名表各列宽（缇），合计等于版心宽。</summary>
    private static readonly int[] UnitColumns = [560, 2004, 560, 560, 560, 560, 560, 560, 560, 760, 640, 960];
    private static readonly int[] GoodNewsColumns = [600, 2744, 1800, 1500, 1600, 600];

    public static byte[] Write(BulletinFigures f)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = f.Title;
            document.PackageProperties.Creator = f.IssuingOffice;
            document.PackageProperties.Created = f.PublishedAt ?? f.GeneratedAt;
            document.PackageProperties.Keywords = f.Draft ? BulletinWording.DraftMark : null;

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new DefaultTabStop { Val = 420 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation });
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            var header = f.Draft ? main.AddNewPart<HeaderPart>() : null;
            if (header is not null) header.Header = DraftHeader(f);

            using (var writer = OpenXmlWriter.Create(main))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement(new Document(), [], [
                    new KeyValuePair<string, string>("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                    new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                ]);
                writer.WriteStartElement(new Body());
                WriteBody(writer, f);
                writer.WriteElement(Section(header is null ? null : main.GetIdOfPart(header), main.GetIdOfPart(footer)));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }
        return stream.ToArray();
    }

    private static void WriteBody(OpenXmlWriter w, BulletinFigures f)
    {
        w.WriteElement(Para(StyleIds.IssuerMark, f.IssuingOffice));
        w.WriteElement(Para(StyleIds.Title, f.Title));
        w.WriteElement(Para(StyleIds.Salutation, BulletinWording.Salutation));
        foreach (var paragraph in BulletinWording.OpeningParagraphs(f)) w.WriteElement(BodyText(paragraph));

        var section = 0;
        w.WriteElement(Heading(++section, "总体情况"));
        w.WriteElement(BodyText(BulletinWording.TotalsParagraph(f)));

        w.WriteElement(Heading(++section, f.IsAnnual ? "考核排名" : "排名情况"));
        w.WriteElement(BodyText(BulletinWording.RankingLead));
        WriteUnitTable(w, f.Units);

        w.WriteElement(Heading(++section, f.IsAnnual ? "评选推荐" : "通报表扬"));
        var sub = 0;
        w.WriteElement(Subheading(++sub, f.IsAnnual ? "先进单位" : "表扬单位"));
        w.WriteElement(BodyText(BulletinWording.PraiseUnitsLead(f)));
        w.WriteElement(BodyText(List(f.PraisedUnits.Select(BulletinWording.PraisedUnit))));
        w.WriteElement(Subheading(++sub, f.IsAnnual ? "优秀信息员" : "表扬信息员"));
        w.WriteElement(BodyText(BulletinWording.PraisePeopleLead(f)));
        w.WriteElement(BodyText(List(f.PraisedCorrespondents.Select(BulletinWording.PraisedPerson))));
        if (f.IsAnnual)
        {
            w.WriteElement(Subheading(++sub, "好新闻奖"));
            w.WriteElement(BodyText(BulletinWording.GoodNewsLead));
            if (f.GoodNews.Count == 0) w.WriteElement(BodyText(BulletinWording.NoneText));
            else WriteGoodNewsTable(w, f.GoodNews);
        }

        w.WriteElement(Heading(++section, "通报批评"));
        if (f.Criticized.Count == 0)
        {
            w.WriteElement(BodyText(BulletinWording.NoneText));
        }
        else
        {
            w.WriteElement(BodyText(BulletinWording.CriticismLead(f)));
            w.WriteElement(BodyText(List(f.Criticized.Select(BulletinWording.Criticized))));
        }

        w.WriteElement(Heading(++section, "下一步工作要求"));
        foreach (var line in BulletinWording.Requirements(f)) w.WriteElement(RequirementParagraph(line));

        w.WriteElement(Para(StyleIds.Normal, ""));
        var date = Domain.Common.ChinaTime.FormatDate(f.IssueDate);
        // 成文日期右空四字，发文机关署名以成文日期为准居中。
        var dateIndent = 4 * CharWidth;
        var officeIndent = Math.Max(CharWidth, dateIndent + (int)((Width(date) - Width(f.IssuingOffice)) / 2 * CharWidth));
        w.WriteElement(Signature(f.IssuingOffice, officeIndent));
        w.WriteElement(Signature(date, dateIndent));
    }

    // ---- Paragraphs ----------------------------------------------------------------------------------------------

    private static Paragraph Para(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (text.Length > 0) paragraph.Append(new Run(new WordText(text)));
        return paragraph;
    }

    private static Paragraph BodyText(string text) => Para(StyleIds.Normal, text);

    private static Paragraph Heading(int number, string text) => Para(StyleIds.Heading1, BulletinWording.Numeral(number) + "、" + text);

    private static Paragraph Subheading(int number, string text) =>
        Para(StyleIds.Heading2, "（" + BulletinWording.Numeral(number) + "）" + text);

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join("、", items);
        return text.Length == 0 ? BulletinWording.NoneText : text + "。";
    }

    /// <summary>"一、…"整段黑体；"（一）…。"的首句楷体、其余仿宋，与公文的层次一致。</summary>
    private static Paragraph RequirementParagraph(string line)
    {
        if (IsLevelOne(line)) return Para(StyleIds.Heading1, line);
        if (line.StartsWith('（') && line.IndexOf('）') is > 1 and <= 4)
        {
            var end = line.IndexOf('。');
            var lead = end < 0 ? line : line[..(end + 1)];
            var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.Normal }),
                new Run(new RunProperties(FontsOf(SubheadingFont)), new WordText(lead)));
            if (lead.Length < line.Length) paragraph.Append(new Run(new WordText(line[lead.Length..])));
            return paragraph;
        }
        return BodyText(line);
    }

    private static bool IsLevelOne(string line)
    {
        var comma = line.IndexOf('、');
        return comma is > 0 and <= 3 && line[..comma].All(c => "一二三四五六七八九十".Contains(c));
    }

    private static Paragraph Signature(string text, int rightIndent) => new(
        new ParagraphProperties(
            new ParagraphStyleId { Val = StyleIds.Signature },
            new Indentation { Right = rightIndent.ToString(CultureInfo.InvariantCulture) }),
        new Run(new WordText(text)));

    /// <summary>大致的字宽：汉字和全角符号 1，数字和西文 0.5。</summary>
    private static double Width(string text) => text.Sum(c => c < 0x2E80 ? 0.5 : 1.0);

    // ---- Tables --------------------------------------------------------------------------------------------------

    private static void WriteUnitTable(OpenXmlWriter w, IReadOnlyList<BulletinUnitRow> rows)
    {
        w.WriteStartElement(new Table());
        w.WriteElement(TableProps());
        w.WriteElement(Grid(UnitColumns));
        w.WriteElement(HeaderRow(BulletinWording.UnitHeaders, UnitColumns));
        foreach (var r in rows)
        {
            w.WriteElement(DataRow(UnitColumns, [
                BulletinWording.Count(r.Rank), r.UnitName, BulletinWording.Count(r.Submitted), BulletinWording.Count(r.Approved),
                BulletinWording.Count(r.Adopted), BulletinWording.Count(r.Central), BulletinWording.Count(r.Provincial),
                BulletinWording.Count(r.Municipal), BulletinWording.Count(r.County), BulletinWording.Rate(r.AdoptionRate),
                BulletinWording.Points(r.Points), BulletinWording.Quota(r.QuotaMet),
            ], leftAligned: 1));
        }
        w.WriteEndElement();
        w.WriteElement(Para(StyleIds.Normal, ""));
    }

    private static void WriteGoodNewsTable(OpenXmlWriter w, IReadOnlyList<GoodNewsItem> items)
    {
        w.WriteStartElement(new Table());
        w.WriteElement(TableProps());
        w.WriteElement(Grid(GoodNewsColumns));
        w.WriteElement(HeaderRow(BulletinWording.GoodNewsHeaders, GoodNewsColumns));
        foreach (var g in items)
        {
            w.WriteElement(DataRow(GoodNewsColumns, [
                BulletinWording.Count(g.Rank), g.Title, g.UnitName, g.Outlet, Domain.Common.ChinaTime.FormatDate(g.AdoptedOn),
                BulletinWording.Points(g.Points),
            ], leftAligned: 1));
        }
        w.WriteEndElement();
        w.WriteElement(Para(StyleIds.Normal, ""));
    }

    private static TableProperties TableProps()
    {
        static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        return new TableProperties(
            new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }));
    }

    private static TableGrid Grid(int[] widths) =>
        new(widths.Select(width => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) }));

    /// <summary>表头行：每页重复，不跨页断开，灰底黑体。</summary>
    private static TableRow HeaderRow(string[] headers, int[] widths)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headers.Length; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(
                    CellWidth(widths[i]),
                    new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9D9D9" },
                    new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
                Para(StyleIds.TableHeader, headers[i])));
        }
        return row;
    }

    private static TableRow DataRow(int[] widths, string[] cells, int leftAligned)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        for (var i = 0; i < cells.Length; i++)
        {
            var paragraph = Para(StyleIds.TableText, cells[i]);
            if (i == leftAligned) paragraph.ParagraphProperties!.Justification = new Justification { Val = JustificationValues.Left };
            row.Append(new TableCell(new TableCellProperties(CellWidth(widths[i]),
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }), paragraph));
        }
        return row;
    }

    private static TableCellWidth CellWidth(int width) =>
        new() { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa };

    // ---- Section, header, footer ---------------------------------------------------------------------------------

    private static SectionProperties Section(string? headerId, string footerId)
    {
        var section = new SectionProperties();
        if (headerId is not null) section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        section.Append(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Right = 1474U, Bottom = 1984, Left = 1588U, Header = 851U, Footer = 992U, Gutter = 0U },
            new PageNumberType { Start = 1 },
            new Columns { Space = "425" },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch });
        return section;
    }

    /// <summary>页码：四号半角宋体阿拉伯数字，左右各一条一字线"— 1 —"。</summary>
    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.PageNumber }),
        new Run(new WordText("— ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new WordText("1"))) { Instruction = " PAGE " },
        new Run(new WordText(" —") { Space = SpaceProcessingModeValues.Preserve })));

    private static Header DraftHeader(BulletinFigures f) => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = StyleIds.DraftHeader }),
        new Run(new WordText(BulletinWording.DraftHeader(f)))));
}
