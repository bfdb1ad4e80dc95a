using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Browser.Tests.Support;

/// <summary>用 Open XML SDK 打开下载的 Word/Excel 文件，取出文字供断言（打不开即测试失败）。</summary>
public static class OfficeFiles
{
    /// <summary>Word 正文的各段文字（一段中分成多个 run 的文字连起来）。</summary>
    public static IReadOnlyList<string> DocxParagraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("the .docx has no body");
        return body.Descendants<W.Paragraph>()
            .Select(p => string.Concat(p.Descendants<W.Text>().Select(t => t.Text)))
            .Where(text => text.Length > 0)
            .ToList();
    }

    /// <summary>Word 中各表格的各行，每行为各单元格的文字。</summary>
    public static IReadOnlyList<IReadOnlyList<string>> DocxTableRows(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("the .docx has no body");
        return body.Descendants<W.TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<W.TableCell>().Select(c => string.Concat(c.Descendants<W.Text>().Select(t => t.Text))).ToList())
            .ToList();
    }

    /// <summary>Excel 各工作表的名称与其中全部单元格文字（内联字符串与共享字符串）。</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> XlsxSheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the .xlsx has no workbook");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var texts = new List<string>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                if (cell.DataType?.Value == CellValues.InlineString) texts.Add(cell.InlineString?.InnerText ?? "");
                else if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index)) texts.Add(shared[index]);
                else if (cell.CellValue is { } value) texts.Add(value.Text);
            }
            result[sheet.Name!.Value!] = texts;
        }
        return result;
    }
}
