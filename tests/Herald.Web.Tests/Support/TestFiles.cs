using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Herald.Web.Tests.Support;

/// <summary>测试中现场生成的上传文件：真正的 PNG、.docx，以及各种伪装的文件。</summary>
public static class TestFiles
{
    /// <summary>有效的灰度 PNG；shade 不同则内容（散列）不同。</summary>
    public static byte[] Png(int width = 4, int height = 3, byte shade = 128)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 位深
        header[9] = 0; // 灰度
        Chunk(ms, "IHDR", header);
        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                raw[y * (width + 1) + 1 + x] = shade;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        Chunk(ms, "IDAT", compressed.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>最小的 JPEG 文件头（JFIF + SOF0，宽 64 高 32）：按内容识别为 JPEG 并读出尺寸。</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    /// <summary>在文件末尾补零到指定大小（文件头不变，类型仍按内容识别）。</summary>
    public static byte[] PaddedTo(byte[] content, int size)
    {
        var padded = new byte[size];
        content.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>Linux 可执行文件的开头（ELF），常被改名为 .jpg 上传。</summary>
    public static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0];

    /// <summary>Windows 可执行文件（MZ）。</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0];

    /// <summary>旧版 Word（OLE2 复合文档头）。</summary>
    public static byte[] LegacyDoc()
    {
        var bytes = new byte[1024];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(bytes);
        return bytes;
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>最简单的 .docx：每个字符串一个段落。</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => (OpenXmlElement)new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
