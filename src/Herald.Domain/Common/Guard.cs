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

    /// <summary>名称、电话这类单行的必填项：另外不许有控制字符（换行、制表符、NUL），它们会破坏列表、导出和审计记录。</summary>
    public static string Line(string? value, string field, int maxLength) =>
        NoControl(Required(value, field, maxLength), field);

    public static string? OptionalLine(string? value, string field, int maxLength) =>
        Optional(value, field, maxLength) is { } text ? NoControl(text, field) : null;

    private static string NoControl(string text, string field)
    {
        foreach (var c in text)
            if (char.IsControl(c)) throw new DomainValidationException(field, "Text.ControlCharacters");
        return text;
    }
}
