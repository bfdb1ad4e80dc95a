using Herald.Web.Infrastructure.Jobs;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 任务租约（docs/adr/0029）：取得、别人持有时拒绝、到期后别人接手、运行期间续约、停机交出。
/// 每个 <see cref="JobLeases"/> 实例有自己的持有者标识，这里用两个实例代表共用数据库的两个进程。
/// </summary>
public sealed class JobLeaseTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hold = Interval + JobLeases.Grace;

    private JobLeases Process(TimeSpan? renewEvery = null) =>
        new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Clock, NullLogger<JobLeases>.Instance)
        {
            RenewInterval = renewEvery ?? JobLeases.RenewEvery,
        };

    private static string NewJob() => "test-" + Guid.NewGuid().ToString("N")[..12];

    private Task<JobLease> RowAsync(string job) =>
        factory.QueryAsync(db => db.Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == job));

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task TryTake_NewJob_TakenUntilNowPlusHold()
    {
        var a = Process();
        var job = NewJob();

        (await a.TryTakeAsync(job, Hold, default)).ShouldBeTrue();

        var row = await RowAsync(job);
        row.Holder.ShouldBe(a.Holder);
        row.ExpiresAt.ShouldBe(Now + Hold);
    }

    [Fact]
    public async Task TryTake_HeldByAnotherProcess_RefusedWhileHolderKeepsIt()
    {
        var (a, b) = (Process(), Process());
        var job = NewJob();
        (await a.TryTakeAsync(job, Hold, default)).ShouldBeTrue();

        (await b.TryTakeAsync(job, Hold, default)).ShouldBeFalse();
        factory.Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        (await b.TryTakeAsync(job, Hold, default)).ShouldBeFalse();
        (await a.TryTakeAsync(job, Hold, default)).ShouldBeTrue("the holder renews its own lease");
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        (await b.TryTakeAsync(job, Hold, default)).ShouldBeFalse("renewed, so not expired yet");
        (await RowAsync(job)).Holder.ShouldBe(a.Holder);
    }

    [Fact]
    public async Task TryTake_AfterHolderDied_AnotherProcessTakesOverAtExpiry()
    {
        var (a, b) = (Process(), Process());
        var job = NewJob();
        (await a.TryTakeAsync(job, Hold, default)).ShouldBeTrue();

        factory.Clock.Advance(Hold);

        (await b.TryTakeAsync(job, Hold, default)).ShouldBeTrue();
        (await a.TryTakeAsync(job, Hold, default)).ShouldBeFalse("the old holder lost it");
        (await RowAsync(job)).Holder.ShouldBe(b.Holder);
    }

    [Fact]
    public async Task Release_AtShutdown_AnotherProcessTakesAtOnce()
    {
        var (a, b) = (Process(), Process());
        var job = NewJob();
        (await a.TryTakeAsync(job, Hold, default)).ShouldBeTrue();

        await a.StopAsync(default);

        (await b.TryTakeAsync(job, Hold, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task RunAsync_SlowRun_RenewedSoNoOtherProcessRunsIt()
    {
        var (a, b) = (Process(TimeSpan.FromMilliseconds(50)), Process());
        var job = NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = a.RunAsync(job, Interval, async ct => { started.SetResult(); await finish.Task.WaitAsync(ct); return 1; }, default);
        await started.Task;
        var firstExpiry = (await RowAsync(job)).ExpiresAt!.Value;

        // 运行了超过一个租期：期间续过约，别的进程仍然拿不到。
        factory.Clock.Advance(Hold - TimeSpan.FromSeconds(10));
        await WaitUntilAsync(async () => (await RowAsync(job)).ExpiresAt > firstExpiry);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        Now.ShouldBeGreaterThan(firstExpiry);
        var second = await b.RunAsync(job, Interval, _ => Task.FromResult(2), default);

        second.Ran.ShouldBeFalse();
        finish.SetResult();
        (await running).ShouldBe((true, 1));
    }

    [Fact]
    public async Task RunAsync_LeaseLostWhileStalled_RunCancelled()
    {
        // 持有者卡住超过租期、没能续约，别的进程接手；它下一次续约失败时取消这一轮，不与接手者同时运行。
        var (stalled, other) = (Process(TimeSpan.FromSeconds(1)), Process());
        var job = NewJob();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = stalled.RunAsync(job, Interval, async ct =>
        {
            started.SetResult();
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { return "cancelled"; }
            return "finished";
        }, default);
        await started.Task;

        factory.Clock.Advance(Hold);
        (await other.TryTakeAsync(job, Hold, default)).ShouldBeTrue();

        (await run.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe((true, "cancelled"));
        (await RowAsync(job)).Holder.ShouldBe(other.Holder);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
