using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 在线备份与恢复（docs/operations.md“备份与恢复”，docs/adr/0025）：
/// backup 用 SQLite 的在线备份接口取数据库的一致快照（Herald 照常运行），再复制文件库（内容寻址，只增不改）和密钥；
/// restore 先校验备份（integrity_check、每个文件的 SHA-256 与文件名一致），数据目录正被运行中的 Herald 使用时拒绝（--force 除外）。
/// </summary>
public static class Backup
{
    private const string LockFile = ".herald.lock";

    /// <summary>运行中的 Herald 对数据目录持有共享锁；restore 要拿排他锁，拿不到就说明有实例在用。</summary>
    public static FileStream HoldDataDir(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        return new FileStream(Path.Combine(dataDir, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
    }

    /// <summary>
    /// backup/restore 只管 SQLite 数据目录；PostgreSQL 上拒绝并指向 pg_dump 与时间点恢复（否则只复制了文件库，
    /// 看上去像备份成功）。返回拒绝的说明，SQLite 上为 null。
    /// </summary>
    public static string? RefusalFor(DatabaseOptions database) =>
        !database.IsPostgres
            ? null
            : "backup、restore 命令只用于 SQLite（Herald:Database:Provider=sqlite）。当前数据库是 PostgreSQL："
              + "请用 pg_dump（逻辑备份）或基础备份加 WAL 归档（时间点恢复）备份数据库，文件库 files/ 另行复制，"
              + "见 docs/operations.md“PostgreSQL · 备份与时间点恢复”。";

    /// <summary>排他锁；数据目录正被运行中的 Herald 使用时返回 null。</summary>
    public static FileStream? TryLockExclusively(string dataDir)
    {
        try
        {
            return new FileStream(Path.Combine(dataDir, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static async Task<int> BackupAsync(string dataDir, string target, TextWriter output)
    {
        var database = Path.Combine(dataDir, "herald.db");
        if (!File.Exists(database)) return Fail(output, $"数据目录里没有数据库：{database}");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()) return Fail(output, $"备份目录不是空的：{target}");
        Directory.CreateDirectory(target);

        // Snapshot first, files after: every file the snapshot refers to was stored before its row committed.
        await using (var source = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(target, "herald.db")};Pooling=False"))
        {
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }
        var files = CopyTree(Path.Combine(dataDir, "files"), Path.Combine(target, "files"), skip: "tmp");
        var keys = CopyTree(Path.Combine(dataDir, "keys"), Path.Combine(target, "keys"), skip: null);
        if (await VerifyAsync(target) is { } problem) return Fail(output, "备份校验失败：" + problem);
        output.WriteLine($"已备份到 {target}：数据库、{files} 个文件、{keys} 个密钥文件。");
        return 0;
    }

    public static async Task<int> RestoreAsync(string source, string dataDir, bool force, TextWriter output)
    {
        if (await VerifyAsync(source) is { } problem) return Fail(output, "备份校验失败，未恢复：" + problem);
        Directory.CreateDirectory(dataDir);
        var exclusive = TryLockExclusively(dataDir);
        if (exclusive is null && !force) return Fail(output, $"数据目录 {dataDir} 正被运行中的 Herald 使用，未恢复。请先停止服务；确需覆盖时加 --force。");
        if (exclusive is null) output.WriteLine("警告：数据目录正被使用，按 --force 覆盖。");
        using (exclusive)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(Path.Combine(dataDir, "herald.db" + suffix));
            var staged = Path.Combine(dataDir, "herald.db.restoring");
            File.Copy(Path.Combine(source, "herald.db"), staged, overwrite: true);
            File.Move(staged, Path.Combine(dataDir, "herald.db"), overwrite: true);
            var files = CopyTree(Path.Combine(source, "files"), Path.Combine(dataDir, "files"), skip: null);
            CopyTree(Path.Combine(source, "keys"), Path.Combine(dataDir, "keys"), skip: null);
            output.WriteLine($"已从 {source} 恢复到 {dataDir}：数据库、{files} 个文件、密钥。");
        }
        return 0;
    }

    /// <summary>备份是否完整：数据库 integrity_check 为 ok，文件库里每个文件的 SHA-256 就是它的文件名。</summary>
    public static async Task<string?> VerifyAsync(string backup)
    {
        var database = Path.Combine(backup, "herald.db");
        if (!File.Exists(database)) return "没有 herald.db";
        await using (var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            if (await check.ExecuteScalarAsync() is not "ok") return "数据库 integrity_check 未通过";
        }
        var files = Path.Combine(backup, "files");
        if (!Directory.Exists(files)) return null;
        foreach (var file in Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories))
        {
            await using var stream = File.OpenRead(file);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
            if (hash != Path.GetFileName(file)) return $"文件 {Path.GetRelativePath(backup, file)} 的内容与名称不符";
        }
        return null;
    }

    private static int CopyTree(string from, string to, string? skip)
    {
        if (!Directory.Exists(from)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip is not null && relative.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }
        return count;
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 1;
    }
}
