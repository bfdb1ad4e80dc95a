using System.Buffers.Binary;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Infrastructure.Files;

/// <summary>从 PNG/JPEG 文件头读出宽高；读不出说明文件已损坏或不是图片。</summary>
public static class ImageInfo
{
    public static (int Width, int Height)? TryReadSize(ReadOnlySpan<byte> data, SniffedType type) => type switch
    {
        SniffedType.Png => ReadPng(data),
        SniffedType.Jpeg => ReadJpeg(data),
        _ => null,
    };

    /// <summary>读出宽高；读不出（损坏）或像素数超过上限（解码会耗尽内存）时给出带字段名的 400。</summary>
    public static (int Width, int Height) ReadChecked(ReadOnlySpan<byte> data, SniffedType type, long maxPixels, string field, string name)
    {
        var size = TryReadSize(data, type) ?? throw AppException.Invalid(field, "Upload.CorruptImage", name);
        if (TooManyPixels(size, maxPixels))
            throw AppException.Invalid(field, "Upload.TooManyPixels", name, size.Width, size.Height, ChinesePixels(maxPixels), EnglishPixels(maxPixels));
        return size;
    }

    public static bool TooManyPixels((int Width, int Height) size, long maxPixels) => (long)size.Width * size.Height > maxPixels;

    private static string ChinesePixels(long pixels) => pixels >= 10_000
        ? (pixels / 10_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " 万像素"
        : pixels.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 像素";

    private static string EnglishPixels(long pixels) => pixels >= 1_000_000
        ? (pixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " megapixels"
        : pixels.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pixels";

    private static (int, int)? ReadPng(ReadOnlySpan<byte> data)
    {
        // 8 字节签名 + 长度(4) + "IHDR"(4) + 宽(4) + 高(4)
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadInt32BigEndian(data.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(data.Slice(20, 4));
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private static (int, int)? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF) return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 2, 2));
            if (length < 2) return null;
            // SOF0–SOF15（除 DHT C4、JPG C8、DAC CC）带有图像尺寸。
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 7, 2));
                return width > 0 && height > 0 ? (width, height) : null;
            }
            i += 2 + length;
        }
        return null;
    }
}
