using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>
/// 通报的 Excel 附表：单位排名、信息员排名、表扬（年终考核为先进单位、优秀信息员、好新闻奖）、通报批评、说明。
/// 数字是数字单元格（上稿率为百分比格式），表头加粗灰底、冻结、可筛选，打印时横向、每页重复表头。
/// 工作表用 OpenXmlWriter 流式写出（5000 个单位、8000 名信息员也很快）。
/// </summary>
public static class BulletinWorkbook
{
    public const string ContentType = XlsxWriter.ContentType;

    /// <summary>数字不带多余的零（库里的 10.00 写成 10）。</summary>
    private const string NumberFormat = "0.############";

    private enum Fmt : uint
    {
        Normal = 0,
        Header = 1,
        Number = 2,
        Percent = 3,
        Title = 4,
        Text = 5,
        WrapText = 6,
        Muted = 7,
    }

    /// <summary>一个单元格的值：文字或数字。</summary>
    private readonly record struct CellData(string? Text, decimal? Number, Fmt Format)
    {
        public static CellData Of(string text) => new(text, null, Fmt.Text);
        public static CellData Wrap(string text) => new(text, null, Fmt.WrapText);
        public static CellData Of(int number) => new(null, number, Fmt.Number);
        public static CellData Of(decimal number) => new(null, number, Fmt.Number);
        public static CellData Rate(decimal rate) => new(null, rate, Fmt.Percent);
    }

    private sealed record SheetSpec(string Name, string[] Headers, double[] Widths, IEnumerable<CellData[]> Rows, bool Filter = true, bool Landscape = true);

    public static byte[] Write(BulletinFigures f)
    {
        var sheets = new List<SheetSpec> { UnitSheet(f), PeopleSheet(f) };
        if (f.IsAnnual) sheets.AddRange([AdvancedUnitsSheet(f), ExcellentPeopleSheet(f), GoodNewsSheet(f)]);
        else sheets.Add(PraiseSheet(f));
        sheets.Add(CriticismSheet(f));
        sheets.Add(NotesSheet(f));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = f.Title;
            document.PackageProperties.Creator = f.IssuingOffice;
            document.PackageProperties.Created = f.PublishedAt ?? f.GeneratedAt;

            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheetList = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var spec = sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var rowCount = WriteSheet(part, spec, f, i == 0);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = spec.Name });
                var lastColumn = XlsxWriter.ColumnName(spec.Headers.Length);
                var quoted = "'" + spec.Name + "'";
                if (spec.Filter)
                    names.Append(new DefinedName($"{quoted}!$A$2:${lastColumn}${Math.Max(2, rowCount + 2)}")
                        { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
                names.Append(new DefinedName($"{quoted}!$1:$2") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }
            workbookPart.Workbook = new Workbook(sheetList, names);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    // ---- Sheets --------------------------------------------------------------------------------------------------

    private static SheetSpec UnitSheet(BulletinFigures f) => new("单位排名",
        ["名次", "单位", "单位路径", "报送", "审定", "发布", "采用", "中央", "省级", "市级", "县级", "内部", "批示", "上稿率", "积分", "任务完成", "漏报", "迟报"],
        [6, 26, 40, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 9, 9, 9, 7, 7],
        f.Units.Select(r => new[]
        {
            CellData.Of(r.Rank), CellData.Of(r.UnitName), CellData.Of(r.UnitPath), CellData.Of(r.Submitted), CellData.Of(r.Approved), CellData.Of(r.Published),
            CellData.Of(r.Adopted), CellData.Of(r.Central), CellData.Of(r.Provincial), CellData.Of(r.Municipal), CellData.Of(r.County), CellData.Of(r.Internal),
            CellData.Of(r.Instructions), CellData.Rate(r.AdoptionRate), CellData.Of(r.Points), CellData.Of(BulletinWording.Quota(r.QuotaMet)),
            CellData.Of(r.Missed), CellData.Of(r.Late),
        }));

    private static SheetSpec PeopleSheet(BulletinFigures f) => new("信息员排名",
        ["名次", "姓名", "单位", "报送", "审定", "采用", "上稿率", "积分", "迟报"],
        [6, 12, 30, 7, 7, 7, 9, 9, 7],
        f.Correspondents.Select(p => new[]
        {
            CellData.Of(p.Rank), CellData.Of(p.Name), CellData.Of(p.UnitName), CellData.Of(p.Submitted), CellData.Of(p.Approved), CellData.Of(p.Adopted),
            CellData.Rate(p.AdoptionRate), CellData.Of(p.Points), CellData.Of(p.Late),
        }));

    private static SheetSpec PraiseSheet(BulletinFigures f) => new("表扬",
        ["类别", "名次", "名称", "所在单位", "采用", "积分"],
        [10, 6, 26, 30, 7, 9],
        f.PraisedUnits.Select(u => new[]
            {
                CellData.Of("单位"), CellData.Of(u.Rank), CellData.Of(u.UnitName), CellData.Of(u.UnitPath), CellData.Of(u.Adopted), CellData.Of(u.Points),
            })
            .Concat(f.PraisedCorrespondents.Select(p => new[]
            {
                CellData.Of("信息员"), CellData.Of(p.Rank), CellData.Of(p.Name), CellData.Of(p.UnitName), CellData.Of(p.Adopted), CellData.Of(p.Points),
            })),
        Filter: false, Landscape: false);

    private static SheetSpec AdvancedUnitsSheet(BulletinFigures f) => new("先进单位",
        ["名次", "单位", "单位路径", "报送", "采用", "上稿率", "积分"],
        [6, 26, 40, 7, 7, 9, 9],
        f.PraisedUnits.Select(u => new[]
        {
            CellData.Of(u.Rank), CellData.Of(u.UnitName), CellData.Of(u.UnitPath), CellData.Of(u.Submitted), CellData.Of(u.Adopted),
            CellData.Rate(u.AdoptionRate), CellData.Of(u.Points),
        }),
        Filter: false);

    private static SheetSpec ExcellentPeopleSheet(BulletinFigures f) => new("优秀信息员",
        ["名次", "姓名", "单位", "报送", "采用", "积分"],
        [6, 12, 30, 7, 7, 9],
        f.PraisedCorrespondents.Select(p => new[]
        {
            CellData.Of(p.Rank), CellData.Of(p.Name), CellData.Of(p.UnitName), CellData.Of(p.Submitted), CellData.Of(p.Adopted), CellData.Of(p.Points),
        }),
        Filter: false, Landscape: false);

    private static SheetSpec GoodNewsSheet(BulletinFigures f) => new("好新闻奖",
        BulletinWording.GoodNewsHeaders,
        [6, 44, 24, 24, 16, 8],
        f.GoodNews.Select(g => new[]
        {
            CellData.Of(g.Rank), CellData.Wrap(g.Title), CellData.Of(g.UnitName), CellData.Of(g.Outlet), CellData.Of(ChinaTime.FormatDate(g.AdoptedOn)),
            CellData.Of(g.Points),
        }),
        Filter: false);

    private static SheetSpec CriticismSheet(BulletinFigures f)
    {
        var units = f.Units.ToDictionary(u => u.UnitId);
        return new SheetSpec("通报批评",
            ["单位", "单位路径", "报送", "采用", "漏报", "原因"],
            [26, 40, 7, 7, 7, 40],
            f.Criticized.Select(c =>
            {
                var row = units.GetValueOrDefault(c.UnitId);
                return new[]
                {
                    CellData.Of(c.UnitName), CellData.Of(c.UnitPath), CellData.Of(row?.Submitted ?? 0), CellData.Of(row?.Adopted ?? 0), CellData.Of(c.Missed),
                    CellData.Wrap(BulletinWording.CriticismReason(c)),
                };
            }));
    }

    private static SheetSpec NotesSheet(BulletinFigures f)
    {
        var rows = new List<CellData[]>
        {
            Note("标题", f.Title),
            Note("类型", f.IsAnnual ? "年终考核" : "季度通报"),
            Note("状态", BulletinWording.Status(f)),
            Note("统计时期", BulletinWording.DateRange(f.From, f.To)),
            Note("统计范围", (f.RootName.Length > 0 ? f.RootName : "—") + $"（{BulletinWording.Count(f.Totals.Units)}个单位）"),
            Note("发文机关", f.IssuingOffice),
            Note("成文日期", ChinaTime.FormatDate(f.IssueDate)),
        };
        for (var i = 0; i < f.Rules.Count; i++)
        {
            var rule = f.Rules[i];
            rows.Add(Note(i == 0 ? "计分规则" : "",
                $"第{BulletinWording.Count((int)rule.Id)}版，自{ChinaTime.FormatDate(rule.EffectiveFrom)}起生效：{rule.Summary}"));
        }
        rows.Add(Note("生成时间", ChinaTime.FormatDateTime(f.GeneratedAt)));
        rows.Add(Note("发布时间", f.PublishedAt is { } published ? ChinaTime.FormatDateTime(published) : "未发布"));
        rows.Add(Note("统计口径",
            "报送、审定按首次报送、审定的日期计入时期；采用为时期内有已核实媒体采用的稿件篇数，中央、省级、市级、县级、内部为各级媒体采用的篇次；" +
            "上稿率 = 采用篇数 ÷ 报送篇数；积分按用稿当日有效的计分规则计算，含漏报、迟报扣分和积分上限削减；信息员积分不含单位层面的扣分。"));
        return new SheetSpec("说明", ["项目", "内容"], [14, 100], rows, Filter: false, Landscape: false);

        static CellData[] Note(string label, string text) => [CellData.Of(label), CellData.Wrap(text)];
    }

    // ---- Writing -------------------------------------------------------------------------------------------------

    /// <summary>第 1 行标题，第 2 行表头，数据从第 3 行起。返回数据行数。</summary>
    private static int WriteSheet(WorksheetPart part, SheetSpec spec, BulletinFigures f, bool selected)
    {
        var lastColumn = XlsxWriter.ColumnName(spec.Headers.Length);
        var count = 0;
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } })
            { TabSelected = selected, WorkbookViewId = 0U }));
        var columns = new Columns();
        for (var i = 0; i < spec.Widths.Length; i++)
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = spec.Widths[i], CustomWidth = true });
        w.WriteElement(columns);

        w.WriteStartElement(new SheetData());
        w.WriteElement(new Row(TextCell("A1", f.Title + " · " + spec.Name, Fmt.Title)) { RowIndex = 1U, Height = 24, CustomHeight = true });
        var header = new Row { RowIndex = 2U };
        for (var c = 0; c < spec.Headers.Length; c++)
            header.Append(TextCell(XlsxWriter.ColumnName(c + 1) + "2", spec.Headers[c], Fmt.Header));
        w.WriteElement(header);
        var letters = Enumerable.Range(1, spec.Headers.Length).Select(XlsxWriter.ColumnName).ToArray();
        foreach (var values in spec.Rows)
        {
            var rowNumber = (uint)(count + 3);
            var suffix = rowNumber.ToString(CultureInfo.InvariantCulture);
            var row = new Row { RowIndex = rowNumber };
            for (var c = 0; c < values.Length; c++)
            {
                var v = values[c];
                var reference = letters[c] + suffix;
                row.Append(v.Number is { } number
                    ? new Cell(new CellValue(number.ToString(NumberFormat, CultureInfo.InvariantCulture))) { CellReference = reference, StyleIndex = (uint)v.Format }
                    : TextCell(reference, v.Text ?? "", v.Format));
            }
            w.WriteElement(row);
            count++;
        }
        w.WriteEndElement();

        if (spec.Filter) w.WriteElement(new AutoFilter { Reference = $"A2:{lastColumn}{Math.Max(2, count + 2).ToString(CultureInfo.InvariantCulture)}" });
        w.WriteElement(new MergeCells(new MergeCell { Reference = $"A1:{lastColumn}1" }) { Count = 1U });
        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup
        {
            PaperSize = 9U,
            Orientation = spec.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1U,
            FitToHeight = 0U,
        });
        var headerFooter = new HeaderFooter();
        if (f.Draft) headerFooter.Append(new OddHeader("&C&\"黑体,常规\"&12" + BulletinWording.DraftMark + " · 数字随数据变化，以正式发布的版本为准"));
        headerFooter.Append(new OddFooter("&C第 &P 页，共 &N 页"));
        w.WriteElement(headerFooter);
        w.WriteEndElement();
        return count;
    }

    private static Cell TextCell(string reference, string text, Fmt style) => new(new InlineString(new CellText(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = (uint)style,
    };

    private static Stylesheet Stylesheet()
    {
        const string font = "宋体";
        static Border Thin() => new(
            new LeftBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64U }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static CellFormat Format(uint fontId, uint fillId, uint borderId, uint numberFormat = 0, Alignment? alignment = null)
        {
            var format = new CellFormat
            {
                FontId = fontId,
                FillId = fillId,
                BorderId = borderId,
                NumberFormatId = numberFormat,
                FormatId = 0U,
                ApplyFont = fontId != 0,
                ApplyFill = fillId != 0,
                ApplyBorder = borderId != 0,
                ApplyNumberFormat = numberFormat != 0,
            };
            if (alignment is not null)
            {
                format.Append(alignment);
                format.ApplyAlignment = true;
            }
            return format;
        }

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = font }, new FontCharSet { Val = 134 }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = font }, new FontCharSet { Val = 134 }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = font }, new FontCharSet { Val = 134 }),
                new Font(new FontSize { Val = 11 }, new Color { Rgb = "FF808080" }, new FontName { Val = font }, new FontCharSet { Val = 134 }))
            { Count = 4U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin())
            { Count = 2U },
            new CellStyleFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                Format(0, 0, 0),
                Format(1, 2, 1, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
                Format(0, 0, 1, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }),
                Format(0, 0, 1, 10, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }),
                Format(2, 0, 0, 0, new Alignment { Vertical = VerticalAlignmentValues.Center }),
                Format(0, 0, 1, 0, new Alignment { Vertical = VerticalAlignmentValues.Center }),
                Format(0, 0, 1, 0, new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }),
                Format(3, 0, 0))
            { Count = 8U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
