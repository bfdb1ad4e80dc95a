using System.Diagnostics;
using System.Globalization;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Data.Move;
using Herald.Web.Infrastructure.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.DataGen;

/// <summary>
/// Province-scale data set for the page benchmarks: the app's own migrations create the schema, then prepared
/// SQLite commands bulk-insert units, users, roles, categories, manuscripts with their version, history and
/// notifications. Deterministic for a given seed and anchor date. With --provider postgres the same data set is
/// then copied into an empty PostgreSQL database by export-sqlite-to-postgres (binary COPY), so both engines hold
/// identical rows for side-by-side benchmarks; the SQLite file stays in --data-dir.
/// </summary>
public static class DataGenProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = GenOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("""
                usage: Herald.DataGen --data-dir DIR [--manuscripts 1000000] [--seed 2026] [--anchor yyyy-MM-dd]
                                      [--password PASSWORD] [--seeds /work/shared/seeds] [--force]
                                      [--opinion-items 0] [--opinion-days 365]
                                      [--provider sqlite|postgres --connection "Host=…;Database=empty_db;…"]
                Creates DIR/herald.db (the schema from the app's migrations) filled with a 5,000-unit province,
                and optionally --opinion-items stored opinion items (about 1 KB each) over the last --opinion-days days.
                With --provider postgres, then copies it into the empty PostgreSQL database --connection.
                """);
            return 2;
        }

        Directory.CreateDirectory(options.DataDir);
        var dbPath = Path.Combine(options.DataDir, "herald.db");
        if (File.Exists(dbPath))
        {
            if (!options.Force)
            {
                Console.Error.WriteLine($"{dbPath} exists; pass --force to replace it.");
                return 1;
            }
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(dbPath + suffix);
        }

        var total = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString();
        await using (var db = new HeraldDbContext(new DbContextOptionsBuilder<HeraldDbContext>().UseSqlite(connectionString).Options))
        {
            var applied = await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(db, "sqlite");
            Console.WriteLine($"schema: applied migrations {string.Join(", ", applied)}");
        }

        var random = new Random(options.Seed);
        var org = new Org(random);
        var text = new TextGen(random, options.SeedsDir);
        Console.WriteLine($"organisation: {org.Units.Count} units, {org.Users.Count} users, {org.Assignments.Count} role assignments; {text.SentenceCount} seed sentences");

        // One PBKDF2 hash for everyone: hashing 10,000 passwords would take minutes and prove nothing.
        var hash = new PasswordHashing().Hash(options.Password);

        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1048576; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;");
            var writer = new BulkWriter(connection, options, org, text, random, hash);
            writer.Run();
            if (options.OpinionItems > 0)
            {
                var watch = Stopwatch.StartNew();
                var opinion = new OpinionWriter(connection, options, org, text, random).Run();
                Console.WriteLine($"opinion written in {watch.Elapsed.TotalSeconds:F0} s: {opinion.Items:N0} items ({opinion.Duplicates:N0} near-duplicates), " +
                                  $"{opinion.Hits:N0} hits, {opinion.Bands:N0} band rows (items of the last {OpinionWriter.WindowDays} days)");
            }
        }

        // The default scoring rules, as the app adds them at start (outlets exist already, so only the rules are added).
        await using (var db = new HeraldDbContext(new DbContextOptionsBuilder<HeraldDbContext>().UseSqlite(connectionString).Options))
            await new ReferenceData(db).EnsureAsync(options.Anchor.ToDateTime(TimeOnly.MinValue).AddDays(-800));

        // The app expects WAL (persistent in the file); set it as the app would on a new database.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL;");
        }
        Console.WriteLine($"done in {total.Elapsed.TotalSeconds:F0} s: {dbPath} ({new FileInfo(dbPath).Length / (1024 * 1024)} MB)");
        if (options.Connection is null) return 0;

        var copy = Stopwatch.StartNew();
        var exit = await ExportToPostgres.RunAsync(options.DataDir, options.Connection, Console.Out);
        Console.WriteLine($"copied into PostgreSQL in {copy.Elapsed.TotalSeconds:F0} s (exit {exit}); total {total.Elapsed.TotalSeconds:F0} s");
        return exit;
    }

    internal static void Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }
}

public sealed record GenOptions(string DataDir, int Manuscripts, int Seed, DateOnly Anchor, string Password, string SeedsDir, bool Force,
    int OpinionItems = 0, int OpinionDays = 365, string? Connection = null)
{
    public static GenOptions? Parse(string[] args)
    {
        string? dataDir = null;
        var manuscripts = 1_000_000;
        var seed = 2026;
        var anchor = DateOnly.FromDateTime(DateTime.UtcNow);
        var password = "Bench#2026pass";
        var seeds = FindSeeds();
        var force = false;
        int opinionItems = 0, opinionDays = 365;
        string provider = "sqlite";
        string? connection = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--data-dir": dataDir = Next(); break;
                case "--manuscripts": manuscripts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--anchor": anchor = DateOnly.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--password": password = Next(); break;
                case "--seeds": seeds = Next(); break;
                case "--force": force = true; break;
                case "--opinion-items": opinionItems = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--opinion-days": opinionDays = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--provider": provider = Next(); break;
                case "--connection": connection = Next(); break;
                default: return null;
            }
        }
        var postgres = provider is "postgres" or "postgresql";
        if (dataDir is null || (!postgres && provider != "sqlite") || postgres == (connection is null)) return null;
        return new GenOptions(Path.GetFullPath(dataDir), manuscripts, seed, anchor, password, seeds, force,
            opinionItems, Math.Max(1, opinionDays), postgres ? connection : null);
    }

    /// <summary>shared/seeds beside the repository (…/main/bench/… → …/shared/seeds), or /work/shared/seeds.</summary>
    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        return "/work/shared/seeds";
    }
}
