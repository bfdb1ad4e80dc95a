using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Herald.Domain.Common;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 舆情报告（周报、月报）Word 文档，公文格式：标题方正小标宋简体二号居中，正文仿宋_GB2312 三号，一级标题黑体，
/// 页边距上 3.7 厘米、下 3.5、左 2.8、右 2.6。内容：总体情况、重点舆情、时限执行、超时与约谈问责、经验教训。
/// </summary>
public static class OpinionReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";

    public static byte[] Build(CaseStatsView s, bool weekly, Messages m, DateOnly issuedOn)
    {
        string F(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, m[key], args);
        string Sev(OpinionSeverity v) => m["OpinionSeverity." + v];
        int Count(OpinionSeverity v) => s.BySeverity.FirstOrDefault(x => x.Severity == v)?.Cases ?? 0;

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var title = weekly ? F("OpinionReport.WeeklyTitle", s.ScopeName) : F("OpinionReport.MonthlyTitle", s.ScopeName, s.From.Year, s.From.Month);
            body.Append(Paragraph(title, TitleFont, 44, JustificationValues.Center, bold: false));
            body.Append(Paragraph(F("OpinionReport.PeriodLine", ChinaTime.FormatDate(s.From), ChinaTime.FormatDate(s.To)), BodyFont, 32,
                JustificationValues.Center));

            body.Append(Heading(m["OpinionReport.Section.Overall"]));
            body.Append(BodyText(F("OpinionReport.Overall", s.Cases, Count(OpinionSeverity.Critical), Count(OpinionSeverity.Major),
                Count(OpinionSeverity.Significant), Count(OpinionSeverity.General), s.Closed, StatsWorkbook.Minutes(s.MedianFirstResponseMinutes, m))));
            body.Append(SeverityTable(s, m));

            body.Append(Heading(m["OpinionReport.Section.Major"]));
            var major = s.Rows.Where(r => r.Severity.IsMajor()).ToList();
            if (major.Count == 0) body.Append(BodyText(m["OpinionReport.NoMajor"]));
            for (var i = 0; i < major.Count; i++)
            {
                var r = major[i];
                body.Append(BodyText(F("OpinionReport.MajorItem", i + 1, r.Title, Sev(r.Severity), m["OpinionStatus." + r.Status],
                    r.Unit ?? m["OpinionCase.NotAssignedYet"])));
            }

            body.Append(Heading(m["OpinionReport.Section.OnTime"]));
            if (s.OnTime.Count == 0) body.Append(BodyText(m["OpinionReport.NoDecided"]));
            foreach (var r in s.OnTime)
                body.Append(BodyText(F("OpinionReport.OnTimeLine", Sev(r.Severity), m["OpinionDeadline." + r.Kind], r.Decided, r.OnTime,
                    StatsWorkbook.Percent(r.Rate))));

            body.Append(Heading(m["OpinionReport.Section.Late"]));
            if (s.LateUnits.Count == 0) body.Append(BodyText(m["OpinionReport.NoLate"]));
            foreach (var u in s.LateUnits) body.Append(BodyText(F("OpinionReport.LateUnitLine", u.Unit, u.LateDeadlines, u.Cases, u.Interviews)));
            foreach (var i in s.Interviews)
                body.Append(BodyText(F("OpinionReport.InterviewLine", ChinaTime.FormatDateTime(i.InterviewedAt), i.Interviewer, i.Interviewee, i.Outcome)));

            body.Append(Heading(m["OpinionReport.Section.Lessons"]));
            var lessons = s.Rows.Where(r => !string.IsNullOrEmpty(r.Lessons)).ToList();
            if (lessons.Count == 0) body.Append(BodyText(m["OpinionReport.NoLessons"]));
            foreach (var r in lessons) body.Append(BodyText(F("OpinionReport.LessonLine", r.Title, r.Lessons)));

            body.Append(Paragraph(m["OpinionReport.Issuer"], BodyFont, 32, JustificationValues.Right));
            body.Append(Paragraph(ChinaTime.FormatDate(issuedOn), BodyFont, 32, JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table SeverityTable(CaseStatsView s, Messages m)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4U }, new LeftBorder { Val = BorderValues.Single, Size = 4U },
                new BottomBorder { Val = BorderValues.Single, Size = 4U }, new RightBorder { Val = BorderValues.Single, Size = 4U },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U })));
        // 四列等宽（A4 版心约 8850 缇）。
        table.Append(new TableGrid(Enumerable.Range(0, 4).Select(_ => new GridColumn { Width = "2212" })));
        table.Append(Row([m["Field.Severity"], m["OpinionStats.Cases"], m["OpinionStats.Closed"], m["OpinionStats.MedianFirstResponse"]], bold: true));
        foreach (var r in s.BySeverity)
            table.Append(Row([m["OpinionSeverity." + r.Severity], StatsWorkbook.Num(r.Cases), StatsWorkbook.Num(r.Closed),
                StatsWorkbook.Minutes(r.MedianFirstResponseMinutes, m)], bold: false));
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Paragraph(c, BodyFont, 28, JustificationValues.Center, bold))));

    private static Paragraph Heading(string text) => Paragraph(text, HeadingFont, 32, JustificationValues.Left, indent: true);

    private static Paragraph BodyText(string text) => Paragraph(text, BodyFont, 32, JustificationValues.Both, indent: true);

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues justification, bool bold = false, bool indent = false)
    {
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold) runProperties.Append(new Bold());
        runProperties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        // 子元素顺序由架构规定：行距、缩进、对齐。
        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent) paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        paragraphProperties.Append(new Justification { Val = justification });
        return new Paragraph(paragraphProperties, new Run(runProperties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
