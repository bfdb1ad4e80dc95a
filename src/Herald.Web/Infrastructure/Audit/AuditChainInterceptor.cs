using System.Runtime.CompilerServices;
using Herald.Domain.Auditing;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Herald.Web.Infrastructure.Audit;

/// <summary>
/// 保存前把新的审计记录接到哈希链上：取最后一条的编号和哈希，依次定编号、算哈希（ADR 0021）。
/// 读最后一条之前先取得 SQLite 写闸（可重入，写闸自己在保存结束时释放），并且先打开连接、保存结束才关：
/// 写闸在连接关闭时放开，查询自己开关连接会让闸在读完最后一条、写入之前就放掉。这样并发的写入者排着队，链不会分叉；
/// 万一绕过写闸（等闸超时），两条记录会争同一个编号，主键冲突让其中一次保存失败，同样不分叉。
/// PostgreSQL 上几个进程共用一条链：在事务里取事务级咨询锁再读链尾（没有事务就在这里开一个，保存完提交），
/// 锁到提交为止，别的进程的写入者在锁上排队。
/// </summary>
internal sealed class AuditChainInterceptor(SqliteWriteGate gate) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _opened = new();
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not HeraldDbContext db || Unsealed(db) is not { Count: > 0 } added) return result;
        db.Database.OpenConnection();
        _opened.AddOrUpdate(db, this);
        if (db.Database.IsNpgsql())
        {
            if (db.Database.CurrentTransaction is null) _owned.AddOrUpdate(db, db.Database.BeginTransaction());
            PostgresSetup.LockAuditChain(db);
        }
        else gate.SavingChanges(eventData, result);
        Seal(added, db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new Head(a.Id, a.Hash)).FirstOrDefault());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not HeraldDbContext db || Unsealed(db) is not { Count: > 0 } added) return result;
        await db.Database.OpenConnectionAsync(cancellationToken);
        _opened.AddOrUpdate(db, this);
        if (db.Database.IsNpgsql())
        {
            if (db.Database.CurrentTransaction is null) _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
            await PostgresSetup.LockAuditChainAsync(db, cancellationToken);
        }
        else await gate.SavingChangesAsync(eventData, result, cancellationToken);
        Seal(added, await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new Head(a.Id, a.Hash))
            .FirstOrDefaultAsync(cancellationToken));
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(eventData.Context, commit: true);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, commit: true);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false);

    public override void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false);

    private void End(DbContext? context, bool commit)
    {
        if (context is null) return;
        if (_owned.TryGetValue(context, out var tx))
        {
            _owned.Remove(context);
            using (tx)
                if (commit) tx.Commit();
                else tx.Rollback();
        }
        if (_opened.Remove(context)) context.Database.CloseConnection();
    }

    private async Task EndAsync(DbContext? context, bool commit)
    {
        if (context is null) return;
        if (_owned.TryGetValue(context, out var tx))
        {
            _owned.Remove(context);
            await using (tx)
                if (commit) await tx.CommitAsync();
                else await tx.RollbackAsync();
        }
        if (_opened.Remove(context)) await context.Database.CloseConnectionAsync();
    }

    private sealed record Head(long Id, string? Hash);

    // 按发生的先后（同一请求里先发生的先记）。
    private static List<EntityEntry<AuditEntry>> Unsealed(HeraldDbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash is null)
            .OrderBy(e => e.Entity.CreationOrder).ToList();

    private static void Seal(List<EntityEntry<AuditEntry>> added, Head? head)
    {
        var id = head?.Id ?? 0;
        var previous = head?.Hash;
        foreach (var entry in added)
        {
            var e = entry.Entity;
            e.Seal(++id, previous);
            // 保存时不再自动检测改动（HeraldDbContext 只检测一次），所以显式写回：编号不再是临时值，哈希列也写入。
            var key = entry.Property(a => a.Id);
            key.CurrentValue = e.Id;
            key.IsTemporary = false;
            entry.Property(a => a.PreviousHash).CurrentValue = e.PreviousHash;
            entry.Property(a => a.Hash).CurrentValue = e.Hash;
            previous = e.Hash;
        }
    }
}
