using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Herald.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>验证令牌所需的一行：令牌与其账号。</summary>
public sealed record TokenRow(long Id, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string Scope,
    long UserId, string UserName, string DisplayName, bool Disabled);

/// <summary>
/// 按令牌散列短时缓存查到的令牌行：每个 API 请求都要验证令牌，查库是报送在写入之外最大的一项开销。
/// 过期、撤销、停用照旧逐次判断（用缓存的行和当前时间）；本实例内令牌或账号有任何保存（撤销、停用、改名、重置口令）
/// 立即清空，其他实例最迟 <see cref="MaxAge"/> 后看到（与组织树快照相同）。
/// </summary>
public sealed class TokenCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (TokenRow Row, DateTime CachedAt)> _rows = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>查库前取得；查到的行只在这期间没有清空过时才缓存（否则可能是改动提交前读到的旧行）。</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public TokenRow? Find(string hash, DateTime now) =>
        _rows.TryGetValue(hash, out var hit) && now - hit.CachedAt < MaxAge && now >= hit.CachedAt ? hit.Row : null;

    public void Store(string hash, TokenRow row, DateTime now, long generation)
    {
        if (_rows.Count >= MaxEntries) _rows.Clear();
        _rows[hash] = (row, now);
        if (Generation != generation) _rows.TryRemove(hash, out _);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _rows.Clear();
    }

    /// <summary>保存了令牌或账号时清空缓存：保存前、保存后，以及外层事务提交后各一次（其间读到的旧行不会留下）。</summary>
    internal sealed class Invalidator(TokenCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, object> _touched = new();

        public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            AfterSave(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            AfterSave(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            AfterCommit(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return Task.CompletedTask;
        }

        private void Forget(DbContext? context)
        {
            if (context is not null) _touched.Remove(context);
        }

        private void Check(DbContext? context)
        {
            if (context is null) return;
            // HeraldDbContext 已在保存前比较过快照并关闭了自动检测，这里列出条目不会再比较一遍。
            if (!context.ChangeTracker.Entries().Any(e => e is { Entity: ApiToken or UserAccount, State: not EntityState.Unchanged })) return;
            _touched.AddOrUpdate(context, cache);
            cache.Invalidate();
        }

        private void AfterSave(DbContext? context)
        {
            if (context is null || !_touched.TryGetValue(context, out _)) return;
            cache.Invalidate();
            if (context.Database.CurrentTransaction is null) _touched.Remove(context);
        }

        private void AfterCommit(DbContext? context)
        {
            if (context is null || !_touched.TryGetValue(context, out _)) return;
            cache.Invalidate();
            _touched.Remove(context);
        }
    }
}
