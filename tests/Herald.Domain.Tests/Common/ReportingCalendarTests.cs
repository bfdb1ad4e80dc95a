using Herald.Domain.Common;

namespace Herald.Domain.Tests.Common;

/// <summary>周报、月报默认取上一个已结束的周（周一至周日）或月，而不是还没过完（甚至在将来）的时期。</summary>
public sealed class ReportingCalendarTests
{
    [Theory]
    [InlineData("2026-11-20", "2026-11-09", "2026-11-15")] // 周五：上周
    [InlineData("2026-11-16", "2026-11-09", "2026-11-15")] // 周一：刚结束的上周
    [InlineData("2026-11-22", "2026-11-09", "2026-11-15")] // 周日：本周还没过完
    [InlineData("2027-01-03", "2026-12-21", "2026-12-27")] // 跨年
    public void LastFinishedWeek_AnyDay_PreviousMondayToSunday(string today, string from, string to)
    {
        var week = ReportingCalendar.LastFinishedWeek(DateOnly.Parse(today));

        (week.From, week.To).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));
        week.From.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-10-01", "2026-10-31")]
    [InlineData("2026-12-01", "2026-11-01", "2026-11-30")]
    [InlineData("2026-12-31", "2026-11-01", "2026-11-30")]
    [InlineData("2027-01-05", "2026-12-01", "2026-12-31")]
    [InlineData("2028-03-01", "2028-02-01", "2028-02-29")]
    public void LastFinishedMonth_AnyDay_PreviousCalendarMonth(string today, string from, string to)
    {
        var month = ReportingCalendar.LastFinishedMonth(DateOnly.Parse(today));

        (month.From, month.To).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void WeekOf_Sunday_BelongsToTheWeekStartingMonday()
    {
        ReportingCalendar.WeekOf(new DateOnly(2026, 11, 22)).ShouldBe(new DatePeriod(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void FinishedWeeks_Count_NewestFirstAllEndedBeforeToday()
    {
        var today = new DateOnly(2026, 11, 20);

        var weeks = ReportingCalendar.FinishedWeeks(today, 8);

        weeks.Count.ShouldBe(8);
        weeks[0].ShouldBe(ReportingCalendar.LastFinishedWeek(today));
        weeks.ShouldAllBe(w => w.To < today && w.From.DayOfWeek == DayOfWeek.Monday);
        weeks.Zip(weeks.Skip(1)).ShouldAllBe(p => p.Second.To.AddDays(1) == p.First.From);
    }

    [Fact]
    public void FinishedMonths_Count_NewestFirstAllEndedBeforeToday()
    {
        var months = ReportingCalendar.FinishedMonths(new DateOnly(2026, 2, 10), 3);

        months.Select(m => m.From).ShouldBe([new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 1), new DateOnly(2025, 11, 1)]);
    }
}
