using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Support;

/// <summary>
/// 下载的列表导出：检查响应（200、xlsx 类型、RFC 5987 中文文件名），用 Open XML SDK 打开并校验，读出各行。
/// 文字单元格取文字，数字取其值，日期单元格换算回日期时间（yyyy-MM-dd HH:mm）。
/// </summary>
public sealed record ExportedSheet(string FileName, byte[] Content, IReadOnlyList<IReadOnlyList<string>> Rows, string? FrozenTopLeft,
    IReadOnlyList<double> Widths)
{
    public IReadOnlyList<string> Header => Rows[0];

    public IReadOnlyList<IReadOnlyList<string>> Data => Rows.Skip(1).ToList();

    /// <summary>某一列（按表头）的全部数据值。</summary>
    public IReadOnlyList<string> Column(string header)
    {
        var index = Header.ToList().IndexOf(header);
        index.ShouldBeGreaterThanOrEqualTo(0, $"no column {header} in {string.Join("|", Header)}");
        return Data.Select(r => index < r.Count ? r[index] : "").ToList();
    }

    public static async Task<ExportedSheet> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldNotBeNull("the Chinese file name goes in filename* (RFC 5987)");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Read(disposition.FileNameStar!, bytes);
    }

    public static ExportedSheet Read(string fileName, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var rows = sheet.Descendants<Row>().Select(r => Cells(r, formats)).ToList();
        var pane = sheet.Descendants<Pane>().FirstOrDefault();
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        return new ExportedSheet(fileName, bytes, rows, pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null, widths);
    }

    /// <summary>LibreOffice Calc 能打开这个文件（转成 PDF）；没装 soffice 时见 <see cref="LibreOffice.Find"/>。</summary>
    public async Task ShouldOpenInCalcAsync(ITestOutputHelper output)
    {
        var soffice = LibreOffice.Find(output);
        if (soffice is null) return;
        var dir = Path.Combine(Path.GetTempPath(), "herald-export-lo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, FileName);
            await File.WriteAllBytesAsync(path, Content);
            await LibreOffice.ConvertToPdfAsync(soffice, dir, output, path);
            await LibreOffice.ShouldBePdfAsync(Path.ChangeExtension(path, ".pdf"));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }

    /// <summary>一行的单元格按列字母放到位置上（空单元格不写出，其位置为空字符串）。</summary>
    private static IReadOnlyList<string> Cells(Row row, IReadOnlyList<CellFormat> formats)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < index) cells.Add("");
            cells.Add(Text(cell, formats));
        }
        return cells;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return index - 1;
    }

    private static string Text(Cell cell, IReadOnlyList<CellFormat> formats)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        var raw = cell.CellValue?.Text ?? "";
        var format = cell.StyleIndex is { } s ? formats[(int)s.Value].NumberFormatId?.Value ?? 0 : 0;
        if (format >= 164 && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            var time = DateTime.FromOADate(serial);
            return time.TimeOfDay == TimeSpan.Zero && format == 165 ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }
        return raw;
    }
}
