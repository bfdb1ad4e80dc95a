using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Data;

/// <summary>
/// 存储写不进去（数据库文件、数据目录、文件库被设为不可改）：写入答 503 和中文说明，进程不退出（以前 SQLite 写内存映射的
/// herald.db-shm 时进程被 SIGBUS 杀掉），什么都没写进去；/healthz 答 503 并说出哪一部分不行；恢复后一切照常。
/// 在单独的 Herald 进程里做，万一进程被杀，测试进程还在。
/// </summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class StorageFailureTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "herald-tests", "storage-" + Guid.NewGuid().ToString("N"));
    private HeraldProcess _herald = null!;

    public async Task InitializeAsync() => _herald = await HeraldProcess.StartAsync(_dataDir);

    public async Task DisposeAsync()
    {
        await _herald.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
    }

    private string Db(string suffix = "") => Path.Combine(_dataDir, "herald.db" + suffix);

    [SkippableFact]
    public async Task Write_DatabaseAndDataDirImmutable_Answers503KeepsRunningAndHealthzNamesThem()
    {
        using var officer = await _herald.ApiClientAsync("officer");
        (await HealthAsync()).Status.ShouldBe(HttpStatusCode.OK);

        using (WriteBlock.Apply(Db(), Db("-wal"), Db("-shm"), _dataDir))
        {
            var refused = await ManuscriptApi.PostAsync(officer, Form("只读时报送的稿件"));
            await refused.Response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "Storage.Unavailable",
                "数据库当前无法写入（磁盘只读、已满或文件被锁定），本次操作没有保存。请稍后再试，并通知系统管理员。");
            refused.Response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));

            var health = await HealthAsync();
            health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            health.Json.GetProperty("failing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["dataDir", "database"], ignoreOrder: true);
            health.Json.GetProperty("checks").GetProperty("database").Str("status").ShouldBe("unwritable");

            // Reads share the mapped -shm, so they are refused too (503, not 500), and the process is still there.
            await (await officer.GetAsync("/api/v1/manuscripts?mine=true")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "Storage.Unavailable");
            await Task.Delay(1000);
            _herald.HasExited.ShouldBeFalse(_herald.Output);
        }

        (await HealthAsync()).Status.ShouldBe(HttpStatusCode.OK);
        (await ManuscriptApi.PostAsync(officer, Form("恢复后报送的稿件"))).Status.ShouldBe(HttpStatusCode.Created);
        var titles = await MyTitlesAsync(officer);
        titles.ShouldContain("恢复后报送的稿件");
        titles.ShouldNotContain("只读时报送的稿件");
    }

    [SkippableFact]
    public async Task SignInPage_DatabaseImmutable_Answers503PageInChinese()
    {
        using var browser = new WebSession(_herald.Client(cookies: true));
        var token = await browser.TokenAsync("/signin");
        using (WriteBlock.Apply(Db(), Db("-wal"), Db("-shm")))
        {
            var response = await browser.Client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "officer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
            (await response.Content.ReadAsStringAsync()).ShouldContain("数据库当前无法写入");
            _herald.HasExited.ShouldBeFalse(_herald.Output);
        }
    }

    [SkippableFact]
    public async Task Upload_FileStoreImmutable_Answers503SavesNothingAndHealthzNamesFiles()
    {
        using var officer = await _herald.ApiClientAsync("officer");
        var files = Path.Combine(_dataDir, "files");
        using (WriteBlock.Apply([files, .. Directory.GetDirectories(files, "*", SearchOption.AllDirectories)]))
        {
            var refused = await ManuscriptApi.PostAsync(officer, Form("文件库只读时报送的稿件").WithPhoto("现场.png", "活动现场", shade: 77));
            await refused.Response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "Storage.FilesUnavailable",
                "文件库当前无法写入（磁盘只读、已满或权限不足），本次操作没有保存。请稍后再试，并通知系统管理员。");

            var health = await HealthAsync();
            health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            health.Json.GetProperty("failing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["files"]);
            _herald.HasExited.ShouldBeFalse(_herald.Output);
        }

        (await HealthAsync()).Status.ShouldBe(HttpStatusCode.OK);
        (await MyTitlesAsync(officer)).ShouldNotContain("文件库只读时报送的稿件");
        (await ManuscriptApi.PostAsync(officer, Form("文件库恢复后报送的稿件").WithPhoto("现场.png", "活动现场", shade: 77)))
            .Status.ShouldBe(HttpStatusCode.Created);
    }

    private static ManuscriptForm Form(string title) => new()
    {
        Title = title,
        EventDate = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync()
    {
        using var client = _herald.Client();
        var response = await client.GetAsync("/healthz");
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    private static async Task<List<string>> MyTitlesAsync(HttpClient client)
    {
        var json = await (await client.GetAsync("/api/v1/manuscripts?mine=true&pageSize=100")).ReadJsonAsync();
        return json.GetProperty("items").EnumerateArray().Select(i => i.Str("title")).ToList();
    }
}
