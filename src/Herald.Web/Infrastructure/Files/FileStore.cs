using System.Security.Cryptography;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Files;

public sealed record StoredBlob(string Hash, long Size);

/// <summary>
/// 内容寻址的文件库：{数据目录}/files/ab/cd/{sha256}。相同内容只存一份；写入先到临时文件，
/// 校验大小后原子改名，进程中断不会留下半个文件。
/// </summary>
public sealed class FileStore
{
    private readonly string _root;

    public FileStore(IOptions<HeraldOptions> options)
    {
        _root = Path.Combine(options.Value.ResolveDataDir(), "files");
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));
    }

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var temp = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
        string hash;
        long size = 0;
        try
        {
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        throw new AppException(ProblemKind.TooLarge, "Upload.TooLarge", "file", SizeText.Format(maxBytes));
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathFor(hash);
            if (File.Exists(target))
            {
                File.Delete(temp);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(temp, target, overwrite: true);
            }
            return new StoredBlob(hash, size);
        }
        catch
        {
            if (File.Exists(temp)) File.Delete(temp);
            throw;
        }
    }

    public Task<StoredBlob> SaveAsync(byte[] content, CancellationToken ct = default) =>
        SaveAsync(new MemoryStream(content, writable: false), long.MaxValue, ct);

    public bool Exists(string hash) => IsValidHash(hash) && File.Exists(PathFor(hash));

    public Stream OpenRead(string hash)
    {
        if (!IsValidHash(hash)) throw AppException.NotFound();
        var path = PathFor(hash);
        if (!File.Exists(path)) throw AppException.NotFound();
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>删除不再被引用的文件（调用方负责确认无人引用）。</summary>
    public void Delete(string hash)
    {
        if (!IsValidHash(hash)) return;
        var path = PathFor(hash);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathFor(string hash) => Path.Combine(_root, hash[..2], hash[2..4], hash);

    private static bool IsValidHash(string hash) =>
        hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
