using System.Text;

namespace Herald.Web.Tests.Support;

/// <summary>伪装的上传文件（可执行文件、旧版 Word 文件头、文字）。真正的图片和 .docx 用 Documents/TestImages、TestDocx。</summary>
public static class TestFiles
{
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
}
