using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Infrastructure.Data;

/// <summary>PostgreSQL 的连接串与 Herald 自己用的咨询锁（键是常数，取自 "Herald" 的字节，与别的应用共用一个库也不易撞上）。</summary>
public static class PostgresSetup
{
    /// <summary>迁移：几个进程同时启动时只有一个在执行脚本，其余等它完成后发现已无可做。</summary>
    private const string LockMigrations = "SELECT pg_advisory_lock(5216682887267247105)";

    /// <summary>审计哈希链：取链尾、定编号、提交这一段在所有进程间串行（事务级锁，提交或回滚时释放）。</summary>
    private const string LockAuditChainSql = "SELECT pg_advisory_xact_lock(5216682887267247106)";

    public static string ConnectionString(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Herald:Database:ConnectionString is required when Herald:Database:Provider is 'postgres'.");
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        // 应用名出现在 pg_stat_activity 里，运维能认出 Herald 的连接。
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "herald";
        return builder.ConnectionString;
    }

    public static Task LockMigrationsAsync(HeraldDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(LockMigrations, ct);

    /// <summary>须在事务里调用。</summary>
    public static Task LockAuditChainAsync(HeraldDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(LockAuditChainSql, ct);

    public static void LockAuditChain(HeraldDbContext db) =>
        db.Database.ExecuteSqlRaw(LockAuditChainSql);

    /// <summary>
    /// 规范名称的序号（同单位同日 max+1）：取号到提交在各进程间按单位串行（事务级锁，两个 int 键：类别、单位编号）。
    /// SQLite 上写闸已让写事务串行，不需要。须在事务里调用。
    /// </summary>
    public static Task LockNameSequenceAsync(HeraldDbContext db, long unitId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(1214603886, {0})", [(int)unitId], ct);
}
