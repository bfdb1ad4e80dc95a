using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>收录里各数据库写法不同的 SQL，只在这一处（其余是两边通用的标准 SQL 或 EF 查询）。</summary>
internal static class IntakeSql
{
    /// <summary>任意取定的咨询锁编号（"Herald" 与议题 10），只用于收录的写事务。</summary>
    private const long IngestLockKey = 0x4865_7261_6C64_0010;

    /// <summary>
    /// 收录的写事务彼此排队（<see cref="OpinionIngest"/> 的第二段查候选与编号只增的前提）：SQLite 上写事务本来就依次进行；
    /// PostgreSQL 上各事务并行、编号在插入时而不是提交时分配，所以用事务级咨询锁排队（跨进程有效，提交或回滚时释放）。
    /// </summary>
    public static async Task SerializeIngestAsync(HeraldDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IngestLockKey})", ct);
    }
}
