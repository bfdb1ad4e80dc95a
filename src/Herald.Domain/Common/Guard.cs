namespace Herald.Domain.Common;

internal static class Guard
{
    /// <summary>去掉首尾空白；为空时抛出带字段名的校验异常。</summary>
    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new DomainValidationException(field, "Required");
        if (trimmed.Length > maxLength)
            throw new DomainValidationException(field, "TooLong", maxLength);
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > maxLength)
            throw new DomainValidationException(field, "TooLong", maxLength);
        return trimmed;
    }
}
