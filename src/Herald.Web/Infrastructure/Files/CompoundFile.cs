using System.Buffers.Binary;
using System.Text;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// OLE2 复合文档（旧版 .doc/.xls，以及加了打开密码的 .docx）的最小读取：只看目录里有哪些流。
/// 加密的 .docx 是一个含 "EncryptedPackage" 流的 OLE2 文件；只按目录判断，正文里碰巧出现这个词不会误判。
/// </summary>
public static class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;
    private const int DirectoryEntrySize = 128;
    private const int HeaderDifatCount = 109;

    /// <summary>Whether a password-protected Office Open XML file: it stores the real package in an "EncryptedPackage" stream.</summary>
    public static bool IsEncryptedPackage(ReadOnlySpan<byte> data) => HasEntry(data, "EncryptedPackage");

    /// <summary>Whether the directory holds an entry of this name; false for anything that is not a readable compound file.</summary>
    public static bool HasEntry(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 512 || ContentSniffer.Sniff(data) != SniffedType.Ole2) return false;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(data[0x1E..]);
        if (shift is not (9 or 12)) return false;
        var sectorSize = 1 << shift;
        var sectorCount = (data.Length / sectorSize) - 1;
        if (sectorCount <= 0) return false;

        var fat = FatSectors(data, sectorSize, sectorCount);
        var wanted = Encoding.Unicode.GetBytes(name);
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(data[0x30..]);
        // Each sector is visited at most once, so a looping chain in a damaged file ends.
        for (var visited = 0; sector <= MaxRegularSector && sector < sectorCount && visited < sectorCount; visited++)
        {
            var sectorData = data.Slice((int)(sector + 1) * sectorSize, sectorSize);
            for (var offset = 0; offset + DirectoryEntrySize <= sectorSize; offset += DirectoryEntrySize)
            {
                var entry = sectorData.Slice(offset, DirectoryEntrySize);
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                // The stored length counts the terminating UTF-16 null.
                if (nameLength == wanted.Length + 2 && entry[..wanted.Length].SequenceEqual(wanted)) return true;
            }
            sector = Next(data, fat, sector, sectorSize);
        }
        return false;
    }

    /// <summary>Sector numbers holding the FAT: 109 in the header, the rest in the DIFAT chain.</summary>
    private static List<uint> FatSectors(ReadOnlySpan<byte> data, int sectorSize, int sectorCount)
    {
        var fatCount = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(data[0x2C..]), (uint)sectorCount);
        var result = new List<uint>(fatCount);
        for (var i = 0; i < HeaderDifatCount && result.Count < fatCount; i++)
            result.Add(BinaryPrimitives.ReadUInt32LittleEndian(data[(0x4C + i * 4)..]));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(data[0x44..]);
        for (var visited = 0; result.Count < fatCount && difat <= MaxRegularSector && difat < sectorCount && visited < sectorCount; visited++)
        {
            var block = data.Slice((int)(difat + 1) * sectorSize, sectorSize);
            var perSector = sectorSize / 4 - 1;
            for (var i = 0; i < perSector && result.Count < fatCount; i++)
                result.Add(BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(block[(perSector * 4)..]);
        }
        return result;
    }

    private static uint Next(ReadOnlySpan<byte> data, List<uint> fat, uint sector, int sectorSize)
    {
        var perSector = sectorSize / 4;
        var index = (int)(sector / perSector);
        if (index >= fat.Count) return EndOfChain;
        var fatSector = fat[index];
        var offset = (long)(fatSector + 1) * sectorSize + (sector % perSector) * 4;
        if (fatSector > MaxRegularSector || offset + 4 > data.Length) return EndOfChain;
        return BinaryPrimitives.ReadUInt32LittleEndian(data[(int)offset..]);
    }
}
