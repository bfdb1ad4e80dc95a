using System.Collections.Concurrent;
using System.Data.Common;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Jobs;

/// <summary>
/// 后台任务的租约（docs/adr/0029）：几个 Herald 进程共用一个数据库时，每个任务的每一轮只在一个进程里运行。
/// 持有者每轮续约，别的进程在租约到期前拿不到；持有者死掉，租约到期后（至多一个间隔加 <see cref="Grace"/>）由别的进程接手；
/// 一轮运行得久，运行期间每 <see cref="RenewEvery"/> 续约一次，不会被别人当成死掉而重复运行。
/// 用一条条件更新取得（两种数据库相同），时间取自可控的 <see cref="TimeProvider"/>。
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time, ILogger<JobLeases> logger) : IHostedService
{
    /// <summary>租约比任务间隔多留的时间：持有者来不及续约之前别人不会接手。</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    /// <summary>运行期间续约的间隔（测试可调短）。</summary>
    internal TimeSpan RenewInterval { get; init; } = RenewEvery;

    /// <summary>本进程（本个主机实例）的标识：主机名/进程号/随机后缀。</summary>
    public string Holder { get; } = Clip($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    // 本进程持有的租约及其到期时间：离到期还远（超过半个 hold）时不必每轮都写数据库。
    private readonly ConcurrentDictionary<string, DateTime> _held = new();

    /// <summary>取得（或续上本进程已持有的）租约，持有到 now + hold；别的进程持有且未到期时返回 false。</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan hold, CancellationToken ct)
    {
        if (_held.TryGetValue(job, out var held) && held - time.GetUtcNow().UtcDateTime > hold / 2) return true;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        if (await TakeAsync(db, job, hold, ct)) return true;
        // 任务第一次运行时还没有它那一行：补上（已有时什么也不做，两个进程同时补也无妨），再试一次。
        await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO job_leases (name) VALUES ({job}) ON CONFLICT DO NOTHING", ct);
        return await TakeAsync(db, job, hold, ct);
    }

    private async Task<bool> TakeAsync(HeraldDbContext db, string job, TimeSpan hold, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? until = now + hold;
        var holder = Holder;
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job && (l.Holder == holder || l.ExpiresAt == null || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct) == 1;
        if (taken) _held[job] = until.Value;
        else _held.TryRemove(job, out _);
        return taken;
    }

    /// <summary>放弃本进程持有的租约（停机时），别的进程下一轮就能接手。</summary>
    public async Task ReleaseAsync(string? job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var holder = Holder;
        if (job is null) _held.Clear();
        else _held.TryRemove(job, out _);
        await db.Set<JobLease>().Where(l => l.Holder == holder && (job == null || l.Name == job))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, (DateTime?)null), ct);
    }

    /// <summary>
    /// 本进程持有租约时运行一轮 <paramref name="work"/>（运行期间续约；续约失败——别的进程已接手——就取消它）。
    /// 别的进程持有时不运行，返回 (false, default)。
    /// </summary>
    public async Task<(bool Ran, T? Result)> RunAsync<T>(string job, TimeSpan interval, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var hold = interval + Grace;
        if (!await TryTakeAsync(job, hold, ct)) return (false, default);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewWhileRunningAsync(job, hold, running);
        try
        {
            return (true, await work(running.Token));
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
        }
    }

    private async Task RenewWhileRunningAsync(string job, TimeSpan hold, CancellationTokenSource running)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewInterval, time, running.Token);
                if (await TryTakeAsync(job, hold, running.Token)) continue;
                logger.LogWarning("Job {Job} lost its lease to another process; stopping this run", job);
                await running.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // 这一轮结束了（或停机）。
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            // 续不上约（数据库暂时不可用）：让这一轮照常结束；租约到期后别的进程才会接手。
            logger.LogWarning(ex, "Renewing the lease of job {Job} failed", job);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>停机时（各任务停下之后：本服务注册在它们之前）交出所有租约。</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReleaseAsync(null, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            logger.LogInformation(ex, "Releasing job leases at shutdown failed; they expire on their own");
        }
    }

    private static string Clip(string text) => text.Length <= JobLease.HolderMaxLength ? text : text[..JobLease.HolderMaxLength];
}
