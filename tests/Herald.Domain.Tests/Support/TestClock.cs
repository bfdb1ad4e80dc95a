namespace Herald.Domain.Tests.Support;

/// <summary>Fixed instants. Never DateTime.Now in these tests.</summary>
public static class TestClock
{
    /// <summary>2026-03-05 02:00 UTC = 2026-03-05 10:00 Beijing time.</summary>
    public static readonly DateTime Now = new(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>The Beijing calendar day of <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = new(2026, 3, 5);

    /// <summary>A UTC instant given as Beijing wall-clock time (UTC+8).</summary>
    public static DateTime Cst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);
}
