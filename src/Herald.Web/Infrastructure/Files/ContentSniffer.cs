namespace Herald.Web.Infrastructure.Files;

public enum SniffedType
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    Zip,
    /// <summary>OLE2 复合文档：旧版 .doc、.wps、.xls。</summary>
    Ole2,
    Pdf,
    Rtf,
}

/// <summary>按文件头判断类型，不信任扩展名和浏览器给的 Content-Type。</summary>
public static class ContentSniffer
{
    public const int HeaderLength = 16;

    public static SniffedType Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return SniffedType.Jpeg;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return SniffedType.Png;
        if (header.StartsWith("GIF8"u8)) return SniffedType.Gif;
        if (header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return SniffedType.Zip;
        if (header.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return SniffedType.Ole2;
        if (header.StartsWith("%PDF-"u8)) return SniffedType.Pdf;
        if (header.StartsWith("{\\rtf"u8)) return SniffedType.Rtf;
        return SniffedType.Unknown;
    }

    public static string ContentType(SniffedType type) => type switch
    {
        SniffedType.Jpeg => "image/jpeg",
        SniffedType.Png => "image/png",
        SniffedType.Gif => "image/gif",
        SniffedType.Zip => "application/zip",
        SniffedType.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };
}
