using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Herald.Web.Tests.Documents;

/// <summary>Real, decodable image files made in memory (no imaging library is available).</summary>
internal static class TestImages
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>RGB PNG with a gradient; seed varies the colours so two images differ.</summary>
    public static byte[] Png(int width, int height, byte seed = 0)
    {
        var raw = new byte[height * (width * 3 + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + x * 3] = (byte)(x * 255 / width);
                raw[row + 2 + x * 3] = (byte)(y * 255 / height);
                raw[row + 3 + x * 3] = seed;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Baseline greyscale JPEG of uniform grey: one-code Huffman tables, two bits per 8×8 block.</summary>
    public static byte[] Jpeg(int width, int height)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        jpeg.AddRange("JFIF\0"u8.ToArray());
        jpeg.AddRange([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        jpeg.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        jpeg.AddRange(Enumerable.Repeat((byte)1, 64));
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00]);
        byte[] table = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x00]);
        jpeg.AddRange(table);
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x10]);
        jpeg.AddRange(table);
        jpeg.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = new StringBuilder(new string('0', blocks * 2));
        bits.Append('1', (8 - bits.Length % 8) % 8);
        for (var i = 0; i < bits.Length; i += 8) jpeg.Add(System.Convert.ToByte(bits.ToString(i, 8), 2));
        jpeg.AddRange([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>Start of an EMF file (EMR_HEADER with the " EMF" signature), as Word stores vector clip art.</summary>
    public static byte[] Emf()
    {
        var emf = new byte[108];
        BinaryPrimitives.WriteUInt32LittleEndian(emf, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(emf.AsSpan(4), 108);
        " EMF"u8.CopyTo(emf.AsSpan(40));
        return emf;
    }

    public static byte[] Gif() =>
        [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeAndData) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc ^ 0xFFFFFFFFu);
        png.Write(crcBytes);
    }
}
