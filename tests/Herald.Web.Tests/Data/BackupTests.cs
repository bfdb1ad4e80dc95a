using System.Net;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Web.Tests.Data;

/// <summary>
/// 在线备份与恢复：Herald 运行时 backup 得到一致的备份；restore 拒绝覆盖运行中实例的数据；恢复到新目录后数据和文件与原来一致。
/// </summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class BackupTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "herald-tests", "backup-" + Guid.NewGuid().ToString("N"));
    private string Source => Path.Combine(_root, "source");
    private string Copy => Path.Combine(_root, "backup");
    private string Restored => Path.Combine(_root, "restored");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BackupWhileRunning_RestoreElsewhere_DataAndFilesIdentical()
    {
        var photo = TestImages.Png(7, 5, seed: 99);
        long id;
        await using (var herald = await HeraldProcess.StartAsync(Source))
        {
            using var officer = await herald.ApiClientAsync("officer");
            var form = new ManuscriptForm { Title = "备份前报送的稿件", EventDate = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            form.Photos.Add(new Upload(photo, "现场.png", "image/png", "活动现场"));
            var submitted = await ManuscriptApi.PostAsync(officer, form);
            submitted.Status.ShouldBe(HttpStatusCode.Created, $"body: {submitted.Json}");
            id = submitted.Id;

            var backup = await HeraldProcess.RunCommandAsync(Source, "backup", Copy);
            backup.ExitCode.ShouldBe(0, backup.Output);

            var overwrite = await HeraldProcess.RunCommandAsync(Source, "restore", Copy);
            overwrite.ExitCode.ShouldBe(1, overwrite.Output);
            overwrite.Output.ShouldContain("正被运行中的 Herald 使用");
        }

        var restore = await HeraldProcess.RunCommandAsync(Restored, "restore", Copy);
        restore.ExitCode.ShouldBe(0, restore.Output);
        Files(Restored).ShouldBe(Files(Source));
        (await TablesAsync(Restored)).ShouldBe(await TablesAsync(Source));

        await using var restored = await HeraldProcess.StartAsync(Restored);
        using var client = await restored.ApiClientAsync("officer");
        var detail = await ManuscriptApi.GetOkAsync(client, id);
        detail.Str("title").ShouldBe("备份前报送的稿件");
        (await client.GetByteArrayAsync(detail.GetProperty("photos")[0].Str("url"))).ShouldBe(photo);
    }

    [Fact]
    public async Task Restore_CorruptedFileInBackup_RefusedAndNothingWritten()
    {
        await using (var herald = await HeraldProcess.StartAsync(Source))
        {
            using var officer = await herald.ApiClientAsync("officer");
            var form = new ManuscriptForm { Title = "带图片的稿件", EventDate = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
            form.Photos.Add(new Upload(TestImages.Png(5, 5, seed: 3), "图.png", "image/png", "说明"));
            (await ManuscriptApi.PostAsync(officer, form)).Status.ShouldBe(HttpStatusCode.Created);
            (await HeraldProcess.RunCommandAsync(Source, "backup", Copy)).ExitCode.ShouldBe(0);
        }
        var file = Directory.EnumerateFiles(Path.Combine(Copy, "files"), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(file, "被改过");

        var restore = await HeraldProcess.RunCommandAsync(Restored, "restore", Copy);

        restore.ExitCode.ShouldBe(1, restore.Output);
        restore.Output.ShouldContain("内容与名称不符");
        File.Exists(Path.Combine(Restored, "herald.db")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    public async Task BackupCommand_OnPostgres_RefusedWithPgDumpAdviceAndNothingWritten(string command)
    {
        // 拒绝发生在连接数据库之前：不需要 PostgreSQL 服务器。
        var postgres = new Dictionary<string, string>
        {
            ["Herald__Database__Provider"] = "postgres",
            ["Herald__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=herald",
        };

        var result = await HeraldProcess.RunCommandAsync(Source, postgres, command, Copy);

        result.ExitCode.ShouldBe(2, result.Output);
        result.Output.ShouldContain("只用于 SQLite");
        result.Output.ShouldContain("pg_dump");
        Directory.Exists(Copy).ShouldBeFalse();
        File.Exists(Path.Combine(Source, "herald.db")).ShouldBeFalse();
    }

    /// <summary>文件库里的文件（相对路径 → 内容的 SHA-256），不含临时目录。</summary>
    private static Dictionary<string, string> Files(string dataDir) =>
        Directory.EnumerateFiles(Path.Combine(dataDir, "files"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(dataDir, "files"), f))
            .Where(f => !f.StartsWith("tmp", StringComparison.Ordinal))
            .ToDictionary(f => f, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(dataDir, "files", f)))));

    /// <summary>每张表全部内容的摘要（源数据目录的进程已被结束，它的 WAL 在这里打开时并入）。</summary>
    private static async Task<Dictionary<string, string>> TablesAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "herald.db")};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var digests = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            var rows = new List<string>();
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i =>
                    reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            // Sorted in memory: some tables are WITHOUT ROWID.
            rows.Sort(StringComparer.Ordinal);
            digests[table] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        }
        return digests;
    }
}
