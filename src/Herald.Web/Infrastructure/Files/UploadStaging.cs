using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Files;

/// <summary>
/// 上传的图片与 Word 原件先暂存（存入文件库并登记到本人名下），表单出错重新显示时不丢；
/// 类型按文件内容判断，大小受配置限制。
/// </summary>
public sealed class UploadStaging(HeraldDbContext db, FileStore files, Clock clock, IOptions<HeraldOptions> options)
{
    public const int PhotoKind = 0;
    public const int DocumentKind = 1;
    private const int SniffBytes = 256 * 1024;

    private long MaxBytes => options.Value.Uploads.MaxFileBytes;

    public async Task<StagedUpload> StagePhotoAsync(long userId, IFormFile file, string? caption, CancellationToken ct)
    {
        var name = CleanName(file.FileName, "photo");
        CheckSize(file.Length, name);
        var head = new byte[(int)Math.Min(file.Length, SniffBytes)];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(head, ct);
        var type = ContentSniffer.Sniff(head);
        if (type is not (SniffedType.Jpeg or SniffedType.Png))
            throw AppException.Invalid("photos", "Upload.NotImage", name);
        var size = ImageInfo.ReadChecked(head, type, options.Value.Uploads.MaxImagePixels, "photos", name);
        await using var content = file.OpenReadStream();
        var blob = await files.SaveAsync(content, MaxBytes, ct);
        return await AddAsync(userId, blob, name, ContentSniffer.ContentType(type), size.Width, size.Height, PhotoKind, caption, ct);
    }

    /// <summary>从 Word 中取出的图片。</summary>
    public async Task<StagedUpload> StagePhotoAsync(long userId, byte[] content, string contentType, string fileName,
        string? caption, int width, int height, CancellationToken ct)
    {
        var blob = await files.SaveAsync(content, ct);
        return await AddAsync(userId, blob, fileName, contentType, width, height, PhotoKind, caption, ct);
    }

    /// <summary>暂存 Word 原件并返回其内容（供导入正文）。旧版 .doc/.wps 给出"另存为 .docx"的提示，加了打开密码的给出"取消密码"的提示。</summary>
    public async Task<(StagedUpload Row, byte[] Content)> StageDocumentAsync(long userId, IFormFile file, CancellationToken ct)
    {
        var name = CleanName(file.FileName, "document.docx");
        CheckSize(file.Length, name, "document");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        switch (ContentSniffer.Sniff(content))
        {
            case SniffedType.Zip:
                break;
            case SniffedType.Ole2 when CompoundFile.IsEncryptedPackage(content):
                throw AppException.Invalid("document", "Docx.Encrypted", name);
            case SniffedType.Ole2 or SniffedType.Rtf:
                throw AppException.Invalid("document", "Docx.LegacyFormat", name);
            default:
                throw AppException.Invalid("document", "Docx.NotDocx", name);
        }
        var blob = await files.SaveAsync(content, ct);
        var row = await AddAsync(userId, blob, name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            null, null, DocumentKind, null, ct);
        return (row, content);
    }

    /// <summary>本人暂存的文件；别人的或已不存在的编号报错。</summary>
    public async Task<List<StagedUpload>> LoadAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.StagedUploads.Where(s => s.UserId == userId && ids.Contains(s.Id)).ToListAsync(ct);
        if (rows.Count != ids.Distinct().Count()) throw AppException.Invalid("photos", "Upload.StagedMissing");
        return ids.Select(id => rows.First(r => r.Id == id)).ToList();
    }

    public async Task<byte[]> ReadAsync(StagedUpload row, CancellationToken ct)
    {
        await using var stream = files.OpenRead(row.Hash);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, ct);
        return memory.ToArray();
    }

    private void CheckSize(long length, string name, string field = "photos")
    {
        if (length <= 0) throw AppException.Invalid(field, "Upload.Empty", name);
        if (length > MaxBytes) throw new AppException(ProblemKind.TooLarge, "Upload.FileTooLarge", field, name, SizeText.Format(MaxBytes));
    }

    private async Task<StagedUpload> AddAsync(long userId, StoredBlob blob, string name, string contentType, int? width, int? height,
        int kind, string? caption, CancellationToken ct)
    {
        var row = new StagedUpload
        {
            UserId = userId,
            Hash = blob.Hash,
            FileName = name,
            ContentType = contentType,
            Size = blob.Size,
            Width = width,
            Height = height,
            Kind = kind,
            Caption = caption?.Trim() is { Length: > 0 } c ? c[..Math.Min(c.Length, 200)] : null,
            CreatedAt = clock.UtcNow,
        };
        db.StagedUploads.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    private static string CleanName(string? fileName, string fallback)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0) return fallback;
        return name.Length > 120 ? name[^120..] : name;
    }
}
