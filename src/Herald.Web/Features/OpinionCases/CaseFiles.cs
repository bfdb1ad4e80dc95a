using System.Security.Cryptography;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionCases;

/// <summary>读入并校验过的附件，登记成功后才写入文件库。</summary>
public sealed record CheckedFile(StoredFileRef File, byte[] Content);

/// <summary>
/// 回应与处置的附件：JPEG/PNG 图片（须能读出尺寸）或 PDF，按文件内容判断类型（改了扩展名的可执行文件等一律拒绝），
/// 单个大小受 Herald:Uploads:MaxFileBytes 限制，至多 9 个。先校验，登记成功后再存入文件库。
/// </summary>
public sealed class CaseFiles(FileStore files, IOptions<HeraldOptions> options)
{
    public const string Field = "files";

    public async Task<IReadOnlyList<CheckedFile>> CheckAsync(IReadOnlyList<IFormFile> uploads, CancellationToken ct)
    {
        var real = uploads.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (real.Count > OpinionCaseAttachment.MaxPerEntry)
            throw AppException.Invalid(Field, "OpinionCase.TooManyFiles", OpinionCaseAttachment.MaxPerEntry);
        var result = new List<CheckedFile>();
        foreach (var file in real) result.Add(await CheckOneAsync(file, ct));
        return result;
    }

    public async Task StoreAsync(IEnumerable<CheckedFile> checkedFiles, CancellationToken ct)
    {
        foreach (var f in checkedFiles)
        {
            var blob = await files.SaveAsync(f.Content, ct);
            if (blob.Hash != f.File.Hash) throw new InvalidOperationException("attachment hash mismatch");
        }
    }

    private async Task<CheckedFile> CheckOneAsync(IFormFile file, CancellationToken ct)
    {
        var name = CleanName(file.FileName);
        var max = options.Value.Uploads.MaxFileBytes;
        if (file.Length == 0) throw AppException.Invalid(Field, "Upload.Empty", name);
        if (file.Length > max) throw new AppException(ProblemKind.TooLarge, "Upload.FileTooLarge", Field, name, SizeText.Format(max));
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var type = ContentSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ContentSniffer.HeaderLength)));
        int? width = null, height = null;
        switch (type)
        {
            case SniffedType.Jpeg or SniffedType.Png:
                var size = ImageInfo.ReadChecked(content, type, options.Value.Uploads.MaxImagePixels, Field, name);
                (width, height) = (size.Width, size.Height);
                break;
            case SniffedType.Pdf:
                break;
            default:
                throw AppException.Invalid(Field, "OpinionCase.FileNotAllowed", name);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return new CheckedFile(new StoredFileRef(hash, name, ContentSniffer.ContentType(type), content.Length, width, height), content);
    }

    private static string CleanName(string? fileName)
    {
        var name = new string(Path.GetFileName(fileName ?? "").Trim().Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0) return "file";
        return name.Length > 120 ? name[^120..] : name;
    }
}
