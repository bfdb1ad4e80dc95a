using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 表单与 API 的取值：枚举用与 JSON 输出相同的 snake_case 代码（如 gov_bulletin、we_chat），日期 yyyy-MM-dd，
/// 时间为 ISO 8601（不带时区时按北京时间，页面上的 datetime-local 即如此）。
/// </summary>
public static partial class PublishingCodes
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T ParseRequired<T>(string? code, string field) where T : struct, Enum =>
        ParseOptional<T>(code, field) ?? throw AppException.Invalid(field, "Required");

    public static T? ParseOptional<T>(string? code, string field) where T : struct, Enum
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Code(value), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        throw AppException.Invalid(field, "Publishing.UnknownCode", trimmed, string.Join("|", Enum.GetValues<T>().Select(Code)));
    }

    public static DateOnly ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw AppException.Invalid(field, "Required");
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw AppException.Invalid(field, "Form.BadDate");
    }

    public static DateOnly? ParseOptionalDate(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : ParseDate(value, field);

    /// <summary>发布时间：空为现在；带时区（Z、+08:00）按其时区，不带按北京时间。</summary>
    public static DateTime ParseTime(string? value, string field, DateTime nowUtc)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return nowUtc;
        if (ZoneSuffix().IsMatch(trimmed))
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone))
                return withZone.UtcDateTime;
        }
        else if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
        }
        throw AppException.Invalid(field, "Form.BadDateTime");
    }

    /// <summary>页面 datetime-local 的值（北京时间）。</summary>
    public static string LocalInput(DateTime utc) =>
        ChinaTime.ToChina(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string DateInput(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Flag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "on" or "1" or "是");

    public static long? ParseId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw AppException.Invalid(field, "Form.NotANumber");
    }

    /// <summary>时间末尾的时区：Z 或 ±hh:mm。</summary>
    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneSuffix();
}
