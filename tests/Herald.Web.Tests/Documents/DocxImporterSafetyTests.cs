using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Documents;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;
using static Herald.Web.Tests.Documents.TestDocx;

namespace Herald.Web.Tests.Documents;

/// <summary>Hostile and broken uploads: each is refused with its own code before or while parsing.</summary>
public sealed class DocxImporterSafetyTests
{
    private static readonly byte[] ValidDocx = Build(d => d.Add(P("正文。")));

    private static AppException Refusal(byte[] content, UploadOptions? limits = null)
    {
        var options = new HeraldOptions { Uploads = limits ?? new UploadOptions() };
        var ex = Should.Throw<AppException>(() => new DocxImporter(Options.Create(options)).Import(content, "上传.docx"));
        ex.Kind.ShouldBe(ProblemKind.Validation);
        ex.Field.ShouldBe("document");
        ex.Args[0].ShouldBe("上传.docx");
        return ex;
    }

    private static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>A docx whose word/document.xml is followed by <paramref name="padding"/> bytes of filler inside an XML comment.</summary>
    private static byte[] DocxWithPadding(byte[] padding, CompressionLevel level) =>
        RecompressEntry(
            Rewrite(ValidDocx, (name, content) => name == "word/document.xml" ? [.. content, .. "<!--"u8, .. padding, .. "-->"u8] : content),
            "word/document.xml", level);

    private static byte[] RecompressEntry(byte[] docx, string entryName, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var write = target.CreateEntry(entry.FullName, entry.FullName == entryName ? level : CompressionLevel.Optimal).Open();
                read.CopyTo(write);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void Import_DocumentXmlOf201MegabytesOfZeros_ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open()) types.Write("<Types/>"u8);
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 201; i++) document.Write(zeros);
        }
        var bomb = output.ToArray();
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        Refusal(bomb).Code.ShouldBe("Docx.ZipBomb");
    }

    [Fact]
    public void Import_IncompressibleContentAboveTotalLimit_ZipBomb()
    {
        var noise = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        var docx = DocxWithPadding(noise, CompressionLevel.Fastest);

        var ex = Refusal(docx, new UploadOptions { MaxDocxUncompressedBytes = 2 * 1024 * 1024 });

        ex.Code.ShouldBe("Docx.ZipBomb");
        ex.Args[1].ShouldBe(2L);
    }

    [Fact]
    public void Import_EntryOverOneMegabyteWithExtremeRatio_ZipBomb()
    {
        // 5 MB of one repeated character: far below the 200 MB total, but compressed about 1000:1.
        var docx = DocxWithPadding(Enumerable.Repeat((byte)'a', 5 * 1024 * 1024).ToArray(), CompressionLevel.SmallestSize);

        Refusal(docx).Code.ShouldBe("Docx.ZipBomb");
    }

    [Fact]
    public void Import_SmallEntryWithExtremeRatio_IsAccepted()
    {
        // Ratio is only judged above 1 MB: a short, very repetitive document.xml is normal.
        var docx = DocxWithPadding(Enumerable.Repeat((byte)'a', 900 * 1024).ToArray(), CompressionLevel.SmallestSize);

        var result = new DocxImporter(Options.Create(new HeraldOptions())).Import(docx);

        result.Body.Text.ShouldBe("正文。");
    }

    [Fact]
    public void Import_HeadersUnderstateEntrySize_RefusedAsMalformed()
    {
        // The headers claim word/document.xml is 100 bytes; the data really inflates to 3 MB of noise. ZipArchive never
        // inflates past the declared size, so the 3 MB are never produced and the cut-off XML is refused as malformed.
        var noise = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(noise);
        var lying = UnderstateSize(DocxWithPadding(noise, CompressionLevel.Fastest), "word/document.xml", 100);

        Refusal(lying, new UploadOptions { MaxDocxUncompressedBytes = 2 * 1024 * 1024 }).Code.ShouldBe("Docx.Malformed");
    }

    [Fact]
    public void Import_MoreEntriesThanAllowed_TooManyEntries()
    {
        var entries = Enumerable.Range(0, 5001).Select(i => ($"word/media/x{i}.bin", new byte[] { 1 })).ToArray();
        var docx = Zip(CompressionLevel.Fastest, [("[Content_Types].xml", "<Types/>"u8.ToArray()), .. entries]);

        var ex = Refusal(docx);

        ex.Code.ShouldBe("Docx.TooManyEntries");
        ex.Args[1].ShouldBe(5000);
    }

    [Fact]
    public void Import_TruncatedZip_Malformed()
    {
        Refusal(ValidDocx[..(ValidDocx.Length / 2)]).Code.ShouldBe("Docx.Malformed");
    }

    [Fact]
    public void Import_CorruptCompressedData_Malformed()
    {
        var docx = RecompressEntry(Build(d => d.Add(P(string.Concat(Enumerable.Repeat("宣传工作稳步推进。", 400))))), "word/document.xml", CompressionLevel.Optimal);
        var corrupt = (byte[])docx.Clone();
        var dataStart = LocalDataOffset(corrupt, "word/document.xml");
        for (var i = 0; i < 64; i++) corrupt[dataStart + 16 + i] ^= 0x5A;

        Refusal(corrupt).Code.ShouldBe("Docx.Malformed");
    }

    [Fact]
    public void Import_RandomBytes_NotDocx()
    {
        var noise = new byte[4096];
        new Random(1).NextBytes(noise);

        Refusal(noise).Code.ShouldBe("Docx.NotDocx");
    }

    [Fact]
    public void Import_LegacyWordFile_NotDocx()
    {
        Refusal(TestCompoundFile.LegacyDoc()).Code.ShouldBe("Docx.NotDocx");
    }

    [Fact]
    public void Import_SpreadsheetRenamedDocx_NotDocx()
    {
        using var stream = new MemoryStream();
        using (var xlsx = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = xlsx.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
        }

        Refusal(stream.ToArray()).Code.ShouldBe("Docx.NotDocx");
    }

    [Fact]
    public void Import_PlainZip_NotDocx()
    {
        Refusal(Zip(CompressionLevel.Optimal, ("说明.txt", Encoding.UTF8.GetBytes("不是 Word 文档")))).Code.ShouldBe("Docx.NotDocx");
    }

    [Fact]
    public void Import_BrokenDocumentXml_Malformed()
    {
        var broken = Rewrite(ValidDocx, (name, content) => name == "word/document.xml" ? content[..(content.Length - 20)] : content);

        Refusal(broken).Code.ShouldBe("Docx.Malformed");
    }

    [Fact]
    public void Import_MissingMainDocumentPart_Malformed()
    {
        var missing = Rewrite(ValidDocx, (name, content) => name == "word/document.xml" ? null : content);

        Refusal(missing).Code.ShouldBe("Docx.Malformed");
    }

    [Fact]
    public void Import_DocumentXmlWithDtd_Malformed()
    {
        // Entity expansion ("billion laughs") and external entities need a DTD; the parser refuses any DTD.
        var withDtd = Rewrite(ValidDocx, (name, content) => name == "word/document.xml"
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("<w:document", "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaa\">]><w:document"))
            : content);

        Refusal(withDtd).Code.ShouldBe("Docx.Malformed");
    }

    /// <summary>Patches the uncompressed size of an entry in both its local header and the central directory.</summary>
    private static byte[] UnderstateSize(byte[] zip, string entryName, uint size)
    {
        var patched = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            if (signature == 0x04034b50 && patched.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 22), size);
            else if (signature == 0x02014b50 && patched.AsSpan(i + 46, Math.Min(name.Length, patched.Length - i - 46)).SequenceEqual(name))
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + 24), size);
        }
        return patched;
    }

    private static int LocalDataOffset(byte[] zip, string entryName)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 30 < zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != 0x04034b50 || !zip.AsSpan(i + 30, name.Length).SequenceEqual(name)) continue;
            return i + 30 + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
        }
        throw new InvalidOperationException("entry not found");
    }
}
