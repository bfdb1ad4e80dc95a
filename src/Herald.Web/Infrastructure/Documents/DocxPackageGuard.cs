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
/// 解析之前先检查 ZIP 本身：条目数、声明的和实际解压出的总大小、单个条目的压缩比。
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
                // Saturating sum: forged sizes near long.MaxValue must not wrap around to a small total.
                declaredTotal = entry.Length > limits.MaxDocxUncompressedBytes - declaredTotal ? long.MaxValue : declaredTotal + entry.Length;
                if (declaredTotal > limits.MaxDocxUncompressedBytes || RatioTooHigh(entry.Length, entry.CompressedLength, limits))
                    throw ZipBomb(fileName, limits);
                hasContentTypes |= entry.FullName == "[Content_Types].xml";
                hasWordParts |= entry.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase);
            }

            var sizes = new Dictionary<string, long>(entries.Count, StringComparer.OrdinalIgnoreCase);
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
                    }
                    sizes[entry.FullName] = actual;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return new DocxPackageInfo(hasContentTypes, hasWordParts, sizes);
        }
        catch (InvalidDataException)
        {
            // Truncated archive, bad central directory, corrupt deflate data or an unsupported compression method.
            throw DocxImporter.Malformed(fileName);
        }
    }

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
