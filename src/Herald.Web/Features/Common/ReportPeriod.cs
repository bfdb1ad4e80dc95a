using System.Globalization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Common;

/// <summary>统计时期（北京时间的日期，含首尾两天）：月、季、年或自定义。</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>一次统计最多跨 3 年（年终考核对比上一年足够）。</summary>
    public const int MaxDays = 3 * 366;

    public static ReportPeriod Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static ReportPeriod Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>由 from/to（yyyy-MM-dd）得到时期；缺省为本季度。格式错、颠倒或过长给出中文错误。</summary>
    public static ReportPeriod Parse(string? from, string? to, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
            return Quarter(today.Year, (today.Month - 1) / 3 + 1);
        var start = ParseDate(from, "from");
        var end = ParseDate(to, "to");
        if (end < start) throw AppException.Invalid("to", "Report.PeriodReversed");
        if (end.DayNumber - start.DayNumber >= MaxDays) throw AppException.Invalid("to", "Report.PeriodTooLong");
        return new(start, end);
    }

    private static DateOnly ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw AppException.Invalid(field, "Report.DateRequired");
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2000 || date.Year > 2100)
            throw AppException.Invalid(field, "Report.DateFormat");
        return date;
    }
}
