namespace Herald.Domain.Common;

/// <summary>一段日期（北京时间，含首尾两日）。</summary>
public readonly record struct DatePeriod(DateOnly From, DateOnly To);

/// <summary>
/// 周报、月报的时期：周为周一至周日，月为自然月，日期按北京时间。报告默认取"上一个已结束的"周或月——
/// 本周、本月还没过完，数字不全。
/// </summary>
public static class ReportingCalendar
{
    public static DatePeriod WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new DatePeriod(monday, monday.AddDays(6));
    }

    public static DatePeriod MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new DatePeriod(first, first.AddMonths(1).AddDays(-1));
    }

    public static DatePeriod LastFinishedWeek(DateOnly today) => WeekOf(WeekOf(today).From.AddDays(-1));

    public static DatePeriod LastFinishedMonth(DateOnly today) => MonthOf(MonthOf(today).From.AddDays(-1));

    /// <summary>最近 count 个已结束的周，新的在前（供页面选择）。</summary>
    public static IReadOnlyList<DatePeriod> FinishedWeeks(DateOnly today, int count)
    {
        var list = new List<DatePeriod>(count);
        for (var week = LastFinishedWeek(today); list.Count < count; week = WeekOf(week.From.AddDays(-1))) list.Add(week);
        return list;
    }

    /// <summary>最近 count 个已结束的月，新的在前（供页面选择）。</summary>
    public static IReadOnlyList<DatePeriod> FinishedMonths(DateOnly today, int count)
    {
        var list = new List<DatePeriod>(count);
        for (var month = LastFinishedMonth(today); list.Count < count; month = MonthOf(month.From.AddDays(-1))) list.Add(month);
        return list;
    }
}
