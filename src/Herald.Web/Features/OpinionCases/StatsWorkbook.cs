using System.Globalization;
using Herald.Domain.Common;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;

namespace Herald.Web.Features.OpinionCases;

/// <summary>舆情统计导出为 Excel：概况、按等级、按单位、按时率、超时单位、舆情清单、约谈问责。</summary>
public static class StatsWorkbook
{
    public static byte[] Build(CaseStatsView s, Messages m)
    {
        string T(string key) => m[key];
        string Sev(OpinionSeverity v) => m["OpinionSeverity." + v];
        var period = $"{ChinaTime.FormatDate(s.From)}—{ChinaTime.FormatDate(s.To)}";

        var summary = new XlsxSheet(T("OpinionStats.Sheet.Summary")) { ColumnWidths = { 28, 24 } };
        summary.Row(XlsxStyle.Title, T("OpinionStats.Title") + (s.ScopeName.Length > 0 ? "（" + s.ScopeName + "）" : ""));
        summary.Row(XlsxStyle.Normal, T("OpinionStats.Period"), period);
        summary.Row(XlsxStyle.Normal, T("OpinionStats.Cases"), Num(s.Cases));
        summary.Row(XlsxStyle.Normal, T("OpinionStats.Closed"), Num(s.Closed));
        summary.Row(XlsxStyle.Normal, T("OpinionStats.MedianFirstResponse"), Minutes(s.MedianFirstResponseMinutes, m));

        var severity = new XlsxSheet(T("OpinionStats.Sheet.BySeverity")) { FrozenRows = 1, ColumnWidths = { 14, 12, 12, 20 } };
        severity.Row(XlsxStyle.Header, T("Field.Severity"), T("OpinionStats.Cases"), T("OpinionStats.Closed"), T("OpinionStats.MedianFirstResponse"));
        foreach (var r in s.BySeverity) severity.Row(XlsxStyle.Normal, Sev(r.Severity), Num(r.Cases), Num(r.Closed), Minutes(r.MedianFirstResponseMinutes, m));

        var units = new XlsxSheet(T("OpinionStats.Sheet.ByUnit")) { FrozenRows = 1, ColumnWidths = { 36, 10, 10, 14, 10 } };
        units.Row(XlsxStyle.Header, T("Field.Unit"), T("OpinionStats.Cases"), T("OpinionStats.Closed"), T("OpinionStats.LateDeadlines"), T("OpinionStats.Interviews"));
        foreach (var r in s.ByUnit) units.Row(XlsxStyle.Normal, r.Unit, Num(r.Cases), Num(r.Closed), Num(r.LateDeadlines), Num(r.Interviews));

        var onTime = new XlsxSheet(T("OpinionStats.Sheet.OnTime")) { FrozenRows = 1, ColumnWidths = { 12, 20, 12, 12, 12 } };
        onTime.Row(XlsxStyle.Header, T("Field.Severity"), T("Field.Kind"), T("OpinionStats.Decided"), T("OpinionStats.OnTime"), T("OpinionStats.OnTimeRate"));
        foreach (var r in s.OnTime)
            onTime.Row(XlsxStyle.Normal, Sev(r.Severity), m["OpinionDeadline." + r.Kind], Num(r.Decided), Num(r.OnTime), Percent(r.Rate));

        var late = new XlsxSheet(T("OpinionStats.Sheet.LateUnits")) { FrozenRows = 1, ColumnWidths = { 36, 14, 10, 10 } };
        late.Row(XlsxStyle.Header, T("Field.Unit"), T("OpinionStats.LateDeadlines"), T("OpinionStats.Cases"), T("OpinionStats.Interviews"));
        foreach (var r in s.LateUnits) late.Row(XlsxStyle.Normal, r.Unit, Num(r.LateDeadlines), Num(r.Cases), Num(r.Interviews));

        var list = new XlsxSheet(T("OpinionStats.Sheet.Cases")) { FrozenRows = 1, ColumnWidths = { 8, 36, 12, 10, 10, 30, 18, 18, 18, 10 } };
        list.Row(XlsxStyle.Header, T("OpinionStats.Number"), T("Field.Title"), T("Field.Category"), T("Field.Severity"), T("Field.Status"),
            T("OpinionCase.ResponsibleUnit"), T("OpinionCase.OpenedAt"), T("OpinionCase.FirstResponseAt"), T("OpinionCase.ClosedAt"),
            T("OpinionStats.LateDeadlines"));
        foreach (var r in s.Rows)
            list.Row(XlsxStyle.Normal, Num(r.Id), r.Title, r.Category, Sev(r.Severity), m["OpinionStatus." + r.Status], r.Unit ?? "",
                ChinaTime.FormatDateTime(r.OpenedAt), Time(r.FirstResponseAt), Time(r.ClosedAt), Num(r.LateDeadlines));

        var interviews = new XlsxSheet(T("OpinionStats.Sheet.Interviews")) { FrozenRows = 1, ColumnWidths = { 30, 30, 20, 18, 20, 40 } };
        interviews.Row(XlsxStyle.Header, T("OpinionStats.Case"), T("Field.Unit"), T("Field.Interviewee"), T("Field.InterviewedAt"), T("Field.Interviewer"),
            T("Field.Outcome"));
        foreach (var i in s.Interviews)
            interviews.Row(XlsxStyle.Wrap, i.CaseTitle, i.Unit, i.Interviewee, ChinaTime.FormatDateTime(i.InterviewedAt), i.Interviewer, i.Outcome);

        return XlsxWriter.Write([summary, severity, units, onTime, late, list, interviews]);
    }

    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>分钟数显示为"1 小时 5 分"之类；空为"—"。</summary>
    public static string Minutes(double? minutes, Messages m)
    {
        if (minutes is not { } value) return "—";
        var total = (int)Math.Round(value);
        return total >= 60
            ? string.Format(CultureInfo.CurrentCulture, m["OpinionClock.Hours"], total / 60, total % 60)
            : string.Format(CultureInfo.CurrentCulture, m["OpinionClock.Minutes"], total);
    }

    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Time(DateTime? utc) => utc is { } t ? ChinaTime.FormatDateTime(t) : "";
}
