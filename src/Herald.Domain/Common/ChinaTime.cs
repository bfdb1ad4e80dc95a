using System.Globalization;

namespace Herald.Domain.Common;

/// <summary>中国标准时间（UTC+8，无夏令时）。存储一律用 UTC，显示与按日计算用北京时间。</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) =>
        DateTime.SpecifyKind(EnsureUtc(utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToChina(utc));

    /// <summary>北京时间某日零点对应的 UTC 时刻。</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>2026年3月5日</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2026年3月5日 14:05</summary>
    public static string FormatDateTime(DateTime utc)
    {
        var local = ToChina(utc);
        return FormatDate(DateOnly.FromDateTime(local)) + local.ToString(" HH:mm", CultureInfo.InvariantCulture);
    }

    public static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
