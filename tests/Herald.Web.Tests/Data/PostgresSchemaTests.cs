using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Herald.Web.Tests.Data;

/// <summary>PostgreSQL 迁移脚本：与 EF 模型一致、与 SQLite 脚本一一对应、只执行一次、只追加的表拒绝修改。</summary>
public sealed class PostgresSchemaTests : IDisposable
{
    private readonly List<string> _databases = [];
    private readonly MigrationRunner _runner = new(NullLogger<MigrationRunner>.Instance);

    [Fact]
    public void MigrationVersions_SameOnBothProviders()
    {
        var sqlite = MigrationRunner.Scripts("sqlite").Select(s => s.Version).ToList();
        var postgres = MigrationRunner.Scripts("postgres").Select(s => s.Version).ToList();

        sqlite.ShouldContain("0001_initial");
        postgres.ShouldBe(sqlite, "every SQLite migration needs a PostgreSQL twin with the same file name, and vice versa");
    }

    [SkippableFact]
    public async Task EfModel_MatchesMigratedSchema_TableByTable()
    {
        var migrated = NewDatabase();
        var created = NewDatabase();
        await using (var db = PostgresSchema.Context(migrated))
            (await _runner.ApplyAsync(db, "postgres")).ShouldNotBeEmpty();
        await using (var db = PostgresSchema.Context(created))
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();

        // Same exclusion as SchemaTests: schema_migrations is the runner's own table, not part of the model.
        var fromScripts = PostgresSchema.Describe(migrated, exclude: "schema_migrations");
        var fromModel = PostgresSchema.Describe(created);

        fromScripts.Keys.Order(StringComparer.Ordinal).ShouldBe(fromModel.Keys.Order(StringComparer.Ordinal));
        fromModel.Count.ShouldBeGreaterThan(40, "both schemas were read (not a count to bump with every new table)");
        foreach (var (table, lines) in fromModel)
            fromScripts[table].ShouldBe(lines, $"table {table}");
    }

    [SkippableFact]
    public async Task Apply_Twice_SecondRunAppliesNothing()
    {
        var database = NewDatabase();
        var versions = MigrationRunner.Scripts("postgres").Select(s => s.Version).ToList();

        IReadOnlyList<string> first, second;
        await using (var db = PostgresSchema.Context(database)) first = await _runner.ApplyAsync(db, "postgres");
        await using (var db = PostgresSchema.Context(database)) second = await _runner.ApplyAsync(db, "postgres");

        first.ShouldBe(versions);
        second.ShouldBeEmpty();
        PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM schema_migrations").ShouldBe(versions.Count);
    }

    [SkippableFact]
    public async Task MigratedSchema_HasAppendOnlyTriggers()
    {
        var database = await MigratedAsync();

        PostgresSchema.Triggers(database).ShouldBe(
        [
            "trg_audit_entries_no_delete", "trg_audit_entries_no_update",
            "trg_manuscript_events_no_delete", "trg_manuscript_events_no_update",
            "trg_opinion_case_events_no_delete", "trg_opinion_case_events_no_update",
        ]);
    }

    [SkippableFact]
    public async Task AuditEntries_UpdateOrDelete_Refused_ExceptHashBackfill()
    {
        var database = await MigratedAsync();
        var sql = PostgresSchema.ConnectionString(database);
        PostgresSchema.Execute(sql, "INSERT INTO audit_entries (at, action, detail) VALUES (now(), 'test', 'a'), (now(), 'test', 'b')");

        // 升级前的记录补上哈希（内容不变）是唯一允许的修改，而且只能一次。
        PostgresSchema.Execute(sql, "UPDATE audit_entries SET previous_hash = 'p', hash = 'h' WHERE detail = 'a'");
        Refused(sql, "UPDATE audit_entries SET hash = 'h2' WHERE detail = 'a'").ShouldContain("audit_entries is append-only");
        Refused(sql, "UPDATE audit_entries SET detail = 'changed', hash = 'h' WHERE detail = 'b'").ShouldContain("audit_entries is append-only");
        Refused(sql, "UPDATE audit_entries SET user_name = NULL, hash = 'h' WHERE detail = 'b'").ShouldBeEmpty("unchanged NULL is no change");
        Refused(sql, "DELETE FROM audit_entries WHERE detail = 'b'").ShouldContain("audit_entries is append-only");
        PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM audit_entries").ShouldBe(2);
    }

    [SkippableFact]
    public async Task ManuscriptAndCaseEvents_UpdateOrDelete_Refused_ExceptDraftCreation()
    {
        var database = await MigratedAsync();
        var sql = PostgresSchema.ConnectionString(database);
        PostgresSchema.Execute(sql, """
            INSERT INTO units (id, name, type, sort_order, disabled, created_at) VALUES (1, '县委宣传部', 0, 1, false, now());
            INSERT INTO users (id, user_name, display_name, password_hash, disabled, must_change_password, failed_sign_in_count, security_stamp, created_at)
                VALUES (1, 'u', '张三', 'x', false, false, 0, 's', now());
            INSERT INTO categories (id, name, sort_order, disabled) VALUES (1, '要闻', 1, false);
            INSERT INTO manuscripts (id, unit_id, author_id, title, body_html, body_text, category_id, importance, event_date, emergency, follow_up_number,
                status, route_steps, version_number, revision, name_sequence, is_late, created_at, updated_at)
                VALUES (1, 1, 1, '标题', '<p>正文</p>', '正文', 1, 0, '2026-03-05', false, 0, 1, '', 1, 1, 0, false, now(), now());
            INSERT INTO manuscript_events (manuscript_id, at, action, from_status, to_status, version_number) VALUES (1, now(), 0, 0, 0, 1), (1, now(), 1, 0, 1, 1);
            INSERT INTO opinion_cases (id, title, summary, category, severity, sentiment, suggested_severity, suggested_score, status, owner_unit_id, from_superior,
                opened_at, opened_by_id, severity_set_at, reopen_count, updated_at, revision)
                VALUES (1, '舆情', '摘要', '其他', 0, 0, 0, 0, 0, 1, false, now(), 1, now(), 0, now(), 1);
            INSERT INTO opinion_case_events (case_id, at, action, from_status, to_status, severity) VALUES (1, now(), 0, 0, 0, 0);
            """);

        Refused(sql, "UPDATE manuscript_events SET comment = 'x' WHERE action = 0").ShouldContain("manuscript_events is append-only");
        Refused(sql, "DELETE FROM manuscript_events WHERE action = 1").ShouldContain("manuscript_events is append-only");
        Refused(sql, "DELETE FROM manuscript_events WHERE action = 0").ShouldBeEmpty("a draft's creation record goes with the draft");
        Refused(sql, "UPDATE opinion_case_events SET detail = 'x'").ShouldContain("opinion_case_events is append-only");
        Refused(sql, "DELETE FROM opinion_case_events").ShouldContain("opinion_case_events is append-only");
        PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM manuscript_events").ShouldBe(1);
        PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM opinion_case_events").ShouldBe(1);
    }

    [SkippableFact]
    public async Task SeedRows_SameAsSqlite()
    {
        var database = await MigratedAsync();
        var sqlite = Path.Combine(Path.GetTempPath(), "herald-schema", Guid.NewGuid().ToString("N") + ".db");
        Directory.CreateDirectory(Path.GetDirectoryName(sqlite)!);
        try
        {
            await using (var db = SqliteSchema.Context(sqlite)) await _runner.ApplyAsync(db, "sqlite");
            foreach (var table in new[] { "keyword_lists", "opinion_deadline_rules", "usage_rules", "option_entries" })
                PostgresSchema.Scalar(database, $"SELECT COUNT(*) FROM {table}").ShouldBe(SqliteSchema.Scalar(sqlite, $"SELECT COUNT(*) FROM {table}"), table);
            // 种子时间是 UTC 零点，不随会话时区变。
            PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM opinion_deadline_rules WHERE updated_at = TIMESTAMPTZ '2026-01-01 00:00:00Z'")
                .ShouldBe(PostgresSchema.Scalar(database, "SELECT COUNT(*) FROM opinion_deadline_rules"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqlite);
        }
    }

    private async Task<string> MigratedAsync()
    {
        var database = NewDatabase();
        await using var db = PostgresSchema.Context(database);
        await _runner.ApplyAsync(db, "postgres");
        return database;
    }

    private string NewDatabase()
    {
        var name = PostgresSchema.CreateDatabase("schema");
        _databases.Add(name);
        return name;
    }

    /// <summary>执行语句，返回数据库拒绝的消息（成功时为空）。</summary>
    private static string Refused(string connectionString, string sql)
    {
        try
        {
            PostgresSchema.Execute(connectionString, sql);
            return "";
        }
        catch (PostgresException e)
        {
            return e.MessageText;
        }
    }

    public void Dispose()
    {
        foreach (var name in _databases) PostgresSchema.DropDatabase(name);
    }
}
