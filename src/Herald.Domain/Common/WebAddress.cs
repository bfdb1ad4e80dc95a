namespace Herald.Domain.Common;

/// <summary>用户填写的网址：只接受 http/https 的绝对地址（防止 javascript: 之类的链接被显示成可点击）。</summary>
public static class WebAddress
{
    public const int MaxLength = 1000;

    public static string? Optional(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxLength) throw new DomainValidationException(field, "TooLong", MaxLength);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new DomainValidationException(field, "Url.Invalid");
        return trimmed;
    }
}
