using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Web.Infrastructure.Data;

/// <summary>
/// SQLite 同一时刻只允许一个写入者。没有这道闸时，并发的写入在 SQLite 内部等待（busy_timeout），等待是让调用线程
/// 睡眠：32 个并发报送时线程池的线程大多睡在 SQLite 里，吞吐量反而下降（实测 4 个客户端 117 篇/秒，32 个只有 46 篇/秒）。
/// 这里让写入者在异步信号量上排队：等待不占线程，持有写锁的那个也不必与它们争抢。
/// EF 开始事务、在事务外保存更改、或执行单条写命令（ExecuteUpdate/Delete）时取得；该事务结束、保存完成、命令完成时释放，
/// EF 关闭连接时无论如何都释放。同一 DbContext 可重入。等待超过 MaxWait 就不再等闸而直接执行（仍由 SQLite 自己的
/// 忙等待兜底），所以卡住的持有者只会拖慢写入，不会让写入永远阻塞。只有 SQLite 需要它，其他数据库自己加锁。
/// </summary>
internal sealed class SqliteWriteGate(StorageGuard storage) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Holder> _holders = new();

    private enum Owner { None, Transaction, SaveChanges, Command }

    private sealed class Holder
    {
        public Owner Owner;
    }

    // 事务（显式事务，以及 SaveChanges 为多条语句开的事务）。

    // The transaction is begun here, not by EF after this returns: EF reports no event when beginning fails (a cancelled
    // request, a nested transaction), and a pooled context closes its connection on reset without one either, so the
    // gate would stay taken until every waiter gave up after MaxWait.

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (result.HasResult) return result;
        Enter(eventData.Context, Owner.Transaction);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Exit(eventData.Context, Owner.Transaction);
            throw;
        }
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult) return result;
        await EnterAsync(eventData.Context, Owner.Transaction, cancellationToken);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(
                await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken));
        }
        catch
        {
            Exit(eventData.Context, Owner.Transaction);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context, Owner.Transaction);

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Transaction);
        // The released gate queued the next writer's continuation on this thread's local queue, behind the rest of this
        // request (response, JSON): step aside so the next writer starts now instead of the gate standing idle.
        if (_gate.CurrentCount == 0) await Task.Yield();
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context, Owner.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.Context, Owner.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Transaction);
        return Task.CompletedTask;
    }

    // 事务外的 SaveChanges（只有一条语句时 EF 不开事务）。

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (HasChanges(eventData.Context)) Enter(eventData.Context, Owner.SaveChanges);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (HasChanges(eventData.Context)) await EnterAsync(eventData.Context, Owner.SaveChanges, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context, Owner.SaveChanges);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.SaveChanges);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context, Owner.SaveChanges);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.SaveChanges);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context, Owner.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.SaveChanges);
        return Task.CompletedTask;
    }

    // 事务外的单条写命令：ExecuteUpdate、ExecuteDelete、ExecuteSql。

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context, Owner.Command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, Owner.Command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(eventData.Context, Owner.Command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Exit(eventData.Context, Owner.Command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Exit(eventData.Context, Owner.Command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context, Owner.Command);
        return Task.CompletedTask;
    }

    // 不论发生了什么（事务未提交就被释放、两个事件之间抛了异常），连接关闭后就不再持有 SQLite 的锁，闸也必须放开。

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ExitAny(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ExitAny(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>在闸内执行不经 EF 的维护操作（例如 WAL 检查点）：这期间没有别的写入者。</summary>
    public async Task<T> RunExclusiveAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool HasChanges(DbContext? context) => context is not null && context.ChangeTracker.HasChanges();

    private void Enter(DbContext? context, Owner owner)
    {
        if (context is null) return;
        var holder = _holders.GetOrCreateValue(context);
        if (holder.Owner != Owner.None) return;
        if (_gate.Wait(MaxWait)) holder.Owner = owner;
        RefuseIfUnwritable(holder);
    }

    private async ValueTask EnterAsync(DbContext? context, Owner owner, CancellationToken ct)
    {
        if (context is null) return;
        var holder = _holders.GetOrCreateValue(context);
        if (holder.Owner != Owner.None) return;
        if (await _gate.WaitAsync(MaxWait, ct)) holder.Owner = owner;
        RefuseIfUnwritable(holder);
    }

    // Checked inside the gate, right before the write: writing to an immutable database would end the process (SIGBUS).
    private void RefuseIfUnwritable(Holder holder)
    {
        if (storage.CheckDatabase() is not { } problem) return;
        if (holder.Owner != Owner.None)
        {
            holder.Owner = Owner.None;
            _gate.Release();
        }
        throw new StorageUnavailableException(problem);
    }

    private void Exit(DbContext? context, Owner owner)
    {
        if (context is null || !_holders.TryGetValue(context, out var holder) || holder.Owner != owner) return;
        holder.Owner = Owner.None;
        _gate.Release();
    }

    private void ExitAny(DbContext? context)
    {
        if (context is null || !_holders.TryGetValue(context, out var holder) || holder.Owner == Owner.None) return;
        holder.Owner = Owner.None;
        _gate.Release();
    }
}
