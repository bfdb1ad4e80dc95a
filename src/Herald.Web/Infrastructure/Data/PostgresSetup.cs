using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Herald.Web.Infrastructure.Data;

/// <summary>PostgreSQL 的连接串与 Herald 自己用的咨询锁（键是常数，取自 "Herald" 的字节，与别的应用共用一个库也不易撞上）。</summary>
public static class PostgresSetup
{
    /// <summary>迁移：几个进程同时启动时只有一个在执行脚本，其余等它完成后发现已无可做。</summary>
    private const string LockMigrations = "SELECT pg_advisory_lock(5216682887267247105)";
    private const string UnlockMigrations = "SELECT pg_advisory_unlock(5216682887267247105)";

    /// <summary>审计哈希链：取链尾、定编号、提交这一段在所有进程间串行（事务级锁，提交或回滚时释放）。</summary>
    private const string LockAuditChainSql = "SELECT pg_advisory_xact_lock(5216682887267247106)";

    /// <summary>舆情收录的写事务在所有进程间排队（事务级锁），见 OpinionIngest。</summary>
    private const string LockOpinionIngestSql = "SELECT pg_advisory_xact_lock(5216682887267247107)";

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

    /// <summary>
    /// 显式放锁：Npgsql 把关闭的连接放回连接池时不立即重置会话（重置随下次取用才发出），
    /// 只靠关闭连接，锁会一直留在池里的空闲连接上，别的进程启动时就永远等在迁移锁上。
    /// </summary>
    public static Task UnlockMigrationsAsync(HeraldDbContext db) =>
        db.Database.ExecuteSqlRawAsync(UnlockMigrations);

    /// <summary>须在事务里调用。</summary>
    public static Task LockAuditChainAsync(HeraldDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(LockAuditChainSql, ct);

    /// <summary>须在事务里调用。</summary>
    public static Task LockOpinionIngestAsync(HeraldDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(LockOpinionIngestSql, ct);

    public static void LockAuditChain(HeraldDbContext db) =>
        db.Database.ExecuteSqlRaw(LockAuditChainSql);

    /// <summary>
    /// 规范名称的序号（同单位同日 max+1）：取号到提交在各进程间按单位串行（事务级锁，两个 int 键：类别、单位编号）。
    /// SQLite 上写闸已让写事务串行，不需要。须在事务里调用。
    /// </summary>
    public static Task LockNameSequenceAsync(HeraldDbContext db, long unitId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(1214603886, {0})", [(int)unitId], ct);
}
