using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Web.Tests.Data;

/// <summary>EF 模型与迁移脚本建出的结构一致：逐表比较列、索引（含列）与外键。</summary>
[Trait("Category", TestPostgres.SqliteOnly)]
public sealed class SchemaTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "herald-schema", Guid.NewGuid().ToString("N"));

    public SchemaTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task EfModel_MatchesMigratedSchema_TableByTable()
    {
        var migrated = Path.Combine(_dir, "migrated.db");
        var created = Path.Combine(_dir, "created.db");
        await using (var db = SqliteSchema.Context(migrated))
            (await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(db, "sqlite")).ShouldNotBeEmpty();
        await using (var db = SqliteSchema.Context(created))
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();

        var fromScripts = SqliteSchema.Describe(migrated, exclude: "schema_migrations");
        var fromModel = SqliteSchema.Describe(created);

        fromScripts.Keys.Order(StringComparer.Ordinal).ShouldBe(fromModel.Keys.Order(StringComparer.Ordinal));
        fromModel.Count.ShouldBeGreaterThan(40, "both schemas were read (not a count to bump with every new table)");
        foreach (var (table, lines) in fromModel)
            fromScripts[table].ShouldBe(lines, $"table {table}");
    }

    [Fact]
    public async Task MigratedSchema_HasAppendOnlyTriggers()
    {
        var migrated = Path.Combine(_dir, "migrated.db");
        await using (var db = SqliteSchema.Context(migrated))
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(db, "sqlite");

        SqliteSchema.Triggers(migrated).ShouldBe(
        [
            "trg_audit_entries_no_delete", "trg_audit_entries_no_update",
            "trg_manuscript_events_no_delete", "trg_manuscript_events_no_update",
            "trg_opinion_case_events_no_delete", "trg_opinion_case_events_no_update",
        ]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* 临时目录 */ }
    }
}
