using System.Security.Cryptography;
using Herald.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Files;

public sealed record StoredBlob(string Hash, long Size);

/// <summary>
/// 内容寻址的文件库：{数据目录}/files/ab/cd/{sha256}。相同内容只存一份；写入先到临时文件，
/// 校验大小后原子改名，进程中断不会留下半个文件。文件和改名在返回前都已 fsync 到盘上，所以引用它的记录提交时文件一定在
/// （确认了的就在盘上）；文件 0600、目录 0700（<see cref="PrivateFiles"/>）。
/// 每次保存（包括内容已存在时）把文件的修改时间记为现在：这是一份"租约"，保存之后、引用它的记录提交之前，
/// 清理不会删除它（<see cref="DeleteUnlessLeased"/>，ADR 0018）。
/// </summary>
public sealed class FileStore
{
    /// <summary>保存到引用它的记录提交之间最长的间隔（一个请求）；留足余量。</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(6);

    private readonly string _root;
    private readonly TimeProvider _time;
    // Saving (exists-or-move, lease) and deleting (lease check, delete) must not interleave.
    private readonly Lock _gate = new();

    public FileStore(IOptions<HeraldOptions> options, TimeProvider time)
    {
        _root = Path.Combine(options.Value.ResolveDataDir(), "files");
        _time = time;
        PrivateFiles.Directory(_root);
        PrivateFiles.Directory(Path.Combine(_root, "tmp"));
    }

    public async Task<StoredBlob> SaveAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        var temp = Path.Combine(_root, "tmp", Guid.NewGuid().ToString("N"));
        string hash;
        long size = 0;
        try
        {
            var create = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = PrivateFiles.FileMode;
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, create))
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
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            var target = PathFor(hash);
            var directory = Path.GetDirectoryName(target)!;
            lock (_gate)
            {
                if (File.Exists(target))
                {
                    File.Delete(temp);
                }
                else
                {
                    var newDirectory = !Directory.Exists(directory);
                    if (newDirectory) PrivateFiles.Directory(directory);
                    File.Move(temp, target, overwrite: true);
                    // Inside the gate: whoever finds the file existing may rely on its name being on disk already.
                    PrivateFiles.SyncDirectory(directory);
                    if (newDirectory)
                    {
                        PrivateFiles.SyncDirectory(Path.GetDirectoryName(directory)!);
                        PrivateFiles.SyncDirectory(_root);
                    }
                }
                File.SetLastWriteTimeUtc(target, _time.GetUtcNow().UtcDateTime);
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

    /// <summary>
    /// 删除文件，除非它在租约期内被保存过（那次保存的记录可能还没提交）。调用方在数据库写事务里确认了没有记录引用它
    /// （<see cref="StoredFileReferences"/>）。返回是否删除了。
    /// </summary>
    public bool DeleteUnlessLeased(string hash)
    {
        if (!IsValidHash(hash)) return false;
        var path = PathFor(hash);
        lock (_gate)
        {
            if (!File.Exists(path)) return false;
            if (File.GetLastWriteTimeUtc(path) > _time.GetUtcNow().UtcDateTime - Lease) return false;
            File.Delete(path);
            return true;
        }
    }

    private string PathFor(string hash) => Path.Combine(_root, hash[..2], hash[2..4], hash);

    private static bool IsValidHash(string hash) =>
        hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
