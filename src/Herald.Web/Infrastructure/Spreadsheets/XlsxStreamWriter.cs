using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Herald.Web.Infrastructure.Spreadsheets;

/// <summary>流式表格的一列：表头、宽度（字符数）、单元格类型。</summary>
public sealed record XlsxColumn(string Header, double Width, XlsxCellKind Kind = XlsxCellKind.Text);

public enum XlsxCellKind
{
    Text,
    Number,
    /// <summary>日期时间（已换算为北京时间），Excel 日期序号，显示为 2026年3月5日 14:30。</summary>
    DateTime,
    /// <summary>日期，显示为 2026年3月5日。</summary>
    Date,
}

/// <summary>
/// 边读边写的单工作表 .xlsx（导出列表用）：行由 OpenXmlWriter 逐个写进 zip 条目，字符串内联（不攒共享字符串表），
/// 内存占用与行数无关。目标流可以不支持定位（HTTP 响应）：同步写入先落在小缓冲里，由 <see cref="DrainAsync"/> 异步送出。
/// 表头加粗、浅灰底、冻结，带自动筛选。
/// </summary>
public sealed class XlsxStreamWriter : IAsyncDisposable
{
    private const uint HeaderStyle = 1, DateTimeStyle = 2, DateStyle = 3, WrapStyle = 4;
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    private readonly Stream _target;
    private readonly SpoolStream _spool = new();
    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<XlsxColumn> _columns;
    private readonly string[] _columnNames;
    private Stream? _sheetStream;
    private OpenXmlWriter? _sheet;
    private int _rows;
    private bool _completed;

    private XlsxStreamWriter(Stream target, string sheetName, IReadOnlyList<XlsxColumn> columns)
    {
        _target = target;
        _columns = columns;
        _columnNames = Enumerable.Range(1, columns.Count).Select(XlsxWriter.ColumnName).ToArray();
        _zip = new ZipArchive(_spool, ZipArchiveMode.Create, leaveOpen: true);
        WritePart("[Content_Types].xml", ContentTypes);
        WritePart("_rels/.rels", RootRelationships);
        WritePart("xl/workbook.xml", WorkbookXml(sheetName));
        WritePart("xl/_rels/workbook.xml.rels", WorkbookRelationships);
        WritePart("xl/styles.xml", Styles().OuterXml);
        StartSheet();
    }

    /// <summary>数据行数（不含表头）。</summary>
    public int Rows => _rows;

    public static XlsxStreamWriter Create(Stream target, string sheetName, IReadOnlyList<XlsxColumn> columns) =>
        new(target, SheetName(sheetName), columns);

    /// <summary>写一行；值的类型应与列一致（文字列任何值都按文字写，null 为空单元格）。</summary>
    public void WriteRow(IReadOnlyList<object?> values)
    {
        var sheet = _sheet ?? throw new InvalidOperationException("completed");
        var rowNumber = (uint)(_rows + 2);
        var suffix = rowNumber.ToString(CultureInfo.InvariantCulture);
        sheet.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", suffix)]);
        for (var c = 0; c < _columns.Count && c < values.Count; c++)
        {
            if (values[c] is not { } value) continue;
            var reference = _columnNames[c] + suffix;
            switch (_columns[c].Kind, value)
            {
                case (XlsxCellKind.Number, IConvertible number) when value is not string:
                    WriteValue(sheet, reference, null, Convert.ToDouble(number, CultureInfo.InvariantCulture));
                    break;
                case (XlsxCellKind.DateTime, DateTime time):
                    WriteValue(sheet, reference, DateTimeStyle, (time - ExcelEpoch).TotalDays);
                    break;
                case (XlsxCellKind.Date, DateOnly date):
                    WriteValue(sheet, reference, DateStyle, (date.ToDateTime(TimeOnly.MinValue) - ExcelEpoch).TotalDays);
                    break;
                default:
                    WriteText(sheet, reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", null);
                    break;
            }
        }
        sheet.WriteEndElement();
        _rows++;
    }

    /// <summary>把已写好的字节送到目标流（每写几百行调用一次，内存因此保持平稳）。</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        if (_spool.Length == 0) return;
        await _spool.DrainToAsync(_target, ct);
    }

    /// <summary>结束工作表（自动筛选覆盖全部行）、写完 zip 目录并送出。</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_completed) return;
        _completed = true;
        var sheet = _sheet!;
        sheet.WriteEndElement(); // sheetData
        var lastColumn = _columnNames.Length == 0 ? "A" : _columnNames[^1];
        sheet.WriteElement(new AutoFilter { Reference = $"A1:{lastColumn}{_rows + 1}" });
        sheet.WriteEndElement(); // worksheet
        sheet.Close();
        _sheet = null;
        await _sheetStream!.DisposeAsync();
        _zip.Dispose();
        await DrainAsync(ct);
        await _target.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _sheet?.Dispose();
        if (_sheetStream is not null) await _sheetStream.DisposeAsync();
        _zip.Dispose();
        await _spool.DisposeAsync();
    }

    private void StartSheet()
    {
        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        var sheet = _sheet = OpenXmlWriter.Create(_sheetStream, Encoding.UTF8);
        sheet.WriteStartDocument(true);
        sheet.WriteStartElement(new Worksheet(), [], [new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]);
        sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = true, WorkbookViewId = 0U }));
        sheet.WriteElement(new SheetFormatProperties { DefaultRowHeight = 16.5 });
        var columns = new Columns();
        for (var i = 0; i < _columns.Count; i++)
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = _columns[i].Width, CustomWidth = true });
        sheet.WriteElement(columns);
        sheet.WriteStartElement(new SheetData());
        sheet.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
        for (var c = 0; c < _columns.Count; c++) WriteText(sheet, _columnNames[c] + "1", _columns[c].Header, HeaderStyle);
        sheet.WriteEndElement();
    }

    private static void WriteText(OpenXmlWriter sheet, string reference, string text, uint? style)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference), new("t", "", "inlineStr") };
        if (style is { } s) attributes.Add(new("s", "", s.ToString(CultureInfo.InvariantCulture)));
        else if (text.Contains('\n')) attributes.Add(new("s", "", WrapStyle.ToString(CultureInfo.InvariantCulture)));
        sheet.WriteStartElement(new Cell(), attributes);
        sheet.WriteStartElement(new InlineString());
        sheet.WriteElement(new CellText(XlsxText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    private static void WriteValue(OpenXmlWriter sheet, string reference, uint? style, double value)
    {
        var attributes = style is { } s
            ? new[] { new OpenXmlAttribute("r", "", reference), new OpenXmlAttribute("s", "", s.ToString(CultureInfo.InvariantCulture)) }
            : [new OpenXmlAttribute("r", "", reference)];
        sheet.WriteStartElement(new Cell(), attributes);
        sheet.WriteElement(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)));
        sheet.WriteEndElement();
    }

    /// <summary>工作表名最多 31 个字符，不能含 \ / ? * [ ] :。</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(ch => ch is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray());
        return cleaned.Length == 0 ? "Sheet1" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    private void WritePart(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(xml);
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
        "</Types>";

    private const string RootRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
        "</Relationships>";

    private const string WorkbookRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
        "</Relationships>";

    private static string WorkbookXml(string sheetName)
    {
        var workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = "rId1" }));
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + workbook.OuterXml;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy\"年\"m\"月\"d\"日\" hh:mm" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 164U, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>只写的缓冲流：zip 同步写入这里，再整块异步送到响应。对外不可定位，zip 因此用数据描述符而不回头改头部。</summary>
    private sealed class SpoolStream : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _position;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _buffer.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _buffer.Write(buffer, offset, count);
            _position += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _buffer.Write(buffer);
            _position += buffer.Length;
        }

        public async Task DrainToAsync(Stream target, CancellationToken ct)
        {
            await target.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
            _buffer.SetLength(0);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
