using System.Globalization;
using System.IO.Compression;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Herald.Web.Infrastructure.Files;

namespace Herald.Web.Infrastructure.Spreadsheets;

public enum XlsxProblem
{
    /// <summary>不是 .xlsx（也不是旧版 .xls）。</summary>
    NotXlsx,
    /// <summary>旧版 .xls（OLE2 复合文档），须另存为 .xlsx。</summary>
    Legacy,
    /// <summary>是 zip，但不是能读的工作簿：损坏、缺部件、超出解压上限。</summary>
    Malformed,
    /// <summary>某个工作表超过行数上限。</summary>
    TooManyRows,
}

public sealed class XlsxException(XlsxProblem problem, string? sheet = null, Exception? inner = null)
    : Exception(problem.ToString(), inner)
{
    public XlsxProblem Problem { get; } = problem;
    public string? Sheet { get; } = sheet;
}

/// <summary>解压与行数上限：防压缩炸弹，也防一次导入过大的表。</summary>
public sealed record XlsxLimits(long MaxUncompressedBytes, int MaxEntries, int MaxCompressionRatio, int MaxRows);

/// <summary>一行：行号（从 1 起，与 Excel 一致）和各列的文字（列从 1 起）。</summary>
public sealed record XlsxRow(int Number, IReadOnlyDictionary<int, string> Cells)
{
    public string Get(int column) => Cells.TryGetValue(column, out var value) ? value : "";

    public bool IsBlank => Cells.Values.All(string.IsNullOrWhiteSpace);
}

public sealed record XlsxSheetData(string Name, IReadOnlyList<XlsxRow> Rows);

/// <summary>
/// 按内容读取 .xlsx 的全部工作表为文字：共享字符串、内联字符串、数字、公式的文字结果。
/// 先按文件头和 zip 目录判断类型与大小，再交给 OpenXml（流式读取，不整表载入）。
/// </summary>
public static class XlsxReader
{
    private const long RatioCheckAbove = 1024 * 1024;

    public static IReadOnlyList<XlsxSheetData> Read(byte[] content, XlsxLimits limits)
    {
        switch (ContentSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ContentSniffer.HeaderLength))))
        {
            case SniffedType.Zip:
                break;
            case SniffedType.Ole2:
                throw new XlsxException(XlsxProblem.Legacy);
            default:
                throw new XlsxException(XlsxProblem.NotXlsx);
        }
        CheckZip(content, limits);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbookPart = document.WorkbookPart ?? throw new XlsxException(XlsxProblem.Malformed);
            var strings = ReadSharedStrings(workbookPart.SharedStringTablePart);
            var result = new List<XlsxSheetData>();
            foreach (var sheet in workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part) continue;
                var name = sheet.Name?.Value ?? "";
                result.Add(new XlsxSheetData(name, ReadRows(part, strings, name, limits.MaxRows)));
            }
            return result;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException
                                       or IOException or InvalidOperationException or NotSupportedException or ArgumentException
                                       or KeyNotFoundException or FormatException)
        {
            // 损坏或伪造的文件，以上是 OpenXml 与 System.IO.Packaging 对坏输入的全部反应。
            throw new XlsxException(XlsxProblem.Malformed, inner: ex);
        }
    }

    private static void CheckZip(byte[] content, XlsxLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries) throw new XlsxException(XlsxProblem.Malformed);
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes) throw new XlsxException(XlsxProblem.Malformed);
                if (entry.Length > RatioCheckAbove && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                    throw new XlsxException(XlsxProblem.Malformed);
                if (string.Equals(entry.FullName, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
            }
            // Word、PowerPoint 和其他 zip 没有工作簿：不是 Excel 文件。
            if (!hasWorkbook) throw new XlsxException(XlsxProblem.NotXlsx);
        }
        catch (InvalidDataException ex)
        {
            throw new XlsxException(XlsxProblem.Malformed, inner: ex);
        }
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                list.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
        }
        return list;
    }

    private static List<XlsxRow> ReadRows(WorksheetPart part, List<string> strings, string sheetName, int maxRows)
    {
        var rows = new List<XlsxRow>();
        using var reader = OpenXmlReader.Create(part);
        var previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // 行号和单元格位置可以省略（规范允许），省略时按顺序推算。
            var number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
            previous = number;
            var cells = new Dictionary<int, string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = ColumnOf(cell.CellReference?.Value) ?? column + 1;
                var text = ValueOf(cell, strings);
                if (!string.IsNullOrEmpty(text)) cells[column] = text;
            }
            if (cells.Count == 0) continue;
            if (rows.Count >= maxRows) throw new XlsxException(XlsxProblem.TooManyRows, sheetName);
            rows.Add(new XlsxRow(number, cells));
        }
        return rows;
    }

    private static string ValueOf(Cell cell, List<string> strings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? TextOf(inline) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                ? strings[index]
                : throw new XlsxException(XlsxProblem.Malformed);
        }
        if (type == CellValues.Error) return "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type is null || type == CellValues.Number)
        {
            // 手机号常被 Excel 存成数字，也可能写成 1.3805370101E+10。
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == Math.Floor(number) && Math.Abs(number) < 1e15)
                return number.ToString("0", CultureInfo.InvariantCulture);
        }
        return raw;
    }

    /// <summary>富文本取各段文字；不取拼音注音（rPh）。</summary>
    private static string TextOf(OpenXmlCompositeElement item)
    {
        var direct = item.GetFirstChild<CellText>();
        if (direct is not null) return direct.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }

    /// <summary>"AB12" → 28。</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z') column = column * 26 + (c - 'a' + 1);
            else break;
        }
        return column == 0 ? null : column;
    }
}
