using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Tests.Organization;

/// <summary>测试用的导入文件：按模板的表头写两张表，以及各种坏文件。</summary>
internal static class ImportFiles
{
    public static readonly string[] UnitHeader = ["单位名称", "上级单位", "单位类型"];
    public static readonly string[] UserHeader = ["用户名", "姓名", "所属单位", "角色", "角色所在单位", "手机", "邮箱"];

    public static byte[] Workbook(IEnumerable<string?[]>? units = null, IEnumerable<string?[]>? users = null, bool sharedStrings = true)
    {
        var sheets = new List<XlsxSheet>();
        if (units is not null)
        {
            var sheet = new XlsxSheet("单位").Row(XlsxStyle.Header, UnitHeader);
            foreach (var row in units) sheet.Row(XlsxStyle.Normal, row);
            sheets.Add(sheet);
        }
        if (users is not null)
        {
            var sheet = new XlsxSheet("账号").Row(XlsxStyle.Header, UserHeader);
            foreach (var row in users) sheet.Row(XlsxStyle.Normal, row);
            sheets.Add(sheet);
        }
        return XlsxWriter.Write(sheets, sharedStrings);
    }

    /// <summary>把某张表某个单元格改成数字（Excel 常把手机号存成数字）。</summary>
    public static byte[] WithNumber(byte[] workbook, string sheetName, string cellReference, string number)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var cell = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == cellReference);
            cell.DataType = null;
            cell.InlineString = null;
            cell.CellValue = new CellValue(number);
            part.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>旧版 .xls 的 OLE2 文件头。</summary>
    public static byte[] Ole2() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]];

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName = "导入.xlsx") =>
        new() { { new ByteArrayContent(content), "file", fileName } };
}
