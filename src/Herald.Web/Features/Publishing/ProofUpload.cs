using System.Security.Cryptography;
using Herald.Domain.Publishing;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Publishing;

/// <summary>读入并校验过的用稿证明，登记成功后才写入文件库。</summary>
public sealed record CheckedProof(ProofFile File, byte[] Content);

/// <summary>
/// 用稿证明：JPEG/PNG 截图或 PDF，按文件内容判断类型（改了扩展名的可执行文件等一律拒绝），大小受配置限制。
/// 先校验、算出内容散列交给领域对象，登记通过后再存入文件库，被拒绝的登记不留下孤立文件。
/// </summary>
public sealed class ProofUpload(FileStore files, IOptions<PublishingOptions> options, IOptions<HeraldOptions> herald)
{
    public const string Field = "proof";

    public long MaxBytes => options.Value.MaxProofBytes;

    public async Task<CheckedProof?> CheckAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) return null;
        var name = CleanName(file.FileName);
        if (file.Length == 0) throw AppException.Invalid(Field, "Upload.Empty", name);
        if (file.Length > MaxBytes)
            throw new AppException(ProblemKind.TooLarge, "Upload.FileTooLarge", Field, name, SizeText.Format(MaxBytes));
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var type = ContentSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ContentSniffer.HeaderLength)));
        if (type is not (SniffedType.Jpeg or SniffedType.Png or SniffedType.Pdf))
            throw AppException.Invalid(Field, "Proof.NotAllowed", name);
        if (type is SniffedType.Jpeg or SniffedType.Png) ImageInfo.ReadChecked(content, type, herald.Value.Uploads.MaxImagePixels, Field, name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return new CheckedProof(new ProofFile(hash, name, ContentSniffer.ContentType(type), content.Length), content);
    }

    /// <summary>写入内容寻址的文件库（同样内容只存一份）。</summary>
    public async Task StoreAsync(CheckedProof proof, CancellationToken ct)
    {
        var blob = await files.SaveAsync(proof.Content, ct);
        if (blob.Hash != proof.File.Hash) throw new InvalidOperationException("proof hash mismatch");
    }

    private static string CleanName(string? fileName)
    {
        var name = new string(Path.GetFileName(fileName ?? "").Trim().Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0) return "proof";
        return name.Length > 120 ? name[^120..] : name;
    }
}
