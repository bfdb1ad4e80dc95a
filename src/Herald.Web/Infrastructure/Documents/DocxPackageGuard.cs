using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>
/// What the safety scan learnt: whether it looks like an Office/Word package (to tell "not a Word file" from "broken
/// Word file"), and each entry's actually inflated size (to read pictures into arrays of the right size).
/// </summary>
internal sealed record DocxPackageInfo(bool HasContentTypes, bool HasWordParts, IReadOnlyDictionary<string, long> Sizes);

/// <summary>
/// 解析之前先检查 ZIP 本身：条目数、声明的和实际解压出的总大小、单个条目的压缩比；条目名不得含 ..、绝对路径或盘符
/// （防路径穿越）；含宏（vbaProject.bin、启用宏的内容类型 .docm/.dotm）的拒收。
/// 解压字节边读边数，不信任文件头里声明的大小。
/// </summary>
internal static class DocxPackageGuard
{
    /// <summary>Entries at or below this size are never treated as bombs by ratio: tiny XML parts compress extremely well.</summary>
    private const long RatioCheckThreshold = 1024 * 1024;
    private const int BufferSize = 64 * 1024;

    public static DocxPackageInfo Check(byte[] content, string fileName, UploadOptions limits)
    {
        // The end-of-central-directory count lets a file with 100 000 entries be refused before ZipArchive allocates them all.
        if (DeclaredEntryCount(content) is { } declared && declared > limits.MaxDocxEntries)
            throw TooManyEntries(fileName, limits);

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxDocxEntries) throw TooManyEntries(fileName, limits);

            long declaredTotal = 0;
            var hasContentTypes = false;
            var hasWordParts = false;
            foreach (var entry in entries)
            {
                if (IsUnsafeName(entry.FullName))
                    throw new AppException(ProblemKind.Validation, "Docx.UnsafeEntryName", "document", fileName, Shown(entry.FullName));
                if (IsMacroPart(entry.FullName)) throw Macros(fileName);
                // Saturating sum: forged sizes near long.MaxValue must not wrap around to a small total.
                declaredTotal = entry.Length > limits.MaxDocxUncompressedBytes - declaredTotal ? long.MaxValue : declaredTotal + entry.Length;
                if (declaredTotal > limits.MaxDocxUncompressedBytes || RatioTooHigh(entry.Length, entry.CompressedLength, limits))
                    throw ZipBomb(fileName, limits);
                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasWordParts |= entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
            }

            var sizes = new Dictionary<string, long>(entries.Count, StringComparer.OrdinalIgnoreCase);
            var contentTypes = new MemoryStream();
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                long actualTotal = 0;
                foreach (var entry in entries)
                {
                    if (entry.FullName.EndsWith('/')) continue;
                    using var stream = entry.Open();
                    long actual = 0;
                    int read;
                    while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
                    {
                        actual += read;
                        actualTotal += read;
                        if (actualTotal > limits.MaxDocxUncompressedBytes || RatioTooHigh(actual, entry.CompressedLength, limits))
                            throw ZipBomb(fileName, limits);
                        if (entry.FullName == "[Content_Types].xml") contentTypes.Write(buffer, 0, read);
                    }
                    sizes[entry.FullName] = actual;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            contentTypes.Position = 0;
            if (DeclaresMacros(new StreamReader(contentTypes, detectEncodingFromByteOrderMarks: true).ReadToEnd())) throw Macros(fileName);
            return new DocxPackageInfo(hasContentTypes, hasWordParts, sizes);
        }
        catch (InvalidDataException)
        {
            // Truncated archive, bad central directory, corrupt deflate data or an unsupported compression method.
            throw DocxImporter.Malformed(fileName);
        }
    }

    /// <summary>Parent references, absolute or backslash-rooted paths and drive letters: extracted anywhere, they escape.</summary>
    private static bool IsUnsafeName(string name) =>
        name.StartsWith('/') || name.StartsWith('\\') || (name.Length >= 2 && name[1] == ':')
        || name.Split('/', '\\').Any(segment => segment == "..");

    private static bool IsMacroPart(string name) =>
        name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>.docm/.dotm main parts and VBA parts are declared in [Content_Types].xml even when the part is named otherwise.</summary>
    private static bool DeclaresMacros(string contentTypes) =>
        contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);

    /// <summary>At most 80 characters of an entry name, control characters dropped, for the message.</summary>
    private static string Shown(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 80 ? clean[..80] + "…" : clean;
    }

    private static AppException Macros(string fileName) => new(ProblemKind.Validation, "Docx.Macros", "document", fileName);

    private static bool RatioTooHigh(long uncompressed, long compressed, UploadOptions limits) =>
        uncompressed > RatioCheckThreshold && uncompressed > Math.Max(compressed, 1) * limits.MaxCompressionRatio;

    /// <summary>Entry count from the end-of-central-directory record; null when absent or ZIP64 (ZipArchive then decides).</summary>
    private static int? DeclaredEntryCount(ReadOnlySpan<byte> data)
    {
        const int recordLength = 22;
        var lowest = Math.Max(0, data.Length - recordLength - ushort.MaxValue);
        for (var i = data.Length - recordLength; i >= lowest; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i, 4)) != 0x06054b50) continue;
            var total = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(i + 10, 2));
            return total == ushort.MaxValue ? null : total;
        }
        return null;
    }

    private static AppException TooManyEntries(string fileName, UploadOptions limits) =>
        new(ProblemKind.Validation, "Docx.TooManyEntries", "document", fileName, limits.MaxDocxEntries);

    private static AppException ZipBomb(string fileName, UploadOptions limits) =>
        new(ProblemKind.Validation, "Docx.ZipBomb", "document", fileName, limits.MaxDocxUncompressedBytes / (1024 * 1024));
}
