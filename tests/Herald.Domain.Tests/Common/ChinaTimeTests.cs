using Herald.Domain.Common;

namespace Herald.Domain.Tests.Common;

public class ChinaTimeTests
{
    [Theory]
    [InlineData(2026, 3, 5, "2026年3月5日")]
    [InlineData(2026, 12, 25, "2026年12月25日")]
    [InlineData(2027, 1, 1, "2027年1月1日")]
    public void FormatDate_Date_ChineseWithoutPadding(int year, int month, int day, string expected)
    {
        ChinaTime.FormatDate(new DateOnly(year, month, day)).ShouldBe(expected);
    }

    [Fact]
    public void DateOf_JustBeforeUtcFourPm_SameDay()
    {
        ChinaTime.DateOf(new DateTime(2026, 3, 4, 15, 59, 59, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 3, 4));
    }

    [Fact]
    public void DateOf_UtcFourPm_NextDayInChina()
    {
        ChinaTime.DateOf(new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void DateOf_AcrossUtcMidnight_StillSameChinaDay()
    {
        // 23:30 UTC on the 4th and 00:30 UTC on the 5th are both on the 5th in Beijing.
        ChinaTime.DateOf(new DateTime(2026, 3, 4, 23, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 3, 5));
        ChinaTime.DateOf(new DateTime(2026, 3, 5, 0, 30, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void DateOf_YearEnd_RollsIntoNewYear()
    {
        ChinaTime.DateOf(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateOnly(2027, 1, 1));
    }

    [Fact]
    public void DateOf_UnspecifiedKind_TreatedAsUtc()
    {
        ChinaTime.DateOf(new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Unspecified)).ShouldBe(new DateOnly(2026, 3, 5));
    }

    [Fact]
    public void ToChina_Utc_AddsEightHoursUnspecifiedKind()
    {
        var local = ChinaTime.ToChina(new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc));

        local.ShouldBe(new DateTime(2026, 3, 5, 10, 0, 0));
        local.Kind.ShouldBe(DateTimeKind.Unspecified);
    }

    [Fact]
    public void StartOfDayUtc_Date_PreviousDaySixteenHundredUtc()
    {
        var start = ChinaTime.StartOfDayUtc(new DateOnly(2026, 3, 5));

        start.ShouldBe(new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc));
        start.Kind.ShouldBe(DateTimeKind.Utc);
        ChinaTime.DateOf(start).ShouldBe(new DateOnly(2026, 3, 5));
        ChinaTime.DateOf(start.AddTicks(-1)).ShouldBe(new DateOnly(2026, 3, 4));
    }

    [Fact]
    public void FormatDateTime_Utc_BeijingDateAndTime()
    {
        ChinaTime.FormatDateTime(new DateTime(2026, 3, 5, 6, 5, 0, DateTimeKind.Utc)).ShouldBe("2026年3月5日 14:05");
        ChinaTime.FormatDateTime(new DateTime(2026, 3, 4, 16, 0, 0, DateTimeKind.Utc)).ShouldBe("2026年3月5日 00:00");
    }

    [Fact]
    public void EnsureUtc_Unspecified_SameTicksMarkedUtc()
    {
        var value = ChinaTime.EnsureUtc(new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Unspecified));

        value.Kind.ShouldBe(DateTimeKind.Utc);
        value.Ticks.ShouldBe(new DateTime(2026, 3, 5, 2, 0, 0).Ticks);
    }
}
