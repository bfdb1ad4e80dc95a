using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Web.Tests.Data;

/// <summary>
/// 已确认的就不丢：一个真的 Herald 进程在连续报送（带图片）中被 SIGKILL，重启后每一篇答过 201 的稿件和它的图片都在，
/// 数据库 integrity_check 为 ok。
/// </summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class DurabilityTests : IAsyncLifetime
{
    private const int Writers = 4;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "herald-tests", "durability-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Submissions_ProcessKilledMidBurst_EveryAcknowledgedOneAndItsPhotoSurviveRestart()
    {
        var acknowledged = new ConcurrentBag<(long Id, string Title, byte[] Photo)>();
        var attempted = 0;
        await using (var herald = await HeraldProcess.StartAsync(_dataDir))
        {
            using var officer = await herald.ApiClientAsync("officer");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var title = $"连续报送{w}-{n}";
                    // Distinct bytes per submission (zero padding after the PNG), so every one stores its own file.
                    var png = TestImages.Png(6, 4, seed: (byte)w);
                    var photo = TestFiles.PaddedTo(png, png.Length + 1 + n + w * 1000);
                    var form = new ManuscriptForm { Title = title, EventDate = Today() };
                    form.Photos.Add(new Upload(photo, $"图{n}.png", "image/png", "现场"));
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        var result = await ManuscriptApi.PostAsync(officer, form);
                        if (result.Status == HttpStatusCode.Created)
                            acknowledged.Add((result.Id, title, photo));
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();

            // Kill while the writers are still sending: some requests are in flight and never answered.
            var watch = Stopwatch.StartNew();
            while (acknowledged.Count < 40 && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
            await herald.KillAsync();
            await Task.WhenAll(writers);
            stop.Cancel();
        }

        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40);
        attempted.ShouldBeGreaterThan(acknowledged.Count); // at least one request was cut off by the kill

        await using var restarted = await HeraldProcess.StartAsync(_dataDir);
        using var client = await restarted.ApiClientAsync("officer");
        foreach (var (id, title, photo) in acknowledged)
        {
            var detail = await ManuscriptApi.GetOkAsync(client, id);
            detail.Str("title").ShouldBe(title);
            var url = detail.GetProperty("photos")[0].Str("url");
            (await client.GetByteArrayAsync(url)).ShouldBe(photo, $"photo of {title}");
        }
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "herald.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        (await check.ExecuteScalarAsync()).ShouldBe("ok");
    }

    private static string Today() => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
