using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Data.Move;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Herald.Web.Tests.Data;

/// <summary>
/// export-sqlite-to-postgres：演示数据搬到一个空的 PostgreSQL 库后逐表行数相等、审计哈希链完好、季度报表相同，
/// 在 PostgreSQL 副本上启动的先声能登录、看到同样的稿件列表、照常写入（编号接着源库往下排）；目标不空或源库版本不同则拒绝。
/// </summary>
public sealed class ExportToPostgresTests(ExportToPostgresTests.DemoExport demo) : IClassFixture<ExportToPostgresTests.DemoExport>
{
    private const string Quarter = "/api/v1/reports/units?from=2026-10-01&to=2026-12-31";
    private const string List = "/api/v1/manuscripts?pageSize=100";

    [SkippableFact]
    public void Export_DemoData_CountsEqualTableByTable()
    {
        demo.Require();
        demo.ExitCode.ShouldBe(0, demo.Output);
        demo.TargetCounts.Keys.ShouldBeSubsetOf(demo.SourceCounts.Keys.Append("schema_migrations"));
        foreach (var (table, rows) in demo.TargetCounts) rows.ShouldBe(demo.SourceCounts[table], table);
        demo.SourceCounts.Where(s => s.Value > 0).Select(s => s.Key).ShouldBeSubsetOf(demo.TargetCounts.Keys);
        demo.Output.ShouldContain("逐表核对行数");
        demo.Output.ShouldNotContain("不一致");
        demo.Output.ShouldContain("文件库与密钥原样沿用");
    }

    [SkippableFact]
    public async Task Export_DemoData_AuditChainVerifiesOnPostgres()
    {
        demo.Require();
        demo.Output.ShouldContain($"审计哈希链完好：验证 {demo.SourceCounts["audit_entries"]:N0} 条");
        await using var db = demo.Target.Context();
        var chain = await AuditChainStore.VerifyAsync(db);
        chain.FirstBreak.ShouldBeNull();
        chain.Checked.ShouldBeGreaterThanOrEqualTo(demo.SourceCounts["audit_entries"]);
    }

    [SkippableFact]
    public async Task HostOnPostgresCopy_QuarterlyReportAndManuscriptList_SameAsSqlite()
    {
        demo.Require();
        var (sqlite, pg) = await demo.HostsAsync();
        foreach (var user in new[] { "office", "officer" })
        {
            using var sqliteApi = await sqlite.ApiClientAsync(user);
            using var pgApi = await pg.ApiClientAsync(user);
            foreach (var url in new[] { Quarter, List })
            {
                // PostgreSQL keeps microseconds: times written on SQLite lose their 100-ns digit in the move.
                var onSqlite = Regex.Replace(await sqliteApi.GetStringAsync(url), @"(T\d\d:\d\d:\d\d\.\d{6})\d(Z)", "$1$2");
                var onPg = await pgApi.GetStringAsync(url);
                // Same values; a decimal may carry another scale on PostgreSQL (numeric(…, 2): -11.00 for -11.0).
                JsonElement.DeepEquals(JsonDocument.Parse(onPg).RootElement, JsonDocument.Parse(onSqlite).RootElement)
                    .ShouldBeTrue($"{user} {url}\npostgres: {onPg}\nsqlite:   {onSqlite}");
            }
        }
        using var session = new WebSession(pg.Client(cookies: true));
        var signIn = await session.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "officer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (page, document) = await session.GetPageAsync("/manuscripts");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Body!.TextContent.ShouldContain(DemoExport.Title);
    }

    [SkippableFact]
    public async Task HostOnPostgresCopy_NewRows_TakeIdsAfterTheCopiedOnes()
    {
        demo.Require();
        // Its own export of the spare copy: new rows on the shared copy would change what the comparison test compares.
        using var target = ExportDatabases.Create();
        var exported = new StringWriter();
        (await ExportToPostgres.RunAsync(demo.SpareDir, target.ConnectionString, exported)).ShouldBe(0, exported.ToString());
        await using var pg = await HeraldProcess.StartAsync(demo.SpareDir, new Dictionary<string, string>
        {
            ["Herald__Database__Provider"] = "postgres",
            ["Herald__Database__ConnectionString"] = target.ConnectionString,
        });
        long maxManuscript, maxAudit;
        await using (var db = target.Context())
        {
            maxManuscript = db.Manuscripts.Max(m => m.Id);
            maxAudit = db.AuditEntries.Max(a => a.Id);
        }
        using var officer = await pg.ApiClientAsync("officer");
        var created = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = "迁到 PostgreSQL 后的第一篇" });
        created.Status.ShouldBe(HttpStatusCode.Created, $"body: {created.Json}");
        created.Id.ShouldBe(maxManuscript + 1);
        await using (var db = target.Context())
        {
            db.AuditEntries.Max(a => a.Id).ShouldBeGreaterThan(maxAudit);
            (await AuditChainStore.VerifyAsync(db)).FirstBreak.ShouldBeNull();
        }
    }

    [SkippableFact]
    public async Task ExportCommand_NonEmptyTarget_RefusedAndUntouched()
    {
        demo.Require();
        var before = ExportDatabases.PostgresCounts(demo.Target.ConnectionString);
        var (exitCode, output) = await HeraldProcess.RunCommandAsync(demo.SpareDir, "export-sqlite-to-postgres", "--from", demo.SpareDir, "--to", demo.Target.ConnectionString);
        exitCode.ShouldBe(1, output);
        output.ShouldContain("不是空的");
        ExportDatabases.PostgresCounts(demo.Target.ConnectionString).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Export_SourceSchemaOlder_RefusedNamingTheMissingVersion()
    {
        demo.Require();
        var old = Path.Combine(demo.Root, "old");
        Directory.CreateDirectory(old);
        File.Copy(Path.Combine(demo.SpareDir, "herald.db"), Path.Combine(old, "herald.db"));
        var latest = MigrationRunner.Scripts("sqlite")[^1].Version;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(old, "herald.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DELETE FROM schema_migrations WHERE version = '{latest}'";
            await cmd.ExecuteNonQueryAsync();
        }
        using var target = ExportDatabases.Create();
        var output = new StringWriter();
        (await ExportToPostgres.RunAsync(old, target.ConnectionString, output)).ShouldBe(1, output.ToString());
        output.ToString().ShouldContain("缺迁移 " + latest);
        ExportDatabases.PostgresCounts(target.ConnectionString).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task DataGenOnPostgres_SmallProvince_CountsEqualTableByTable()
    {
        demo.Require();
        var dir = Path.Combine(demo.Root, "generated");
        using var target = ExportDatabases.Create();
        var exit = await Herald.DataGen.DataGenProgram.Main(["--data-dir", dir, "--manuscripts", "3000", "--opinion-items", "3000",
            "--anchor", "2026-11-20", "--provider", "postgres", "--connection", target.ConnectionString]);
        exit.ShouldBe(0);
        var source = ExportDatabases.SqliteCounts(dir);
        var copied = ExportDatabases.PostgresCounts(target.ConnectionString);
        foreach (var (table, rows) in copied) rows.ShouldBe(source[table], table);
        (copied["units"], copied["manuscripts"], copied["opinion_items"]).ShouldBe((5000L, 3000L, 3000L));
        copied["adoptions"].ShouldBeGreaterThan(0);
    }

    /// <summary>
    /// 一个演示数据的先声（SQLite，子进程）：报送过稿件、登录过，运行中取两份在线备份，一份导出到新库（源），一份留给拒绝的测试。
    /// 之后的先声也是子进程：EF 的编译查询绑定第一个用到它的模型，SQLite 与 PostgreSQL 的先声不能在同一进程里。
    /// </summary>
    public sealed class DemoExport : IAsyncLifetime
    {
        public const string Title = "搬家之前报送的稿件";
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "herald-tests", "export-" + Guid.NewGuid().ToString("N"));
        public string SourceDir => Path.Combine(Root, "source");
        public string SpareDir => Path.Combine(Root, "spare");
        public ExportDatabases.Database Target { get; private set; } = default!;
        public int ExitCode { get; private set; }
        public string Output { get; private set; } = "";
        public Dictionary<string, long> SourceCounts { get; private set; } = new();
        public Dictionary<string, long> TargetCounts { get; private set; } = new();
        private HeraldProcess? _sqlite, _pg;

        public void Require() => ExportDatabases.RequireServer();

        public async Task InitializeAsync()
        {
            if (TestPostgres.Server is null) return;
            var live = Path.Combine(Root, "live");
            await using (var herald = await HeraldProcess.StartAsync(live))
            {
                using var officer = await herald.ApiClientAsync("officer");
                var created = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = Title });
                created.Status.ShouldBe(HttpStatusCode.Created, $"body: {created.Json}");
                using var office = await herald.ApiClientAsync("office");
                (await Backup.BackupAsync(live, SourceDir, TextWriter.Null)).ShouldBe(0);
                (await Backup.BackupAsync(live, SpareDir, TextWriter.Null)).ShouldBe(0);
            }
            Target = ExportDatabases.Create();
            var output = new StringWriter();
            ExitCode = await ExportToPostgres.RunAsync(SourceDir, Target.ConnectionString, output);
            Output = output.ToString();
            SourceCounts = ExportDatabases.SqliteCounts(SourceDir);
            TargetCounts = ExportDatabases.PostgresCounts(Target.ConnectionString);
        }

        /// <summary>同一数据目录（文件库、密钥）上的两个先声：一个用源 SQLite 库，一个用导出的 PostgreSQL 库。</summary>
        public async Task<(HeraldProcess Sqlite, HeraldProcess Postgres)> HostsAsync()
        {
            if (_sqlite is null)
            {
                var sqlite = HeraldProcess.StartAsync(SourceDir);
                var pg = HeraldProcess.StartAsync(SourceDir, new Dictionary<string, string>
                {
                    ["Herald__Database__Provider"] = "postgres",
                    ["Herald__Database__ConnectionString"] = Target.ConnectionString,
                });
                (_sqlite, _pg) = (await sqlite, await pg);
            }
            return (_sqlite, _pg!);
        }

        public async Task DisposeAsync()
        {
            if (_sqlite is not null) await _sqlite.DisposeAsync();
            if (_pg is not null) await _pg.DisposeAsync();
            Target?.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }
}
