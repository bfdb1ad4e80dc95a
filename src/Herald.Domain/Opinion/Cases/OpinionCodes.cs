using System.Text;

namespace Herald.Domain.Opinion.Cases;

/// <summary>舆情处置各枚举在 API、查询参数和配置中的代码：snake_case（如 first_response）。</summary>
public static class OpinionCodes
{
    public static string Code<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>接受代码、枚举名或数值（不区分大小写）；空值或无法识别时返回 false。</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Code(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), trimmed, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
