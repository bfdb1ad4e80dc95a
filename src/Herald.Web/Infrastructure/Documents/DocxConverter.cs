using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Html;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using V = DocumentFormat.OpenXml.Vml;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>
/// 把 Word 正文转为白名单 HTML：先建一层简单的块结构（段落、表格），再定图注与标题，最后输出 HTML 交给 BodyHtml 净化。
/// </summary>
internal sealed partial class DocxConverter
{
    private const int CaptionMaxChars = 60;
    private const int MarkedCaptionMaxChars = 100;
    private const string ChartUri = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DiagramUri = "http://schemas.openxmlformats.org/drawingml/2006/diagram";

    private readonly MainDocumentPart _main;
    private readonly DocxStyles _styles;
    private readonly DocxNumbering _numbering;
    private readonly List<ImageSlot> _images = [];
    private readonly Dictionary<Uri, ImageSlot> _imagesByPart = [];
    private int _skipped;

    private readonly IReadOnlyDictionary<string, long> _entrySizes;
    private readonly long _maxPixels;

    public DocxConverter(MainDocumentPart main, IReadOnlyDictionary<string, long> entrySizes, long maxPixels)
    {
        _main = main;
        _entrySizes = entrySizes;
        _maxPixels = maxPixels;
        _styles = new DocxStyles(main.StyleDefinitionsPart?.Styles);
        _numbering = new DocxNumbering(main.NumberingDefinitionsPart?.Numbering);
    }

    public DocxImport Convert(Body body)
    {
        var blocks = new List<Block>();
        ConvertBlocks(body.ChildElements, blocks);
        AssignCaptions(blocks);
        var title = TakeTitle(blocks);
        var html = new StringBuilder();
        Render(blocks, html, inCell: false);
        var images = _images.Select(i => new DocxImage(i.Content, i.ContentType, i.Caption, i.Width, i.Height)).ToList();
        return new DocxImport(title, BodyHtml.Sanitize(html.ToString()), images, _skipped);
    }

    // ---- Blocks -------------------------------------------------------------------------------------------------

    private abstract class Block;

    private sealed class ParaBlock : Block
    {
        public readonly List<Piece> Pieces = [];
        public readonly List<ImageSlot> Images = [];
        /// <summary>Paragraphs and tables from text boxes anchored in this paragraph; shown after it.</summary>
        public readonly List<Block> Floating = [];
        public int Level;
        public bool IsTitle;
        public bool IsCaptionStyle;
        public bool Centred;
        public bool IsBullet;
        public string? NumberText;
        public bool Consumed;
        private string? _text;

        /// <summary>Visible text with line breaks as spaces, whitespace collapsed.</summary>
        public string Text => _text ??= Collapse(string.Concat(Pieces.Select(p => p.Text ?? " ")));
    }

    private sealed class TableBlock : Block
    {
        public readonly List<List<CellBlock>> Rows = [];
    }

    private sealed record CellBlock(List<Block> Content, int ColSpan, int RowSpan, bool Header);

    [Flags]
    private enum RunFlags { None = 0, Bold = 1, Italic = 2, Superscript = 4, Subscript = 8 }

    /// <summary>Text with formatting, or a line break when Text is null.</summary>
    private readonly record struct Piece(string? Text, RunFlags Flags);

    private sealed class ImageSlot(byte[] content, string contentType, int width, int height)
    {
        public byte[] Content { get; } = content;
        public string ContentType { get; } = contentType;
        public int Width { get; } = width;
        public int Height { get; } = height;
        public string? Caption { get; set; }
    }

    private void ConvertBlocks(IEnumerable<OpenXmlElement> elements, List<Block> output)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph p:
                    output.Add(ConvertParagraph(p));
                    break;
                case Table t:
                    output.Add(ConvertTable(t));
                    break;
                case SdtBlock sdt:
                    if (sdt.SdtContentBlock is { } sdtContent) ConvertBlocks(sdtContent.ChildElements, output);
                    break;
                case CustomXmlBlock custom:
                    ConvertBlocks(custom.ChildElements, output);
                    break;
                case AlternateContent alternate:
                    ConvertBlocks(Choose(alternate), output);
                    break;
            }
        }
    }

    private ParaBlock ConvertParagraph(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        var style = _styles.Paragraph(properties?.ParagraphStyleId?.Val?.Value);
        var block = new ParaBlock
        {
            IsTitle = style.IsTitle,
            IsCaptionStyle = style.IsCaption,
            Level = DocxValues.Of(properties?.OutlineLevel?.Val) is { } outline && !style.IsTitle
                ? DocxStyles.OutlineToLevel(outline)
                : style.HeadingLevel,
            Centred = DocxValues.Of(properties?.Justification?.Val) is { } jc ? jc == JustificationValues.Center : style.Centred,
        };
        if (block.Level == 0 && properties?.NumberingProperties is { } numbering)
        {
            var (kind, text) = _numbering.Next(DocxValues.Of(numbering.NumberingId?.Val), DocxValues.Of(numbering.NumberingLevelReference?.Val) ?? 0);
            // Numbered paragraphs keep Word's own numbering text ("一、", "（二）", "3.") instead of becoming <ol>, whose 1. 2. 3. would change it.
            block.IsBullet = kind == DocxNumbering.Kind.Bullet;
            block.NumberText = text;
        }
        WalkInline(paragraph.ChildElements, block, style);
        return block;
    }

    private void WalkInline(IEnumerable<OpenXmlElement> elements, ParaBlock block, ParagraphStyleInfo style)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Run run:
                    WalkRun(run, block, style);
                    break;
                case ParagraphProperties or DeletedRun or MoveFromRun:
                    // Tracked deletions and moved-away text are not part of the current text.
                    break;
                case AlternateContent alternate:
                    WalkInline(Choose(alternate), block, style);
                    break;
                case OpenXmlCompositeElement container:
                    // Hyperlinks, fields, content controls, smart tags, insertions: their runs are ordinary text.
                    WalkInline(container.ChildElements, block, style);
                    break;
            }
        }
    }

    private void WalkRun(Run run, ParaBlock block, ParagraphStyleInfo style)
    {
        var properties = run.RunProperties;
        if (DocxStyles.IsOn(properties?.Vanish) == true) return;
        var flags = RunFlagsOf(properties, style);
        WalkRunContent(run.ChildElements, block, flags);
    }

    private void WalkRunContent(IEnumerable<OpenXmlElement> elements, ParaBlock block, RunFlags flags)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text text:
                    block.Pieces.Add(new Piece(text.Text, flags));
                    break;
                case TabChar or PositionalTab:
                    block.Pieces.Add(new Piece(" ", flags));
                    break;
                case Break br:
                    // Page and column breaks do not break the line of text in a web page.
                    if (DocxValues.Of(br.Type) is null or BreakValues.TextWrapping) block.Pieces.Add(new Piece(null, flags));
                    break;
                case CarriageReturn:
                    block.Pieces.Add(new Piece(null, flags));
                    break;
                case NoBreakHyphen:
                    block.Pieces.Add(new Piece("-", flags));
                    break;
                case Drawing drawing:
                    AddDrawing(drawing, block);
                    break;
                case Picture or EmbeddedObject:
                    AddVml(element, block);
                    break;
                case AlternateContent alternate:
                    WalkRunContent(Choose(alternate), block, flags);
                    break;
            }
        }
    }

    private RunFlags RunFlagsOf(RunProperties? properties, ParagraphStyleInfo style)
    {
        var character = _styles.Character(properties?.RunStyle?.Val?.Value);
        var bold = DocxStyles.IsOn(properties?.Bold) ?? character.Bold ?? style.Bold ?? _styles.DefaultBold ?? false;
        var italic = DocxStyles.IsOn(properties?.Italic) ?? character.Italic ?? style.Italic ?? _styles.DefaultItalic ?? false;
        var flags = (bold ? RunFlags.Bold : 0) | (italic ? RunFlags.Italic : 0);
        var position = DocxValues.Of(properties?.VerticalTextAlignment?.Val);
        if (position == VerticalPositionValues.Superscript) flags |= RunFlags.Superscript;
        else if (position == VerticalPositionValues.Subscript) flags |= RunFlags.Subscript;
        return flags;
    }

    private TableBlock ConvertTable(Table table)
    {
        var rows = Rows(table).ToList();
        var layout = new List<List<(TableCell Cell, int Column, int Span, MergedCellValues? Merge)>>(rows.Count);
        foreach (var row in rows)
        {
            var column = Math.Max(0, DocxValues.Of(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val) ?? 0);
            var cells = new List<(TableCell, int, int, MergedCellValues?)>();
            foreach (var cell in Cells(row))
            {
                var span = Math.Max(1, DocxValues.Of(cell.TableCellProperties?.GridSpan?.Val) ?? 1);
                var merge = cell.TableCellProperties?.VerticalMerge is { } vm ? DocxValues.Of(vm.Val) ?? MergedCellValues.Continue : (MergedCellValues?)null;
                cells.Add((cell, column, span, merge));
                column += span;
            }
            layout.Add(cells);
        }

        var block = new TableBlock();
        var covered = new HashSet<TableCell>();
        for (var r = 0; r < layout.Count; r++)
        {
            var header = rows[r].TableRowProperties?.GetFirstChild<TableHeader>() is { } th && (th.Val is null || DocxValues.Of(th.Val) == OnOffOnlyValues.On);
            var output = new List<CellBlock>();
            foreach (var (cell, column, span, merge) in layout[r])
            {
                if (covered.Contains(cell)) continue;
                var rowSpan = 1;
                if (merge == MergedCellValues.Restart)
                {
                    // A vertical merge continues down while the next row has a "continue" cell starting at the same grid column.
                    for (var below = r + 1; below < layout.Count; below++)
                    {
                        var next = layout[below].FirstOrDefault(c => c.Column == column);
                        if (next.Cell is null || next.Merge != MergedCellValues.Continue) break;
                        covered.Add(next.Cell);
                        rowSpan++;
                    }
                }
                var content = new List<Block>();
                ConvertBlocks(cell.ChildElements, content);
                output.Add(new CellBlock(content, span, rowSpan, header));
            }
            block.Rows.Add(output);
        }
        return block;
    }

    private static IEnumerable<TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is TableRow row) yield return row;
            else if (child is SdtRow { SdtContentRow: { } content }) foreach (var inner in Rows(content)) yield return inner;
            else if (child is CustomXmlRow custom) foreach (var inner in Rows(custom)) yield return inner;
        }
    }

    private static IEnumerable<TableCell> Cells(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is TableCell cell) yield return cell;
            else if (child is SdtCell { SdtContentCell: { } content }) foreach (var inner in Cells(content)) yield return inner;
            else if (child is CustomXmlCell custom) foreach (var inner in Cells(custom)) yield return inner;
        }
    }

    // ---- Pictures -----------------------------------------------------------------------------------------------

    private void AddDrawing(Drawing drawing, ParaBlock block)
    {
        var docProperties = Find<Wp.DocProperties>(drawing).FirstOrDefault();
        var drawingAlt = AltText(docProperties?.Description?.Value) ?? AltText(docProperties?.Title?.Value);
        foreach (var blip in Find<A.Blip>(drawing))
        {
            var picture = blip.Ancestors<Pic.Picture>().FirstOrDefault()?.NonVisualPictureProperties?.NonVisualDrawingProperties;
            var alt = AltText(picture?.Description?.Value) ?? AltText(picture?.Title?.Value) ?? drawingAlt;
            AddImage(blip.Embed?.Value, alt, block);
        }
        foreach (var data in Find<A.GraphicData>(drawing))
        {
            // Charts and SmartArt are pictures to the reader but have no bitmap to keep.
            if (data.Uri?.Value is ChartUri or DiagramUri) _skipped++;
        }
        foreach (var textBox in Find<TextBoxContent>(drawing))
            ConvertBlocks(textBox.ChildElements, block.Floating);
    }

    private void AddVml(OpenXmlElement container, ParaBlock block)
    {
        foreach (var data in Find<V.ImageData>(container))
        {
            var shape = data.Parent as V.Shape;
            var alt = AltText(shape?.Alternate?.Value) ?? AltText(data.Title?.Value);
            AddImage(data.RelationshipId?.Value, alt, block);
        }
        foreach (var textBox in Find<TextBoxContent>(container))
            ConvertBlocks(textBox.ChildElements, block.Floating);
    }

    private void AddImage(string? relationshipId, string? alt, ParaBlock block)
    {
        // Linked (not embedded) pictures and dangling ids have no bytes in the package.
        if (relationshipId is null || !_main.TryGetPartById(relationshipId, out var part) || part is not ImagePart)
        {
            _skipped++;
            return;
        }
        if (_imagesByPart.TryGetValue(part.Uri, out var seen))
        {
            // The same picture placed twice is kept once.
            seen.Caption ??= alt;
            return;
        }
        var content = ReadAll(part);
        var type = ContentSniffer.Sniff(content);
        // Pictures too large to decode safely are skipped like unsupported ones (the user is told how many).
        if (type is not (SniffedType.Jpeg or SniffedType.Png) || ImageInfo.TryReadSize(content, type) is not { } size
            || ImageInfo.TooManyPixels(size, _maxPixels))
        {
            _skipped++;
            return;
        }
        var slot = new ImageSlot(content, ContentSniffer.ContentType(type), size.Width, size.Height) { Caption = alt };
        _imagesByPart[part.Uri] = slot;
        _images.Add(slot);
        block.Images.Add(slot);
    }

    /// <summary>Reads a part into an array of the size the safety scan measured, avoiding a growing buffer and a copy per photo.</summary>
    private byte[] ReadAll(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var entryName = Uri.UnescapeDataString(part.Uri.OriginalString.TrimStart('/'));
        if (_entrySizes.TryGetValue(entryName, out var size) && size <= Array.MaxLength)
        {
            var content = new byte[size];
            var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
            if (read == content.Length && stream.ReadByte() == -1) return content;
            throw new InvalidDataException($"{entryName} changed size between the safety scan and the import");
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Alt text worth keeping as a caption: not empty, not a camera file name, not Word's auto-generated description.</summary>
    private static string? AltText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = Collapse(value);
        if (text.Contains("自动生成", StringComparison.Ordinal) || text.Contains("automatically generated", StringComparison.OrdinalIgnoreCase))
            return null;
        // WPS fills alt text with "IMG_256"; other tools put the original file name there.
        if (text.StartsWith("IMG_", StringComparison.OrdinalIgnoreCase) && text.Length <= 12) return null;
        var extension = Path.GetExtension(text).ToLowerInvariant();
        if (extension is ".jpg" or ".jpeg" or ".png" or ".gif" or ".bmp" or ".emf" or ".wmf" or ".tif" or ".tiff" or ".heic") return null;
        return text;
    }

    /// <summary>Descendants of type T, not looking inside text boxes (their content is converted as paragraphs of its own).</summary>
    private static IEnumerable<T> Find<T>(OpenXmlElement root) where T : OpenXmlElement
    {
        foreach (var child in root is AlternateContent alternate ? Choose(alternate) : root.ChildElements)
        {
            if (child is T match) yield return match;
            if (child is TextBoxContent || !child.HasChildren) continue;
            foreach (var inner in Find<T>(child)) yield return inner;
        }
    }

    /// <summary>Markup compatibility: the first Choice (newer markup), else the Fallback — never both, or content doubles.</summary>
    private static IEnumerable<OpenXmlElement> Choose(AlternateContent alternate) =>
        (OpenXmlElement?)alternate.GetFirstChild<AlternateContentChoice>() is { } choice ? choice.ChildElements
        : alternate.GetFirstChild<AlternateContentFallback>()?.ChildElements ?? Enumerable.Empty<OpenXmlElement>();

    // ---- Captions and title -------------------------------------------------------------------------------------

    /// <summary>
    /// A picture without alt text takes its caption from the document, in this order: text beside it in its own paragraph that
    /// is written as a caption; a caption paragraph right above it that is not also right below another picture; the paragraph
    /// right below it that looks like a caption; then a caption paragraph right above it after all. A paragraph taken as a
    /// caption is not repeated in the body.
    /// </summary>
    private static void AssignCaptions(List<Block> blocks)
    {
        foreach (var paragraph in blocks.OfType<ParaBlock>()) AssignCaptions(paragraph.Floating);
        foreach (var table in blocks.OfType<TableBlock>())
            foreach (var cell in table.Rows.SelectMany(row => row))
                AssignCaptions(cell.Content);

        for (var i = 0; i < blocks.Count; i++)
            if (Uncaptioned(blocks[i]) is { } paragraph && paragraph.Images.Count == 1 && IsExplicitCaption(paragraph, ownPicture: true))
                Take(paragraph, paragraph);
        for (var i = 0; i < blocks.Count; i++)
            if (Uncaptioned(blocks[i]) is { } paragraph && Neighbour(blocks, i, -1) is { } above && IsExplicitCaption(above)
                && Neighbour(blocks, blocks.IndexOf(above), -1) is not { Images.Count: > 0 })
                Take(paragraph, above);
        for (var i = 0; i < blocks.Count; i++)
            if (Uncaptioned(blocks[i]) is { } paragraph && Neighbour(blocks, i, +1) is { } below && LooksLikeCaption(below))
                Take(paragraph, below);
        for (var i = 0; i < blocks.Count; i++)
            if (Uncaptioned(blocks[i]) is { } paragraph && Neighbour(blocks, i, -1) is { } above && IsExplicitCaption(above))
                Take(paragraph, above);
    }

    private static ParaBlock? Uncaptioned(Block block) =>
        block is ParaBlock paragraph && paragraph.Images.Any(image => image.Caption is null) ? paragraph : null;

    private static void Take(ParaBlock picture, ParaBlock caption)
    {
        foreach (var image in picture.Images.Where(image => image.Caption is null)) image.Caption = caption.Text;
        caption.Consumed = true;
    }

    /// <summary>The nearest paragraph above (-1) or below (+1), skipping empty ones; null at a table or the edge.</summary>
    private static ParaBlock? Neighbour(List<Block> blocks, int index, int step)
    {
        for (var j = index + step; j >= 0 && j < blocks.Count; j += step)
        {
            if (blocks[j] is not ParaBlock paragraph) return null;
            if (paragraph is not { Text.Length: 0, Images.Count: 0, Floating.Count: 0 }) return paragraph;
        }
        return null;
    }

    /// <summary>Below a picture: a caption style, a caption marker ("图为…", "图1 …"), or a short centred line.</summary>
    private static bool LooksLikeCaption(ParaBlock paragraph) =>
        IsExplicitCaption(paragraph)
        || paragraph is { Images.Count: 0, Level: 0, Consumed: false, IsBullet: false, Centred: true } && paragraph.Text.Length is > 0 and <= CaptionMaxChars;

    /// <summary>Written as a caption wherever it stands: in a caption style (≤ 60 characters) or opening with a caption marker.</summary>
    private static bool IsExplicitCaption(ParaBlock paragraph, bool ownPicture = false) =>
        paragraph is { Level: 0, Consumed: false, IsBullet: false }
        && (ownPicture || paragraph.Images.Count == 0)
        && ((paragraph.IsCaptionStyle && paragraph.Text.Length is > 0 and <= CaptionMaxChars)
            || (paragraph.Text.Length <= MarkedCaptionMaxChars && CaptionMarker().IsMatch(paragraph.Text)));

    /// <summary>"图1 …", "图 2：…", "图一 …", "图为…", "图：…", "图片：…", "（图为…）", "上图为…".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:图\s*[0-9０-９一二三四五六七八九十]+|图\s*[为：:]|图片\s*[：:]|[（(]\s*图|[上下左右]图)")]
    private static partial System.Text.RegularExpressions.Regex CaptionMarker();

    /// <summary>The first Title-styled paragraph, else the first Heading 1, becomes the manuscript title.</summary>
    private static string? TakeTitle(List<Block> blocks)
    {
        var candidates = blocks.OfType<ParaBlock>()
            .Where(p => !p.Consumed && p.Text.Length is > 0 and <= Manuscript.TitleMaxLength)
            .ToList();
        var title = candidates.FirstOrDefault(p => p.IsTitle) ?? candidates.FirstOrDefault(p => p.Level == 1);
        if (title is null) return null;
        title.Consumed = true;
        return title.Text;
    }

    // ---- HTML ---------------------------------------------------------------------------------------------------

    private static void Render(List<Block> blocks, StringBuilder html, bool inCell)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case ParaBlock { IsBullet: true, Consumed: false }:
                {
                    // Consecutive bulleted paragraphs form one list.
                    html.Append("<ul>");
                    var j = i;
                    for (; j < blocks.Count && blocks[j] is ParaBlock { IsBullet: true, Consumed: false } item; j++)
                    {
                        html.Append("<li>");
                        RenderInline(item, html);
                        html.Append("</li>");
                        Render(item.Floating, html, inCell);
                    }
                    html.Append("</ul>");
                    i = j - 1;
                    break;
                }
                case ParaBlock paragraph:
                    if (!paragraph.Consumed) RenderParagraph(paragraph, html, inCell);
                    Render(paragraph.Floating, html, inCell);
                    break;
                case TableBlock table:
                    RenderTable(table, html);
                    break;
            }
        }
    }

    private static void RenderParagraph(ParaBlock paragraph, StringBuilder html, bool inCell)
    {
        if (!inCell && paragraph.Level > 0)
        {
            // Headings keep their words only: their style already makes them bold, and the page styles them anyway.
            var tag = paragraph.Level switch { 1 => "h2", 2 => "h3", _ => "h4" };
            html.Append('<').Append(tag).Append('>').Append(BodyHtml.Encode(paragraph.Text)).Append("</").Append(tag).Append('>');
            return;
        }
        html.Append("<p>");
        RenderInline(paragraph, html);
        html.Append("</p>");
    }

    private static void RenderTable(TableBlock table, StringBuilder html)
    {
        html.Append("<table><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var tag = cell.Header ? "th" : "td";
                html.Append('<').Append(tag);
                if (cell.ColSpan > 1) html.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                if (cell.RowSpan > 1) html.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                html.Append('>');
                var visible = cell.Content.Where(b => b is not ParaBlock { Consumed: true, Floating.Count: 0 } and not ParaBlock { Text.Length: 0, Floating.Count: 0 }).ToList();
                // A cell holding one plain paragraph is written without <p>, as people expect of a table cell.
                if (visible is [ParaBlock { IsBullet: false, Floating.Count: 0, Consumed: false } only])
                    RenderInline(only, html);
                else
                    Render(visible, html, inCell: true);
                html.Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>Runs with the same formatting are merged (Word splits text into many runs); line breaks become &lt;br&gt;.</summary>
    private static void RenderInline(ParaBlock paragraph, StringBuilder html)
    {
        var pieces = paragraph.Pieces;
        var start = 0;
        var end = pieces.Count;
        while (start < end && IsBlank(pieces[start])) start++;
        while (end > start && IsBlank(pieces[end - 1])) end--;
        if (paragraph.NumberText is { Length: > 0 } number && start < end) html.Append(BodyHtml.Encode(number));

        var open = RunFlags.None;
        for (var i = start; i < end; i++)
        {
            var piece = pieces[i];
            if (piece.Text is null)
            {
                Close(open, html);
                open = RunFlags.None;
                html.Append("<br>");
                continue;
            }
            // Spaces take the formatting around them so "<strong>a</strong> <strong>b</strong>" stays one element.
            var flags = piece.Text.AsSpan().Trim().IsEmpty ? open : piece.Flags;
            if (flags != open)
            {
                Close(open, html);
                Open(flags, html);
                open = flags;
            }
            var text = piece.Text;
            if (i == start) text = text.TrimStart();
            if (i == end - 1) text = text.TrimEnd();
            html.Append(BodyHtml.Encode(text));
        }
        Close(open, html);
    }

    private static bool IsBlank(Piece piece) => piece.Text is null || string.IsNullOrWhiteSpace(piece.Text);

    private static void Open(RunFlags flags, StringBuilder html)
    {
        if (flags.HasFlag(RunFlags.Bold)) html.Append("<strong>");
        if (flags.HasFlag(RunFlags.Italic)) html.Append("<em>");
        if (flags.HasFlag(RunFlags.Superscript)) html.Append("<sup>");
        if (flags.HasFlag(RunFlags.Subscript)) html.Append("<sub>");
    }

    private static void Close(RunFlags flags, StringBuilder html)
    {
        if (flags.HasFlag(RunFlags.Subscript)) html.Append("</sub>");
        if (flags.HasFlag(RunFlags.Superscript)) html.Append("</sup>");
        if (flags.HasFlag(RunFlags.Italic)) html.Append("</em>");
        if (flags.HasFlag(RunFlags.Bold)) html.Append("</strong>");
    }

    /// <summary>Collapses runs of ASCII spaces, tabs and breaks; keeps the ideographic space (U+3000) inside Chinese text.</summary>
    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\u00a0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
