using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Jobs;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionCases;

public sealed class DeadlineWatchOptions
{
    public const string Section = "Herald:Opinion:DeadlineWatch";

    public bool Enabled { get; set; } = true;

    /// <summary>检查间隔（秒）。</summary>
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>一次检查的结果：发了几次提醒、几次督办。</summary>
public sealed record WatchResult(int Reminders, int Escalations);

/// <summary>
/// 时限提醒与超时督办（后台任务）：用去 50%、80% 时提醒责任单位（未交办的提醒宣传办），超时后督办——通知责任单位的分管领导和宣传办，
/// 并记入处置记录、进入超时清单。每个时限的每个阶段至多一次：已发阶段存在数据库里，带并发标记，
/// 多个实例同时检查时只有一个写得进去，另一个连同它的通知一起放弃。几个进程共用数据库时每一轮只在持有租约的进程里运行（docs/adr/0029）。
/// </summary>
public sealed class DeadlineWatch(IServiceScopeFactory scopes, IOptions<DeadlineWatchOptions> options, TimeProvider time,
    JobLeases leases, ILogger<DeadlineWatch> logger) : BackgroundService
{
    public const string Job = "opinion-deadline-watch";

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(5, options.Value.IntervalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Opinion deadline watch failed; will retry");
            }
        }
    }

    /// <summary>定时的一轮：本进程持有租约时检查一次；别的进程持有时不检查，返回 null。</summary>
    public async Task<WatchResult?> TickAsync(CancellationToken ct)
    {
        var (ran, result) = await leases.RunAsync(Job, Interval, RunOnceAsync, ct);
        return ran ? result : null;
    }

    public async Task<WatchResult> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HeraldDbContext>();
        var now = services.GetRequiredService<Clock>().UtcNow;
        var tree = await services.GetRequiredService<OrgDirectory>().GetAsync(db, ct);
        // 通知的说明文字保存为中文（后台任务没有请求的语言）。
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        var messages = services.GetRequiredService<Messages>();

        // 仍在计时、且已到第一个提醒点（用去一半）的时限所在的舆情。
        var candidates = await db.OpinionCaseDeadlines.AsNoTracking()
            .Where(d => d.MetAt == null && d.SupersededAt == null && d.AlertStage < AlertStage.Escalation)
            .Join(db.OpinionCases.Where(c => c.Status != OpinionCaseStatus.Closed), d => d.CaseId, c => c.Id, (d, c) => d)
            .Select(d => new { d.CaseId, d.StartsAt, d.DueAt, d.AlertStage })
            .ToListAsync(ct);
        var caseIds = candidates.Where(d => DeadlineAlerts.Due(d.StartsAt, d.DueAt, d.AlertStage, now) != AlertStage.None)
            .Select(d => d.CaseId).Distinct().ToList();

        int reminders = 0, escalations = 0;
        foreach (var caseId in caseIds)
        {
            db.ChangeTracker.Clear();
            var c = await db.OpinionCases.Include(x => x.Deadlines).FirstOrDefaultAsync(x => x.Id == caseId, ct);
            if (c is null) continue;
            var sent = new List<(OpinionCaseDeadline Deadline, AlertStage Stage)>();
            foreach (var d in c.Deadlines.ToList())
            {
                var stage = c.AlertDue(d, now);
                if (stage == AlertStage.None) continue;
                c.RecordAlert(d.Id, stage, now);
                Notify(db, tree, messages, c, d, stage, now);
                sent.Add((d, stage));
            }
            if (sent.Count == 0) continue;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // 别的实例（或用户刚好满足了时限）抢先一步：本次的提醒连同通知一起作废，下次再看。
                continue;
            }
            reminders += sent.Count(s => s.Stage != AlertStage.Escalation);
            escalations += sent.Count(s => s.Stage == AlertStage.Escalation);
        }
        if (reminders + escalations > 0)
            logger.LogInformation("Opinion deadlines: {Reminders} reminders, {Escalations} escalations", reminders, escalations);
        return new WatchResult(reminders, escalations);
    }

    private static void Notify(HeraldDbContext db, Domain.Organization.OrgTree tree, Messages messages, OpinionCase c, OpinionCaseDeadline d, AlertStage stage,
        DateTime now)
    {
        IEnumerable<long> people;
        NotificationKind kind;
        if (stage == AlertStage.Escalation)
        {
            kind = NotificationKind.OpinionOverdue;
            people = CaseAccess.OfficePeople(tree, c.OwnerUnitId);
            if (c.UnitId is { } unit) people = people.Concat(CaseAccess.SupervisingLeaders(tree, unit)).Concat(CaseAccess.UnitPeople(tree, unit));
        }
        else
        {
            kind = NotificationKind.OpinionDeadlineReminder;
            people = c.UnitId is { } unit ? CaseAccess.UnitPeople(tree, unit) : CaseAccess.OfficePeople(tree, c.OwnerUnitId);
        }
        var comment = string.Format(System.Globalization.CultureInfo.CurrentCulture, messages["OpinionCase.AlertComment"],
            messages["OpinionDeadline." + d.Kind], Domain.Common.ChinaTime.FormatDateTime(d.DueAt));
        foreach (var userId in people.Distinct())
            db.Notifications.Add(Notification.ForOpinionCase(userId, kind, c.Id, c.Title, null, comment, now));
    }
}
