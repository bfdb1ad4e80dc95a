using System.Buffers.Binary;
using System.Text;

namespace Herald.Web.Tests.Documents;

/// <summary>
/// A minimal valid OLE2 compound file (512-byte sectors: FAT, directory, one stream), like a legacy .doc or
/// a password-protected .docx, which Office writes as a compound file with an "EncryptedPackage" stream.
/// </summary>
internal static class TestCompoundFile
{
    private const uint FreeSect = 0xFFFFFFFF;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSect = 0xFFFFFFFD;

    public static byte[] EncryptedDocx() => Create("EncryptedPackage", new byte[4096]);

    /// <summary>A legacy .doc whose text happens to contain "EncryptedPackage" in UTF-16, as Word stores text.</summary>
    public static byte[] LegacyDoc() =>
        Create("WordDocument", [.. Encoding.Unicode.GetBytes("正文提到 EncryptedPackage 这个词"), .. new byte[4096]]);

    public static byte[] Create(string streamName, byte[] streamData)
    {
        const int sector = 512;
        var dataSectors = (streamData.Length + sector - 1) / sector;
        var file = new byte[sector * (3 + dataSectors)];
        var header = file.AsSpan(0, sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // directory in sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], i == 0 ? 0 : FreeSect);

        var fat = file.AsSpan(sector, sector);
        for (var i = 0; i < sector / 4; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], FreeSect);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSect);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], EndOfChain);
        for (var i = 0; i < dataSectors; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[((2 + i) * 4)..], i == dataSectors - 1 ? EndOfChain : (uint)(3 + i));

        var directory = file.AsSpan(sector * 2, sector);
        Entry(directory[..128], "Root Entry", type: 5, child: 1, start: EndOfChain, size: 0);
        Entry(directory.Slice(128, 128), streamName, type: 2, child: FreeSect, start: 2, size: (uint)streamData.Length);
        streamData.CopyTo(file.AsSpan(sector * 3));
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(nameBytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], FreeSect); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], FreeSect); // right sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], size);
    }
}
