using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Herald.Web.Infrastructure.Spreadsheets;

public enum XlsxStyle
{
    Normal = 0,
    /// <summary>表头：加粗、浅灰底。</summary>
    Header = 1,
    /// <summary>示例与说明：灰色字。</summary>
    Muted = 2,
    /// <summary>长文本：自动换行。</summary>
    Wrap = 3,
    /// <summary>标题：加粗、较大。</summary>
    Title = 4,
}

public sealed record XlsxRowSpec(IReadOnlyList<string?> Cells, XlsxStyle Style = XlsxStyle.Normal);

/// <summary>
/// 下拉列表校验：Range 如 "C2:C2000"，Values 为可选值（合计不超过 255 个字符，Excel 的限制）。
/// Strict 为 false 时只给出下拉提示，允许输入其他值。
/// </summary>
public sealed record XlsxListValidation(string Range, IReadOnlyList<string> Values, string? Title = null, string? Message = null, bool Strict = true);

public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;
    public List<XlsxRowSpec> Rows { get; } = new();
    /// <summary>各列宽度（字符数）。</summary>
    public List<double> ColumnWidths { get; } = new();
    public List<XlsxListValidation> Validations { get; } = new();
    /// <summary>冻结前几行（表头滚动时不动）。</summary>
    public int FrozenRows { get; init; }

    public XlsxSheet Row(XlsxStyle style, params string?[] cells)
    {
        Rows.Add(new XlsxRowSpec(cells, style));
        return this;
    }
}

/// <summary>用 DocumentFormat.OpenXml 生成简单的 .xlsx：文字单元格、表头样式、列宽、冻结表头、下拉校验。</summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="sharedStrings">true 时像 Excel 一样用共享字符串表，否则用内联字符串。</param>
    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets, bool sharedStrings = true)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var stringList = new List<string>();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());

            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var worksheet = new Worksheet();
                if (sheet.FrozenRows > 0)
                {
                    var topLeft = "A" + (sheet.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
                    worksheet.Append(new SheetViews(new SheetView(
                        new Pane { VerticalSplit = sheet.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
                    { TabSelected = sheetId == 1, WorkbookViewId = 0U }));
                }
                if (sheet.ColumnWidths.Count > 0)
                {
                    var columns = new Columns();
                    for (var i = 0; i < sheet.ColumnWidths.Count; i++)
                        columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.ColumnWidths[i], CustomWidth = true });
                    worksheet.Append(columns);
                }

                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    var spec = sheet.Rows[r];
                    var rowNumber = (uint)(r + 1);
                    var row = new Row { RowIndex = rowNumber };
                    for (var c = 0; c < spec.Cells.Count; c++)
                    {
                        if (spec.Cells[c] is not { } raw) continue;
                        var value = XlsxText.Clean(raw);
                        var cell = new Cell { CellReference = ColumnName(c + 1) + rowNumber.ToString(CultureInfo.InvariantCulture), StyleIndex = (uint)spec.Style };
                        if (sharedStrings)
                        {
                            if (!strings.TryGetValue(value, out var index))
                            {
                                index = stringList.Count;
                                strings[value] = index;
                                stringList.Add(value);
                            }
                            cell.DataType = CellValues.SharedString;
                            cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new CellText(value) { Space = SpaceProcessingModeValues.Preserve });
                        }
                        row.Append(cell);
                    }
                    data.Append(row);
                }
                worksheet.Append(data);

                if (sheet.Validations.Count > 0)
                {
                    var validations = new DataValidations { Count = (uint)sheet.Validations.Count };
                    foreach (var v in sheet.Validations)
                    {
                        validations.Append(new DataValidation(new Formula1("\"" + string.Join(",", v.Values) + "\""))
                        {
                            Type = DataValidationValues.List,
                            AllowBlank = true,
                            ShowInputMessage = v.Message is not null,
                            ShowErrorMessage = v.Strict,
                            PromptTitle = v.Title,
                            Prompt = v.Message,
                            ErrorTitle = v.Title,
                            Error = v.Message,
                            SequenceOfReferences = new ListValue<StringValue> { InnerText = v.Range },
                        });
                    }
                    worksheet.Append(validations);
                }

                worksheetPart.Worksheet = worksheet;
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
            }

            if (sharedStrings)
            {
                var table = new SharedStringTable { Count = (uint)stringList.Count, UniqueCount = (uint)stringList.Count };
                foreach (var s in stringList) table.Append(new SharedStringItem(new CellText(s) { Space = SpaceProcessingModeValues.Preserve }));
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>1 → A，27 → AA。</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new FontSize { Val = 11 }, new Color { Rgb = "FF808080" }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 4 },
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
            new CellFormat { FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
            new CellFormat { FontId = 3, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
