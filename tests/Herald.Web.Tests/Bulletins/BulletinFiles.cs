using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Tests.Bulletins;

/// <summary>读取生成的 Word、Excel：校验（OpenXmlValidator 零错误）、取段落文字、页眉页脚、工作表。</summary>
public static class BulletinFiles
{
    public static void ShouldBeValidDocx(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    public static void ShouldBeValidXlsx(byte[] content)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(content), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    /// <summary>正文各段（含表格单元格中的段落）的文字。</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    public static string Text(byte[] docx) => string.Join("\n", Paragraphs(docx));

    public static string HeaderText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.HeaderParts.Select(h => h.Header.InnerText));
    }

    public static string FooterXml(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.FooterParts.Select(f => f.Footer.OuterXml));
    }

    /// <summary>排名表（第一个表）的各行文字，第 0 行为表头。</summary>
    public static IReadOnlyList<string[]> RankingRows(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        return table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
    }

    public static IReadOnlyList<XlsxSheetData> Sheets(byte[] xlsx) =>
        XlsxReader.Read(xlsx, new XlsxLimits(200 * 1024 * 1024, 1000, 1000, 100_000));

    public static XlsxSheetData Sheet(byte[] xlsx, string name) => Sheets(xlsx).Single(s => s.Name == name);

    /// <summary>某工作表中第 column 列等于 key 的行。</summary>
    public static XlsxRow RowWhere(XlsxSheetData sheet, int column, string key) => sheet.Rows.Single(r => r.Get(column) == key);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
