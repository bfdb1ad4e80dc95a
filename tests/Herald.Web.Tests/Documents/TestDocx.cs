using System.IO.Compression;
using System.Security;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Web.Tests.Documents;

/// <summary>
/// Builds .docx files in memory with the Open XML SDK, with a style sheet like Word's (Title, heading 1–3, caption)
/// plus WPS-style Chinese names ("标题 3", "题注") and a few custom styles.
/// </summary>
internal sealed class TestDocx
{
    private const string Namespaces =
        "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' " +
        "xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing' " +
        "xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' " +
        "xmlns:pic='http://schemas.openxmlformats.org/drawingml/2006/picture' " +
        "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships' " +
        "xmlns:v='urn:schemas-microsoft-com:vml' xmlns:o='urn:schemas-microsoft-com:office:office'";

    private readonly MemoryStream _stream = new();
    private readonly WordprocessingDocument _document;
    private int _drawingId;

    public TestDocx()
    {
        _document = WordprocessingDocument.Create(_stream, WordprocessingDocumentType.Document);
        Main = _document.AddMainDocumentPart();
        Main.Document = new Document(Body = new Body());
        Main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
    }

    public MainDocumentPart Main { get; }
    public Body Body { get; }

    public TestDocx Add(params OpenXmlElement[] elements)
    {
        foreach (var element in elements) Body.Append(element);
        return this;
    }

    public byte[] ToBytes()
    {
        _document.Dispose();
        return _stream.ToArray();
    }

    /// <summary>One document, built and returned as bytes.</summary>
    public static byte[] Build(Action<TestDocx> content)
    {
        var docx = new TestDocx();
        content(docx);
        return docx.ToBytes();
    }

    // ---- Elements ----

    public static Paragraph P(string text) => new(R(text));

    public static Paragraph P(ParagraphProperties? properties, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (properties is not null) paragraph.Append(properties);
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph Styled(string styleId, string text) =>
        P(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), R(text));

    public static Paragraph Centred(string text) =>
        P(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), R(text));

    public static Run R(string text, bool? bold = null, bool? italic = null, string? characterStyle = null)
    {
        var properties = new RunProperties();
        if (characterStyle is not null) properties.Append(new RunStyle { Val = characterStyle });
        if (bold is { } b) properties.Append(b ? new Bold() : new Bold { Val = OnOffValue.FromBoolean(false) });
        if (italic is { } i) properties.Append(i ? new Italic() : new Italic { Val = OnOffValue.FromBoolean(false) });
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public string AddImage(byte[] content, ImagePartType type)
    {
        var part = Main.AddImagePart(type);
        using (var stream = new MemoryStream(content)) part.FeedData(stream);
        return Main.GetIdOfPart(part);
    }

    /// <summary>A DrawingML picture in its own paragraph; descr/title are the alt text Word writes to wp:docPr.</summary>
    public Paragraph Picture(byte[] content, ImagePartType type, string? descr = null, string? title = null) =>
        new(new Run(InlineDrawing(AddImage(content, type), descr, title)));

    public Drawing InlineDrawing(string relationshipId, string? descr = null, string? title = null)
    {
        var id = ++_drawingId;
        var alt = (descr is null ? "" : $" descr='{SecurityElement.Escape(descr)}'") + (title is null ? "" : $" title='{SecurityElement.Escape(title)}'");
        return new Drawing(
            $"<w:drawing {Namespaces}><wp:inline><wp:extent cx='952500' cy='635000'/><wp:docPr id='{id}' name='图片 {id}'{alt}/>" +
            "<a:graphic><a:graphicData uri='http://schemas.openxmlformats.org/drawingml/2006/picture'><pic:pic>" +
            $"<pic:nvPicPr><pic:cNvPr id='{id}' name='图片 {id}'/><pic:cNvPicPr/></pic:nvPicPr>" +
            $"<pic:blipFill><a:blip r:embed='{relationshipId}'/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/>" +
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>");
    }

    /// <summary>An older-style (Word 2003 and WPS) VML picture.</summary>
    public Paragraph VmlPicture(byte[] content, ImagePartType type, string? alt = null) =>
        new(new Run(new Picture(
            $"<w:pict {Namespaces}><v:shape id='_x0000_i10{++_drawingId}' type='#_x0000_t75' style='width:90pt;height:60pt'" +
            (alt is null ? "" : $" alt='{SecurityElement.Escape(alt)}'") +
            $"><v:imagedata r:id='{AddImage(content, type)}' o:title=''/></v:shape></w:pict>")));

    /// <summary>Numbering definitions: numId 1 = 一、/（一）, numId 2 = 1./2., numId 3 = bullets.</summary>
    public void AddNumbering()
    {
        Main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
            "<w:numbering xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>" +
            "<w:abstractNum w:abstractNumId='0'>" +
            "<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:lvlText w:val='%1、'/></w:lvl>" +
            "<w:lvl w:ilvl='1'><w:start w:val='1'/><w:numFmt w:val='chineseCounting'/><w:lvlText w:val='（%2）'/></w:lvl></w:abstractNum>" +
            "<w:abstractNum w:abstractNumId='1'><w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='decimal'/><w:lvlText w:val='%1.'/></w:lvl></w:abstractNum>" +
            "<w:abstractNum w:abstractNumId='2'><w:lvl w:ilvl='0'><w:numFmt w:val='bullet'/><w:lvlText w:val='•'/></w:lvl></w:abstractNum>" +
            "<w:num w:numId='1'><w:abstractNumId w:val='0'/></w:num>" +
            "<w:num w:numId='2'><w:abstractNumId w:val='1'/></w:num>" +
            "<w:num w:numId='3'><w:abstractNumId w:val='2'/></w:num>" +
            "</w:numbering>");
    }

    public static Paragraph Numbered(int numId, int level, string text) =>
        P(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), R(text));

    /// <summary>A table from rows of cells; build cells with <see cref="Cell"/>.</summary>
    public static Table Table(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public static TableCell Cell(string text, int gridSpan = 1, MergedCellValues? merge = null, bool mergeWithoutValue = false)
    {
        var properties = new TableCellProperties();
        if (gridSpan > 1) properties.Append(new GridSpan { Val = gridSpan });
        if (merge is { } m) properties.Append(mergeWithoutValue ? new VerticalMerge() : new VerticalMerge { Val = m });
        return new TableCell(properties, text.Length == 0 ? new Paragraph() : P(text));
    }

    // ---- Zip-level helpers for malformed packages ----

    /// <summary>Rewrites a package: entries for which <paramref name="replace"/> returns null are dropped.</summary>
    public static byte[] Rewrite(byte[] docx, Func<string, byte[], byte[]?> replace)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var memory = new MemoryStream();
                using (var stream = entry.Open()) stream.CopyTo(memory);
                if (replace(entry.FullName, memory.ToArray()) is not { } content) continue;
                using var write = target.CreateEntry(entry.FullName).Open();
                write.Write(content);
            }
        }
        return output.ToArray();
    }

    private static Styles StyleSheet()
    {
        static Style ParaStyle(string id, string name, int? outline = null, bool bold = false, bool italic = false, bool centred = false, bool isDefault = false)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
            var paragraph = new StyleParagraphProperties();
            if (centred) paragraph.Append(new Justification { Val = JustificationValues.Center });
            if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
            if (paragraph.HasChildren) style.Append(paragraph);
            var run = new StyleRunProperties();
            if (bold) run.Append(new Bold());
            if (italic) run.Append(new Italic());
            if (run.HasChildren) style.Append(run);
            if (isDefault) style.Default = OnOffValue.FromBoolean(true);
            return style;
        }

        static Style CharStyle(string id, string name, bool? bold = null, bool? italic = null, string? basedOn = null)
        {
            var style = new Style { Type = StyleValues.Character, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
            var run = new StyleRunProperties();
            if (bold is { } b) run.Append(new Bold { Val = OnOffValue.FromBoolean(b) });
            if (italic is { } i) run.Append(new Italic { Val = OnOffValue.FromBoolean(i) });
            style.Append(run);
            return style;
        }

        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "32" }))),
            ParaStyle("Normal", "Normal", isDefault: true),
            ParaStyle("Title", "Title", bold: true, centred: true),
            ParaStyle("Heading1", "heading 1", outline: 0, bold: true),
            ParaStyle("Heading2", "heading 2", outline: 1, bold: true),
            ParaStyle("Heading3", "heading 3", outline: 2, bold: true),
            // WPS writes Chinese style names and no outline level.
            ParaStyle("a5", "标题 3", bold: true),
            ParaStyle("a6", "heading 6", bold: true),
            ParaStyle("Caption", "caption", italic: true),
            ParaStyle("a7", "题注"),
            ParaStyle("KeyPoint", "重点段落", bold: true),
            CharStyle("Strong", "Strong", bold: true),
            CharStyle("Quiet", "Quiet", bold: false, basedOn: "Strong"),
            CharStyle("Emphasis", "Emphasis", italic: true));
    }
}
