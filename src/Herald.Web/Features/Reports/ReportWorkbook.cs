using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Domain.Common;
using Herald.Web.Features.Scoring;
using Microsoft.Extensions.Localization;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 报表导出为 .xlsx（DocumentFormat.OpenXml）：两张工作表"单位""信息员"，标题行、表头、数字单元格（可在 Excel 中求和、排序），
/// 上稿率为百分数格式。
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint Normal = 0, Header = 1, Percent = 2, Title = 3, Decimal = 4;

    public static byte[] Build(PeriodReport report, IReadOnlyList<UnitReportRow> units, IReadOnlyList<CorrespondentReportRow> people,
        IStringLocalizer L)
    {
        var period = ChinaTime.FormatDate(report.From) + "—" + ChinaTime.FormatDate(report.To);
        var scope = string.IsNullOrEmpty(report.RootName) ? "" : report.RootName + " ";
        var levels = ScoringCodes.Levels.Select(l => (string)L[ScoringCodes.LevelKey(l)]).ToArray();

        var unitSheet = new List<object?[]>
        {
            new object?[] { scope + L["Reports.UnitsTitle"] + "（" + period + "）" },
            new object?[] { L["Reports.Col.Rank"], L["Reports.Col.Unit"], L["Reports.Col.Submitted"], L["Reports.Col.Approved"], L["Reports.Col.Published"],
                L["Reports.Col.Adopted"] }.Concat(levels).Concat(new object?[] { L["Reports.Col.Instructions"], L["Reports.Col.Rate"], L["Reports.Col.Points"],
                L["Reports.Col.Quota"], L["Reports.Col.Late"], L["Reports.Col.Missed"] }).ToArray(),
        };
        foreach (var r in units)
        {
            unitSheet.Add(new object?[] { r.Rank, r.UnitPath, r.Submitted, r.Approved, r.Published, r.Adopted }
                .Concat(ScoringCodes.Levels.Select(l => (object?)ReportTotals.AdoptedAt(r, l)))
                .Concat(new object?[] { r.Instructions, new Ratio(r.AdoptionRate), r.Points,
                    r.QuotaMet switch { true => L["Reports.QuotaMet"].Value, false => L["Reports.QuotaNotMet"].Value, null => "—" }, r.Late, r.Missed })
                .ToArray());
        }

        var peopleSheet = new List<object?[]>
        {
            new object?[] { scope + L["Reports.PeopleTitle"] + "（" + period + "）" },
            new object?[] { L["Reports.Col.Rank"], L["Reports.Col.Name"], L["Reports.Col.Unit"], L["Reports.Col.Submitted"], L["Reports.Col.Approved"],
                L["Reports.Col.Published"], L["Reports.Col.Adopted"] }.Concat(levels).Concat(new object?[] { L["Reports.Col.Instructions"],
                L["Reports.Col.Rate"], L["Reports.Col.Points"], L["Reports.Col.Late"] }).ToArray(),
        };
        foreach (var r in people)
        {
            peopleSheet.Add(new object?[] { r.Rank, r.DisplayName, r.UnitName, r.Submitted, r.Approved, r.Published, r.Adopted }
                .Concat(ScoringCodes.Levels.Select(l => (object?)ReportTotals.AdoptedAt(r, l)))
                .Concat(new object?[] { r.Instructions, new Ratio(r.AdoptionRate), r.Points, r.Late })
                .ToArray());
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            AddSheet(workbookPart, sheets, 1, L["Reports.Tab.Units"], unitSheet, [6, 36, 8, 8, 8, 8, 7, 7, 7, 7, 7, 8, 9, 9, 10, 8, 8]);
            AddSheet(workbookPart, sheets, 2, L["Reports.Tab.People"], peopleSheet, [6, 12, 30, 8, 8, 8, 8, 7, 7, 7, 7, 7, 8, 9, 9, 8]);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>0–1 的比率，写成百分数格式的数字。</summary>
    private sealed record Ratio(decimal Value);

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, List<object?[]> rows, double[] widths)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
        { TabSelected = id == 1, WorkbookViewId = 0U }));
        var columns = new Columns();
        for (var i = 0; i < widths.Length; i++)
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        worksheet.Append(columns);
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowNumber = (uint)(r + 1);
            var row = new Row { RowIndex = rowNumber };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = CellFor(rows[r][c], r == 0 ? Title : r == 1 ? Header : Normal);
                if (cell is null) continue;
                cell.CellReference = ColumnName(c + 1) + rowNumber.ToString(CultureInfo.InvariantCulture);
                row.Append(cell);
            }
            data.Append(row);
        }
        worksheet.Append(data);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell? CellFor(object? value, uint style) => value switch
    {
        null => null,
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i), StyleIndex = style },
        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Plain(d)), StyleIndex = d == decimal.Truncate(d) ? style : Decimal },
        Ratio p => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Plain(p.Value)), StyleIndex = Percent },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new CellText(value.ToString() ?? "") { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        },
    };

    /// <summary>数字的文字形式，不带多余的零（46.50 → 46.5）。</summary>
    private static string Plain(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "0.0%" }, new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.##" }) { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>导出文件名：统计报表-2026年10月1日至2026年12月31日.xlsx。</summary>
    public static string FileName(PeriodReport report) =>
        $"统计报表-{ChinaTime.FormatDate(report.From)}至{ChinaTime.FormatDate(report.To)}.xlsx";
}
