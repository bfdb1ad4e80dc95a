using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Features.OpinionCases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>
/// 后台时限检查：用去 50%、80% 提醒责任单位，超时督办（分管领导、宣传办），每个阶段只一次。
/// 重大舆情 10:00 立案，内部首次响应 11:00 到期：10:30 第一次提醒，10:48 第二次，11:00 之后督办。
/// </summary>
public sealed class DeadlineWatchTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private DeadlineWatch Watch => factory.Services.GetRequiredService<DeadlineWatch>();

    private Task<List<(OpinionCaseAction Action, string? Tag, string? Detail)>> AlertsAsync(long caseId) =>
        factory.QueryAsync(async db => (await db.Set<OpinionCaseEvent>().Where(e => e.CaseId == caseId
                && (e.Action == OpinionCaseAction.Reminded || e.Action == OpinionCaseAction.Escalated))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.Tag, e.Detail }).ToListAsync())
            .Select(e => (e.Action, e.Tag, e.Detail)).ToList());

    private Task<List<(NotificationKind Kind, long UserId)>> NoticesAsync(long caseId, params NotificationKind[] kinds) =>
        factory.QueryAsync(async db => (await db.Notifications.Where(n => n.OpinionCaseId == caseId && kinds.Contains(n.Kind))
            .OrderBy(n => n.Id).Select(n => new { n.Kind, n.UserId }).ToListAsync()).Select(n => (n.Kind, n.UserId)).ToList());

    [Fact]
    public async Task MajorCase_RemindersAt50And80Percent_EscalationOnceWhenOverdue()
    {
        factory.Clock.Set(T0);
        var id = await factory.AssignedCaseAsync("major");
        var officer = await factory.UserIdAsync("officer");
        var head = await factory.UserIdAsync("head");

        factory.Clock.Set(T0.AddMinutes(29));
        await Watch.RunOnceAsync(default);
        (await AlertsAsync(id)).ShouldBeEmpty();

        factory.Clock.Set(T0.AddMinutes(30));
        await Watch.RunOnceAsync(default);
        (await AlertsAsync(id)).ShouldBe([(OpinionCaseAction.Reminded, "first_response", "first_reminder")]);
        (await NoticesAsync(id, NotificationKind.OpinionDeadlineReminder)).Select(n => n.UserId).Order()
            .ShouldBe(new[] { officer, head }.Order());

        factory.Clock.Set(T0.AddMinutes(48));
        await Watch.RunOnceAsync(default);
        await Watch.RunOnceAsync(default);
        (await AlertsAsync(id)).Count.ShouldBe(2);

        factory.Clock.Set(T0.AddMinutes(61));
        await Watch.RunOnceAsync(default);
        await Watch.RunOnceAsync(default);
        factory.Clock.Set(T0.AddMinutes(100));
        await Watch.RunOnceAsync(default);

        (await AlertsAsync(id)).ShouldBe(
        [
            (OpinionCaseAction.Reminded, "first_response", "first_reminder"),
            (OpinionCaseAction.Reminded, "first_response", "second_reminder"),
            (OpinionCaseAction.Escalated, "first_response", "escalation"),
        ]);
        var overdue = await NoticesAsync(id, NotificationKind.OpinionOverdue);
        overdue.Select(n => n.UserId).Order().ShouldBe(new[]
        {
            await factory.UserIdAsync("office"), await factory.UserIdAsync("leader"), officer, head,
        }.Order());
        var comment = await factory.QueryAsync(db => db.Notifications.Where(n => n.OpinionCaseId == id && n.Kind == NotificationKind.OpinionOverdue)
            .Select(n => n.Comment).FirstAsync());
        comment.ShouldBe("内部首次响应，到期 2026年11月20日 11:00");
        var deadline = await factory.QueryAsync(db => db.Set<OpinionCaseDeadline>().SingleAsync(d => d.CaseId == id && d.Kind == DeadlineKind.FirstResponse));
        (deadline.AlertStage, deadline.EscalatedAt).ShouldBe((AlertStage.Escalation, (DateTime?)T0.AddMinutes(61).UtcDateTime));
    }

    [Fact]
    public async Task Overdue_TwoChecksAtOnce_EscalatedExactlyOnce()
    {
        factory.Clock.Set(T0);
        var id = await factory.AssignedCaseAsync("critical");
        factory.Clock.Set(T0.AddHours(2));

        await Task.WhenAll(Watch.RunOnceAsync(default), Watch.RunOnceAsync(default), Watch.RunOnceAsync(default));

        (await AlertsAsync(id)).Count(a => a.Action == OpinionCaseAction.Escalated && a.Tag == "first_response").ShouldBe(1);
        var told = (await NoticesAsync(id, NotificationKind.OpinionOverdue)).Select(n => n.UserId).ToList();
        told.ShouldNotBeEmpty();
        told.Count.ShouldBe(told.Distinct().Count(), "each person is told once");
    }

    [Fact]
    public async Task MetDeadline_NoReminder_UnassignedCase_OfficeReminded()
    {
        factory.Clock.Set(T0);
        var office = await factory.ApiClientAsync("office");
        var unassigned = (await OpenAsync(office, [await factory.ItemAsync("未交办")], "major")).Id;
        var answered = await factory.AssignedCaseAsync("significant");
        await RespondAsync(await factory.ApiClientAsync("officer"), answered);

        factory.Clock.Set(T0.AddMinutes(35));
        await Watch.RunOnceAsync(default);

        (await NoticesAsync(unassigned, NotificationKind.OpinionDeadlineReminder)).Select(n => n.UserId)
            .ShouldBe([await factory.UserIdAsync("office")]);
        factory.Clock.Set(T0.AddDays(3));
        await Watch.RunOnceAsync(default);
        (await AlertsAsync(answered)).ShouldBeEmpty("the first response and the answer were both met by the released response");
    }

    [Fact]
    public async Task ClosedCase_NoEscalation()
    {
        factory.Clock.Set(T0);
        var id = await factory.AssignedCaseAsync();
        var office = await factory.ApiClientAsync("office");
        await PostAsync(await factory.ApiClientAsync("officer"), $"/api/v1/opinion/cases/{id}/disposals", new { description = "已核实" });
        (await PostAsync(office, $"/api/v1/opinion/cases/{id}/close", new { summary = "无需回应", lessons = "无" })).Status.ShouldBe(System.Net.HttpStatusCode.OK);

        factory.Clock.Set(T0.AddDays(5));
        await Watch.RunOnceAsync(default);

        (await AlertsAsync(id)).ShouldBeEmpty();
    }
}
