using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Infrastructure.Jobs;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 两个 Herald 主机共用一个数据库：到期的督办只由一个主机检查、只发一次；持有租约的主机停掉后，另一个接手。
/// 后台定时器关着（<see cref="PostgresCaseFactory"/>），测试直接触发两个主机的“一轮”。
/// </summary>
public sealed class DeadlineWatchTwoHostsTests(PostgresCaseFactory first) : IClassFixture<PostgresCaseFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(60) + JobLeases.Grace;

    private static DeadlineWatch Watch(HeraldFactory host) => host.Services.GetRequiredService<DeadlineWatch>();

    private Task<int> OverdueNoticesAsync(long caseId) =>
        first.QueryAsync(db => db.Notifications.CountAsync(n => n.OpinionCaseId == caseId && n.Kind == NotificationKind.OpinionOverdue));

    private Task<int> EscalationsAsync(long caseId) =>
        first.QueryAsync(db => db.Set<OpinionCaseEvent>().CountAsync(e => e.CaseId == caseId && e.Action == OpinionCaseAction.Escalated));

    [SkippableFact]
    public async Task Tick_BothHostsAtOnce_OneHostRunsAndEscalationSentOnce()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first);
        first.Clock.Set(T0);
        var id = await first.AssignedCaseAsync("critical");
        first.Clock.Set(T0.AddHours(2));

        var results = await Task.WhenAll(Watch(first).TickAsync(default), Watch(second).TickAsync(default),
            Watch(first).TickAsync(default), Watch(second).TickAsync(default));

        var ran = results.Where(r => r is not null).ToList();
        ran.Sum(r => r!.Escalations).ShouldBeGreaterThan(0);
        (await EscalationsAsync(id)).ShouldBe(1);
        var notices = await OverdueNoticesAsync(id);
        notices.ShouldBeGreaterThan(0);
        (await first.QueryAsync(db => db.Notifications.Where(n => n.OpinionCaseId == id && n.Kind == NotificationKind.OpinionOverdue)
            .Select(n => n.UserId).Distinct().CountAsync())).ShouldBe(notices, "each person is told once");
        // 只有持有租约的主机运行了检查：另一个主机的每一轮都让开了。
        var holder = await first.QueryAsync(db => db.Set<JobLease>().Where(l => l.Name == DeadlineWatch.Job).Select(l => l.Holder).SingleAsync());
        var runner = holder == first.Services.GetRequiredService<JobLeases>().Holder ? 0 : 1;
        results.Where((_, i) => i % 2 != runner).ShouldAllBe(r => r == null);
    }

    [SkippableFact]
    public async Task Tick_HolderStopped_OtherHostTakesOverAfterExpiry()
    {
        PostgresHostFactory.SkipWithoutServer();
        first.Clock.Set(T0);
        using var second = new SecondHost(first);
        (await Watch(first).TickAsync(default)).ShouldNotBeNull();
        var id = await first.AssignedCaseAsync("critical");

        // 第一个主机不再检查（进程死掉、没有交出租约）；租约到期前第二个主机让开，到期后接手并督办。
        first.Clock.Set(T0.AddSeconds(30));
        (await Watch(second).TickAsync(default)).ShouldBeNull();
        first.Clock.Set(T0 + Hold + TimeSpan.FromHours(2));
        var result = await Watch(second).TickAsync(default);

        result.ShouldNotBeNull().Escalations.ShouldBeGreaterThan(0);
        (await EscalationsAsync(id)).ShouldBe(1);
        (await Watch(first).TickAsync(default)).ShouldBeNull("the lease moved to the second host");
    }
}
