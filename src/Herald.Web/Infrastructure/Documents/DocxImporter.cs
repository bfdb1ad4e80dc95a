using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>
/// 把 Word (.docx) 转为稿件正文：先做 ZIP 安全检查（条目数、解压总量、压缩比），再用 Open XML SDK 读取正文、
/// 标题、表格和图片。所有拒绝都是 AppException（字段 "document"），错误代码见 Error.Docx.*。
/// </summary>
public sealed class DocxImporter(IOptions<HeraldOptions> options)
{
    public DocxImport Import(byte[] content, string fileName = "document.docx")
    {
        // Not even a zip (random bytes, a legacy .doc): not a Word document, rather than a damaged one.
        if (ContentSniffer.Sniff(content) != SniffedType.Zip) throw NotDocx(fileName);
        var limits = options.Value.Uploads;
        var package = DocxPackageGuard.Check(content, fileName, limits);
        // A zip without [Content_Types].xml is not an Office file at all (plain archive, .odt, .epub…).
        if (!package.HasContentTypes) throw package.HasWordParts ? Malformed(fileName) : NotDocx(fileName);

        using var stream = new MemoryStream(content, writable: false);
        using var document = Open(stream, fileName, package, limits);
        var main = document.MainDocumentPart ?? throw (package.HasWordParts ? Malformed(fileName) : NotDocx(fileName));
        // The SDK hands a workbook or presentation main part over as the "main document part"; its content type tells.
        if (!IsWordContentType(main.ContentType)) throw NotDocx(fileName);
        try
        {
            var body = main.Document?.Body ?? throw Malformed(fileName);
            return new DocxConverter(main, package.Sizes, limits.MaxImagePixels).Convert(body);
        }
        catch (Exception ex) when (ex is XmlException or OpenXmlPackageException or InvalidDataException)
        {
            // Parts are parsed lazily: broken XML, a DTD or a corrupt entry surfaces here.
            throw Malformed(fileName);
        }
    }

    private static WordprocessingDocument Open(MemoryStream stream, string fileName, DocxPackageInfo package, UploadOptions limits)
    {
        var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = limits.MaxDocxUncompressedBytes };
        try
        {
            return WordprocessingDocument.Open(stream, isEditable: false, settings);
        }
        // The SDK loads every relationship on open; one pointing at a part missing from the zip ends in InvalidOperationException,
        // and System.IO.Packaging rejects a malformed content type in [Content_Types].xml with ArgumentException.
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidOperationException or ArgumentException or XmlException
                                       or InvalidDataException or FileFormatException)
        {
            throw package.HasWordParts ? Malformed(fileName) : NotDocx(fileName);
        }
    }

    /// <summary>.docx, .docm, .dotx and .dotm main parts.</summary>
    private static bool IsWordContentType(string contentType) =>
        contentType.StartsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.", StringComparison.Ordinal)
        || contentType.StartsWith("application/vnd.ms-word.", StringComparison.Ordinal);

    internal static AppException Malformed(string fileName) =>
        new(ProblemKind.Validation, "Docx.Malformed", "document", fileName);

    internal static AppException NotDocx(string fileName) =>
        new(ProblemKind.Validation, "Docx.NotDocx", "document", fileName);
}
