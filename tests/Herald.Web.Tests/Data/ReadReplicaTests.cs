using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Data;

/// <summary>
/// 读备库（docs/adr/0033）：Herald 的 ConnectionString 指向真实的主库、ReadConnectionString 指向 pg_basebackup -R 建的流复制备库。
/// 暂停备库的重放后在主库上报送一篇稿件：详情（读自己刚写的）和新签发的令牌立即可用，稿件列表、导出和统计报表（读备库）还看不到；
/// 恢复重放后它们在截止时间内追上。
/// </summary>
public sealed class ReadReplicaTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private const string Title = "备库测试：社区开展冬季消防安全检查";
    private const string Quarter = "/api/v1/reports/units?from=2026-10-01&to=2026-12-31";

    /// <param name="multiHost">读库写成多主机连接串（备库、主库）加 Target Session Attributes=prefer-standby，而不是只写备库。</param>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReportsAndListsOnStandby_ReplayPaused_ShowOldDataWhileWritesReadTheirOwn(bool multiHost)
    {
        // 本测试另起一主一备两个集群，不用测试服务器上的库：只在 PostgreSQL 那一遍跑一次，SQLite 那一遍跳过。
        Skip.IfNot(TestPostgres.IsProvider && TestPostgres.Server is not null,
            "在 PostgreSQL 那一遍运行（HERALD_TEST_PROVIDER=postgres 且设了 HERALD_TEST_POSTGRES；./scripts/test 会设置）");
        await using var pair = await ReplicaPair.StartAsync();
        (await pair.StandbyInRecoveryAsync()).ShouldBeTrue("第二个集群应当是热备");
        await using var herald = new HeraldFactory();
        herald.Settings["Herald:Database:Provider"] = "postgres";
        herald.Settings["Herald:Database:ConnectionString"] = pair.PrimaryConnectionString;
        herald.Settings["Herald:Database:ReadConnectionString"] = multiHost
            ? $"Host=127.0.0.1:{pair.StandbyPort},127.0.0.1:{pair.PrimaryPort};Username=postgres;Database={pair.Database};Target Session Attributes=prefer-standby"
            : pair.StandbyConnectionString;

        using var officer = await herald.ApiClientAsync("officer");
        using var office = await herald.ApiClientAsync("office");
        await pair.WaitForStandbyAsync(Deadline);
        var submittedBefore = await SubmittedAsync(office);
        (await ListedAsync(officer)).ShouldBe(0);

        await pair.PauseReplayAsync(Deadline);
        var id = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = Title })).GetProperty("id").GetInt64();

        // 主库：详情立即可见；暂停期间新签发的令牌能用（登录、令牌、权限都不读备库）。
        (await ManuscriptApi.GetOkAsync(officer, id)).GetProperty("title").GetString().ShouldBe(Title);
        using var head = await herald.ApiClientAsync("head");
        (await ManuscriptApi.GetAsync(head, id)).Status.ShouldBe(HttpStatusCode.OK);
        // 写后跳转来的列表页（地址带 notice）读主库，看得到；同一列表页不带 notice 时读备库，还没有。
        using var page = await herald.SignInAsync("officer");
        var row = $"data-id=\"{id}\"";
        (await page.Client.GetStringAsync("/manuscripts?q=" + Uri.EscapeDataString(Title) + "&notice=submitted")).ShouldContain(row);
        (await page.Client.GetStringAsync("/manuscripts?q=" + Uri.EscapeDataString(Title))).ShouldNotContain(row);
        // 备库：列表、导出、报表还停在暂停之前。
        (await ListedAsync(officer)).ShouldBe(0);
        (await ExportedSheet.GetAsync(officer, "/api/v1/manuscripts/export.xlsx?q=" + Uri.EscapeDataString(Title))).Data.ShouldBeEmpty();
        (await SubmittedAsync(office)).ShouldBe(submittedBefore);

        await pair.ResumeReplayAsync();
        await ReplicaPair.PollAsync(async () => await ListedAsync(officer) == 1, Deadline, "恢复重放后列表没有追上");
        await ReplicaPair.PollAsync(async () => await SubmittedAsync(office) == submittedBefore + 1, Deadline, "恢复重放后报表没有追上");
        (await ExportedSheet.GetAsync(officer, "/api/v1/manuscripts/export.xlsx?q=" + Uri.EscapeDataString(Title))).Data.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ReadConnectionString_OnSqlite_RefusedAtStart()
    {
        await using var herald = new HeraldFactory();
        herald.Settings["Herald:Database:Provider"] = "sqlite";
        herald.Settings["Herald:Database:ReadConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=herald";

        var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => herald.CreateClient());

        failure.Message.ShouldContain("只用于 PostgreSQL");
    }

    private static async Task<int> ListedAsync(HttpClient client)
    {
        var json = await client.GetFromJsonOkAsync("/api/v1/manuscripts?q=" + Uri.EscapeDataString(Title));
        return json.GetProperty("total").GetInt32();
    }

    private static async Task<int> SubmittedAsync(HttpClient client) =>
        (await client.GetFromJsonOkAsync(Quarter)).GetProperty("totals").GetProperty("submitted").GetInt32();
}

internal static class ReplicaHttp
{
    public static async Task<JsonElement> GetFromJsonOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {json}");
        return json;
    }
}
