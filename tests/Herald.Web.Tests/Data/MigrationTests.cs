using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Web.Tests.Data;

/// <summary>迁移只执行一次：再次运行（启动时或 migrate 命令）什么都不做。</summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class MigrationTests(HeraldFactory factory) : IClassFixture<HeraldFactory>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "herald-migrate", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Apply_Twice_SecondRunAppliesNothing()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "herald.db");
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);
        var versions = MigrationRunner.Scripts("sqlite").Select(s => s.Version).ToList();
        versions.ShouldContain("0001_initial");

        IReadOnlyList<string> first, second;
        await using (var db = SqliteSchema.Context(path)) first = await runner.ApplyAsync(db, "sqlite");
        await using (var db = SqliteSchema.Context(path)) second = await runner.ApplyAsync(db, "sqlite");

        first.ShouldBe(versions);
        second.ShouldBeEmpty();
        SqliteSchema.Scalar(path, "SELECT COUNT(*) FROM schema_migrations").ShouldBe(versions.Count);
    }

    [Fact]
    public async Task MigrateAsync_OnRunningAppDatabase_AppliesNothingAndKeepsData()
    {
        var before = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT version || '@' || applied_at AS \"Value\" FROM schema_migrations").ToListAsync());
        var users = await factory.QueryAsync(db => db.Users.CountAsync());

        await DataServices.MigrateAsync(factory.Services);

        var after = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT version || '@' || applied_at AS \"Value\" FROM schema_migrations").ToListAsync());
        after.ShouldBe(before);
        before.Count.ShouldBe(MigrationRunner.Scripts(TestPostgres.IsProvider ? "postgres" : "sqlite").Count);
        (await factory.QueryAsync(db => db.Users.CountAsync())).ShouldBe(users);
    }

    [SkippableFact]
    public async Task AppDatabase_UsesWalJournal()
    {
        Skip.If(TestPostgres.IsProvider, "SQLite only: PostgreSQL has its own write-ahead log, there is no journal mode to set.");
        var mode = await factory.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        mode.ShouldBe(["wal"]);
    }

    [Fact]
    public async Task MigrateCommand_RunTwiceOnEmptyDataDir_SecondRunAppliesNothing()
    {
        Directory.CreateDirectory(_dir);

        var first = await RunMigrateAsync();
        var second = await RunMigrateAsync();

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain("Applied migration 0001_initial");
        first.Output.ShouldContain("数据库已迁移到最新版本。");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldNotContain("Applied migration");
        second.Output.ShouldContain("数据库已迁移到最新版本。");
        var path = Path.Combine(_dir, "herald.db");
        SqliteSchema.Scalar(path, "SELECT COUNT(*) FROM schema_migrations").ShouldBe(MigrationRunner.Scripts("sqlite").Count);
        // migrate 只迁移，不写初始数据。
        SqliteSchema.Scalar(path, "SELECT COUNT(*) FROM users").ShouldBe(0);
    }

    private Task<(int ExitCode, string Output)> RunMigrateAsync() => HeraldCommand.RunAsync(_dir, "migrate");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            try { Directory.Delete(_dir, recursive: true); }
            catch (IOException) { /* 临时目录 */ }
        }
    }
}
