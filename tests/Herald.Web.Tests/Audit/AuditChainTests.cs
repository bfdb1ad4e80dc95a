using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Audit;

/// <summary>
/// 议题 9 第 10 项：审计记录的哈希链。拷一份库、用普通 SQL 改一条记录的说明，verify-audit 命令（子进程）和审计管理员的
/// 完整性页面都能查出来并指出那一条；并发写入不让链分叉。
/// </summary>
public sealed class AuditChainTests(HeraldFactory factory) : IClassFixture<HeraldFactory>, IDisposable
{
    private readonly string _copies = Path.Combine(Path.GetTempPath(), "herald-audit-copies", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task IntegrityApi_UntouchedLog_IntactWithHeadHashAndVerificationAudited()
    {
        using var auditor = await factory.ApiClientAsync("auditor");

        var json = await (await auditor.GetAsync("/api/v1/audit/integrity")).ReadJsonAsync();

        json.Bool("intact").ShouldBeTrue();
        json.Long("checked").ShouldBeGreaterThan(0);
        json.Str("headHash").Length.ShouldBe(64);
        json.IsNull("brokenAt").ShouldBeTrue();
        (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "audit.verify" && a.UserName == "auditor"))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("admin")]
    public async Task IntegrityPage_NotAnAuditor_Forbidden(string userName)
    {
        using var session = await factory.SignInAsync(userName);

        (await session.Client.GetAsync("/audit/integrity")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ConcurrentWriters_ChainDoesNotFork()
    {
        var before = await factory.QueryAsync(db => db.AuditEntries.CountAsync());

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => factory.ApiClientAsync("officer")));

        (await factory.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBeGreaterThanOrEqualTo(before + 24);
        var hashes = await factory.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Id, a.PreviousHash, a.Hash }).ToListAsync());
        hashes.Select(h => h.PreviousHash).Where(p => p is not null).ShouldBeUnique();
        for (var i = 1; i < hashes.Count; i++)
            (hashes[i].Id, hashes[i].PreviousHash).ShouldBe((hashes[i - 1].Id + 1, hashes[i - 1].Hash));
        using var auditor = await factory.ApiClientAsync("auditor");
        (await (await auditor.GetAsync("/api/v1/audit/integrity")).ReadJsonAsync()).Bool("intact").ShouldBeTrue();
    }

    [Trait("Category", TestPostgres.SqliteOnly)]
    [Fact]
    public async Task VerifyCommand_CopyWithOneDetailEditedBySql_ExitsNonZeroNamingTheRow()
    {
        using (await factory.SignInAsync("officer")) { }
        var clean = Copy("clean");
        var tampered = Copy("tampered");
        var target = Tamper(tampered);

        var intact = await RunVerifyAsync(clean);
        var broken = await RunVerifyAsync(tampered);

        intact.ExitCode.ShouldBe(0, intact.Output);
        intact.Output.ShouldContain("审计日志完整");
        broken.ExitCode.ShouldBe(1, broken.Output);
        broken.Output.ShouldContain($"第一处断裂在编号 {target} 的记录（内容与哈希不符，记录被改动过）");
    }

    [Fact]
    public async Task IntegrityPage_RowEditedBySql_ShowsWhereTheChainBreaks()
    {
        using var own = new HeraldFactory();
        foreach (var name in new[] { "officer", "head", "office" })
            using (await own.SignInAsync(name)) { }
        var target = await TamperAsync(own);
        using var auditor = await own.SignInAsync("auditor");

        var (response, page) = await auditor.GetPageAsync("/audit/integrity");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=audit-chain-intact]").ShouldBeNull();
        var alert = page.QuerySelector("[data-testid=audit-chain-broken]")!;
        alert.GetAttribute("data-broken-at").ShouldBe(target.ToString());
        alert.TextContent.ShouldContain($"第一处断裂在编号 {target} 的记录");
    }

    [Trait("Category", TestPostgres.SqliteOnly)]
    [Fact]
    public async Task VerifyCommand_DatabaseFromBeforeTheChain_SealedOnceThenIntact()
    {
        var legacy = Copy("legacy");
        // 模拟升级前的库：记录没有哈希，也没有"链已开始"的标记。
        Execute(legacy, "DROP TRIGGER trg_audit_entries_no_update; UPDATE audit_entries SET previous_hash = NULL, hash = NULL; " +
                        "DELETE FROM app_settings WHERE key = 'audit.chain.started';");

        var first = await RunVerifyAsync(legacy);
        Execute(legacy, "UPDATE audit_entries SET hash = NULL WHERE id = 2;");
        var cleared = await RunVerifyAsync(legacy);

        first.ExitCode.ShouldBe(0, first.Output);
        cleared.ExitCode.ShouldBe(1, cleared.Output);
        cleared.Output.ShouldContain("第一处断裂在编号 2 的记录（没有哈希，哈希被清除了）");
    }

    private static void Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>用 SQLite 的在线备份拷一份库（含 WAL 里的内容）。</summary>
    private string Copy(string name)
    {
        var dir = Path.Combine(_copies, name);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "herald.db");
        using var source = new SqliteConnection($"Data Source={Path.Combine(factory.DataDir, "herald.db")};Pooling=False");
        using var target = new SqliteConnection($"Data Source={path};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return path;
    }

    /// <summary>像绕过应用的人那样：删掉只追加的触发器，直接改第三条记录的说明。返回被改的编号。</summary>
    private static Task<long> TamperAsync(HeraldFactory app) => app.QueryAsync(async db =>
    {
        var id = await db.AuditEntries.OrderBy(a => a.Id).Skip(2).Select(a => a.Id).FirstAsync();
        // 两种数据库上删触发器的写法不同（PostgreSQL 要写表名），改记录的一样。
        await db.Database.ExecuteSqlRawAsync(app.PostgresConnectionString is null
            ? "DROP TRIGGER trg_audit_entries_no_update"
            : "DROP TRIGGER trg_audit_entries_no_update ON audit_entries");
        await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'nothing happened' WHERE id = {0}", id);
        return id;
    });

    /// <summary>同上，在 SQLite 库的副本上（verify-audit 命令的测试）。</summary>
    private static long Tamper(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id FROM audit_entries ORDER BY id LIMIT 1 OFFSET 2";
        var id = (long)select.ExecuteScalar()!;
        using var update = connection.CreateCommand();
        update.CommandText = "DROP TRIGGER trg_audit_entries_no_update; UPDATE audit_entries SET detail = 'nothing happened' WHERE id = $id";
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
        return id;
    }

    private static Task<(int ExitCode, string Output)> RunVerifyAsync(string databasePath) =>
        HeraldCommand.RunAsync(Path.GetDirectoryName(databasePath)!, "verify-audit");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_copies))
        {
            try { Directory.Delete(_copies, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }
}
