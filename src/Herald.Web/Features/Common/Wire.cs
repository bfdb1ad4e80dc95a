using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Domain.Common;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Common;

/// <summary>
/// 表单与 API 的取值，所有模块同一套解析与同样的中文错误：枚举用与 JSON 输出相同的 snake_case 代码（如 gov_bulletin、we_chat），
/// 日期 yyyy-MM-dd，时间 ISO 8601（不带时区时按北京时间，页面上的 datetime-local 即如此），编号为整数，开关为 true/on/1/是。
/// </summary>
public static partial class Wire
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>snake_case 代码或枚举名，不区分大小写。</summary>
    public static bool TryParseCode<T>(string? code, out T value) where T : struct, Enum
    {
        var trimmed = code?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>空为 null；不认识的代码 400，列出可用的取值。</summary>
    public static T? OptionalCode<T>(string? code, string field) where T : struct, Enum
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return TryParseCode<T>(trimmed, out var value)
            ? value
            // The code is part of the API contract (ProblemDetails code), older than this kernel.
            : throw AppException.Invalid(field, "Publishing.UnknownCode", trimmed, string.Join("|", Enum.GetValues<T>().Select(Code)));
    }

    public static T RequiredCode<T>(string? code, string field) where T : struct, Enum =>
        OptionalCode<T>(code, field) ?? throw AppException.Invalid(field, "Required");

    public static DateOnly RequiredDate(string? value, string field) =>
        OptionalDate(value, field) ?? throw AppException.Invalid(field, "Required");

    public static DateOnly? OptionalDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw AppException.Invalid(field, "Form.BadDate");
    }

    /// <summary>ISO 8601；带时区（Z、+08:00）按其时区，不带的按北京时间。</summary>
    public static bool TryParseTime(string? text, out DateTime utc)
    {
        utc = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return false;
        if (ZoneSuffix().IsMatch(trimmed))
        {
            if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone)) return false;
            utc = withZone.UtcDateTime;
            return true;
        }
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        utc = DateTime.SpecifyKind(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - ChinaTime.Offset, DateTimeKind.Utc);
        return true;
    }

    /// <summary>时间：空为 <paramref name="nowUtc"/>，格式不对 400。</summary>
    public static DateTime TimeOrNow(string? value, string field, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(value)) return nowUtc;
        return TryParseTime(value, out var utc) ? utc : throw AppException.Invalid(field, "Form.BadDateTime");
    }

    public static long? OptionalId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw AppException.Invalid(field, "Form.NotANumber");
    }

    public static bool Flag(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value is "on" or "1" or "是");

    /// <summary>页面 datetime-local 的值（北京时间）。</summary>
    public static string LocalInput(DateTime utc) =>
        ChinaTime.ToChina(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string DateInput(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>时间末尾的时区：Z 或 ±hh:mm。</summary>
    [GeneratedRegex(@"(?:[Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneSuffix();
}
