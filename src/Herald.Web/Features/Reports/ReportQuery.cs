using System.Globalization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Reports;

/// <summary>
/// 报表页的查询串：时期（period = month/quarter/year/custom 及 year、month、quarter 或 from、to）、单位子树、
/// 标签页（tab = units/people）、排序（sort、desc）和筛选（filter）。
/// </summary>
public sealed class ReportQuery
{
    public string? Period { get; set; }
    public int? Year { get; set; }
    public int? Month { get; set; }
    public int? Quarter { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public long? RootUnitId { get; set; }
    public string? Tab { get; set; }
    public string? Sort { get; set; }
    public bool? Desc { get; set; }
    public string? Filter { get; set; }

    public bool IsDesc => Desc == true;

    public bool PeopleTab => string.Equals(Tab, "people", StringComparison.OrdinalIgnoreCase);

    /// <summary>时期；缺省为本季度。年、月、季度越界或日期有误时给出中文错误。</summary>
    public ReportPeriod Resolve(DateOnly today)
    {
        var year = Year ?? today.Year;
        switch (Period?.Trim().ToLowerInvariant())
        {
            case "month":
                CheckYear(year);
                var month = Month ?? today.Month;
                if (month is < 1 or > 12) throw AppException.Invalid("month", "Report.MonthRange");
                return ReportPeriod.Month(year, month);
            case "quarter":
                CheckYear(year);
                var quarter = Quarter ?? (today.Month - 1) / 3 + 1;
                if (quarter is < 1 or > 4) throw AppException.Invalid("quarter", "Report.QuarterRange");
                return ReportPeriod.Quarter(year, quarter);
            case "year":
                CheckYear(year);
                return ReportPeriod.Year(year);
            default:
                return ReportPeriod.Parse(From, To, today);
        }
    }

    /// <summary>把解析出的时期写回（表单回显与链接都用 from/to）。</summary>
    public void Normalize(ReportPeriod period)
    {
        From = Text(period.From);
        To = Text(period.To);
        if (string.IsNullOrWhiteSpace(Period))
        {
            var quarterStart = new DateOnly(period.From.Year, (period.From.Month - 1) / 3 * 3 + 1, 1);
            Period = period.From == quarterStart && period.To == quarterStart.AddMonths(3).AddDays(-1) ? "quarter" : "custom";
        }
        Year = period.From.Year;
        Month ??= period.From.Month;
        Quarter ??= (period.From.Month - 1) / 3 + 1;
    }

    /// <summary>同一时期与范围、换一种标签页/排序/筛选的链接。</summary>
    public string Link(string path, string? tab = null, string? sort = null, bool? desc = null, string? filter = null)
    {
        var parts = new List<string> { "from=" + From, "to=" + To };
        if (RootUnitId is { } root) parts.Add("rootUnitId=" + root.ToString(CultureInfo.InvariantCulture));
        var t = tab ?? Tab;
        if (!string.IsNullOrEmpty(t)) parts.Add("tab=" + Uri.EscapeDataString(t));
        var s = sort ?? Sort;
        if (!string.IsNullOrEmpty(s)) parts.Add("sort=" + Uri.EscapeDataString(s));
        if (desc ?? IsDesc) parts.Add("desc=true");
        var f = filter ?? Filter;
        if (!string.IsNullOrEmpty(f)) parts.Add("filter=" + Uri.EscapeDataString(f));
        return path + "?" + string.Join("&", parts);
    }

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100) throw AppException.Invalid("year", "Report.YearRange");
    }
}
