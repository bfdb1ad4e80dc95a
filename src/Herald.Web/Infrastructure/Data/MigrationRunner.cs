using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// 版本化 SQL 迁移：按文件名顺序执行嵌入的 Migrations/{provider}/NNNN_name.sql，
/// 已执行的版本记在 schema_migrations 表中。每个脚本在一个事务里执行。
/// </summary>
public sealed class MigrationRunner(ILogger<MigrationRunner> logger)
{
    private const string ResourcePrefix = "Herald.Migrations.";

    public static IReadOnlyList<(string Version, string ResourceName)> Scripts(string provider)
    {
        var prefix = ResourcePrefix + provider + "/";
        return typeof(MigrationRunner).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: n[prefix.Length..^4], ResourceName: n))
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    public static string ReadScript(string resourceName)
    {
        using var stream = typeof(MigrationRunner).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing migration resource {resourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>执行尚未执行的脚本，返回本次执行的版本。</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(HeraldDbContext db, string provider, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(128) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT version FROM schema_migrations";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }

            var done = new List<string>();
            foreach (var (version, resource) in Scripts(provider))
            {
                if (applied.Contains(version)) continue;
                var sql = ReadScript(resource);
                await using var tx = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, tx, sql, ct);
                await using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)";
                    AddParameter(cmd, "@v", version);
                    AddParameter(cmd, "@t", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version}", version);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
