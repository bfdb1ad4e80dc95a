using System.Net;
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

    [SkippableFact]
    public async Task Export_DemoData_CountsEqualTableByTable()
    {
        demo.Require();
        demo.ExitCode.ShouldBe(0, demo.Output);
        var source = ExportDatabases.SqliteCounts(demo.SourceDir);
        var target = ExportDatabases.PostgresCounts(demo.Target.ConnectionString);
        target.Keys.ShouldBeSubsetOf(source.Keys.Append("schema_migrations"));
        foreach (var (table, rows) in target) rows.ShouldBe(source[table], table);
        source.Where(s => s.Value > 0).Select(s => s.Key).ShouldBeSubsetOf(target.Keys);
        demo.Output.ShouldContain("逐表核对行数");
        demo.Output.ShouldNotContain("不一致");
        demo.Output.ShouldContain("文件库与密钥原样沿用");
    }

    [SkippableFact]
    public async Task Export_DemoData_AuditChainVerifiesOnPostgres()
    {
        demo.Require();
        await using var db = demo.Target.Context();
        var chain = await AuditChainStore.VerifyAsync(db);
        chain.FirstBreak.ShouldBeNull();
        chain.Checked.ShouldBe(ExportDatabases.SqliteCounts(demo.SourceDir)["audit_entries"]);
        chain.Checked.ShouldBeGreaterThan(1);
    }

    [SkippableFact]
    public async Task HostOnPostgresCopy_QuarterlyReportAndManuscriptList_SameAsSqlite()
    {
        demo.Require();
        using var pg = demo.PostgresHost();
        foreach (var user in new[] { "office", "officer" })
        {
            var sqliteApi = await demo.Sqlite.ApiClientAsync(user);
            var pgApi = await pg.ApiClientAsync(user);
            (await pgApi.GetStringAsync(Quarter)).ShouldBe(await sqliteApi.GetStringAsync(Quarter), user);
            (await pgApi.GetStringAsync("/api/v1/manuscripts?pageSize=100")).ShouldBe(await sqliteApi.GetStringAsync("/api/v1/manuscripts?pageSize=100"), user);
        }
        using var session = await pg.SignInAsync("officer");
        var (page, document) = await session.GetPageAsync("/manuscripts");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Body!.TextContent.ShouldContain(demo.FirstTitle);
    }

    [SkippableFact]
    public async Task HostOnPostgresCopy_NewRows_TakeIdsAfterTheCopiedOnes()
    {
        demo.Require();
        using var pg = demo.PostgresHost();
        var before = await pg.QueryAsync(db => Task.FromResult(db.AuditEntries.Max(a => a.Id)));
        var maxManuscript = await pg.QueryAsync(db => Task.FromResult(db.Manuscripts.Max(m => m.Id)));
        using var officer = await pg.ApiClientAsync("officer");
        var created = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = "迁到 PostgreSQL 后的第一篇", EventDate = "2026-11-19" });
        created.Status.ShouldBe(HttpStatusCode.Created, $"body: {created.Json}");
        created.Id.ShouldBe(maxManuscript + 1);
        await using var db = demo.Target.Context();
        (await AuditChainStore.VerifyAsync(db)).FirstBreak.ShouldBeNull();
        db.AuditEntries.Max(a => a.Id).ShouldBeGreaterThan(before);
    }

    [SkippableFact]
    public async Task ExportCommand_NonEmptyTarget_RefusedAndUntouched()
    {
        demo.Require();
        var before = ExportDatabases.PostgresCounts(demo.Target.ConnectionString);
        var (exitCode, output) = await HeraldProcess.RunCommandAsync(demo.SourceDir, "export-sqlite-to-postgres", "--from", demo.SourceDir, "--to", demo.Target.ConnectionString);
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
        File.Copy(Path.Combine(demo.SourceDir, "herald.db"), Path.Combine(old, "herald.db"));
        var latest = MigrationRunner.Scripts("sqlite")[^1].Version;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(old, "herald.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"DELETE FROM schema_migrations WHERE version = '{latest}'";
            await cmd.ExecuteNonQueryAsync();
        }
        using var target = ExportDatabases.Create("older");
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
        using var target = ExportDatabases.Create("generated");
        var exit = await Herald.DataGen.DataGenProgram.Main(["--data-dir", dir, "--manuscripts", "3000", "--opinion-items", "3000",
            "--anchor", "2026-11-20", "--provider", "postgres", "--connection", target.ConnectionString]);
        exit.ShouldBe(0);
        var source = ExportDatabases.SqliteCounts(dir);
        var copied = ExportDatabases.PostgresCounts(target.ConnectionString);
        foreach (var (table, rows) in copied) rows.ShouldBe(source[table], table);
        (copied["units"], copied["manuscripts"], copied["opinion_items"]).ShouldBe((5000L, 3000L, 3000L));
        copied["adoptions"].ShouldBeGreaterThan(0);
    }

    /// <summary>一个演示数据的先声（SQLite）：登录、报送过稿件，取在线备份作为源，导出到一个新库。</summary>
    public sealed class DemoExport : IAsyncLifetime
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "herald-tests", "export-" + Guid.NewGuid().ToString("N"));
        public string SourceDir => Path.Combine(Root, "source");
        public HeraldFactory Sqlite { get; } = new();
        public ExportDatabases.Database Target { get; private set; } = default!;
        public int ExitCode { get; private set; }
        public string Output { get; private set; } = "";
        public string FirstTitle { get; private set; } = "";

        public void Require() => ExportDatabases.RequireServer();

        public async Task InitializeAsync()
        {
            if (ExportDatabases.Server is null) return;
            using (var officer = await Sqlite.ApiClientAsync("officer"))
            {
                var created = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { Title = "搬家之前报送的稿件", EventDate = "2026-11-19" });
                created.Status.ShouldBe(HttpStatusCode.Created, $"body: {created.Json}");
            }
            FirstTitle = "搬家之前报送的稿件";
            await Sqlite.SignInAsync("office");
            (await Backup.BackupAsync(Sqlite.DataDir, SourceDir, TextWriter.Null)).ShouldBe(0);
            Target = ExportDatabases.Create("demo");
            var output = new StringWriter();
            ExitCode = await ExportToPostgres.RunAsync(SourceDir, Target.ConnectionString, output);
            Output = output.ToString();
        }

        /// <summary>在导出的库上运行的先声，数据目录（文件库、密钥）就是源的。</summary>
        public HeraldFactory PostgresHost()
        {
            var host = new HeraldFactory();
            host.Clock.Set(Sqlite.Clock.GetUtcNow());
            host.Settings["Herald:DataDir"] = SourceDir;
            host.Settings["Herald:Database:Provider"] = "postgres";
            host.Settings["Herald:Database:ConnectionString"] = Target.ConnectionString;
            return host;
        }

        public Task DisposeAsync()
        {
            Sqlite.Dispose();
            Target?.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
            return Task.CompletedTask;
        }
    }
}
