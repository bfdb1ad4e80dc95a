using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Herald.Browser.Tests.Support;

/// <summary>测试用的小图片：PNG 在这里直接编码（不依赖图像库），JPEG 由浏览器的 canvas 编码。</summary>
public static class TestImages
{
    /// <summary>一张像照片的 PNG（天空、远山、地面的渐变），RGB 8 位。</summary>
    public static byte[] Png(int width = 320, int height = 240, int hue = 0)
    {
        var raw = new byte[height * (1 + width * 3)];
        var horizon = height * 3 / 5;
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            raw[row] = 0; // 过滤方式：无
            for (var x = 0; x < width; x++)
            {
                var ridge = horizon - (int)(height / 6.0 * (0.6 + 0.4 * Math.Sin((x + hue * 7) / (width / 5.0))));
                byte r, g, b;
                if (y < ridge)
                {
                    r = (byte)(110 + 80 * y / height); g = (byte)(160 + 60 * y / height); b = 235;
                }
                else if (y < horizon)
                {
                    r = 70; g = (byte)(120 + (hue * 13) % 40); b = 90;
                }
                else
                {
                    r = (byte)(190 - 50 * (y - horizon) / (height - horizon)); g = (byte)(150 - 30 * (y - horizon) / (height - horizon)); b = 95;
                }
                var p = row + 1 + x * 3;
                raw[p] = r; raw[p + 1] = g; raw[p + 2] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 位深
        header[9] = 2; // 真彩色 RGB
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(raw);
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>手机拍的照片是 JPEG：用页面里的 canvas 画一张并编码。</summary>
    public static async Task<byte[]> JpegAsync(IPage page, int width = 640, int height = 480)
    {
        var dataUrl = await page.EvaluateAsync<string>("""
            ([w, h]) => {
              const c = document.createElement('canvas');
              c.width = w; c.height = h;
              const g = c.getContext('2d');
              const sky = g.createLinearGradient(0, 0, 0, h);
              sky.addColorStop(0, '#7fb2e5'); sky.addColorStop(1, '#dbe9f6');
              g.fillStyle = sky; g.fillRect(0, 0, w, h);
              g.fillStyle = '#b3261e'; g.fillRect(w * 0.1, h * 0.45, w * 0.8, h * 0.12);
              g.fillStyle = '#fff'; g.font = `${Math.round(h / 14)}px sans-serif`; g.fillText('HERALD', w * 0.14, h * 0.54);
              g.fillStyle = '#5b7f4a'; g.fillRect(0, h * 0.7, w, h * 0.3);
              return c.toDataURL('image/jpeg', 0.85);
            }
            """, new[] { width, height });
        return Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        png.Write(crcBytes);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(uint crc, byte[] data)
    {
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}
