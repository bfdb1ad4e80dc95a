using Herald.Domain.Opinion.Cases;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.OpinionCases.CaseFixtures;

namespace Herald.Domain.Tests.OpinionCases;

public class PlanAndAlertTests
{
    private static readonly DateTime At = T0.AddHours(1);

    private static EmergencyPlan Plan(long id = 7, params PlanStepInput[] steps) =>
        EmergencyPlan.Create("公共服务舆情处置预案", "公共服务", OpinionSeverity.Major, null,
            steps.Length > 0 ? steps :
            [
                new PlanStepInput("成立处置专班", TaskOwnerKind.Office, null, null, 30),
                new PlanStepInput("现场核查并形成情况报告", TaskOwnerKind.ResponsibleUnit, null, null, 120),
                new PlanStepInput("准备新闻发布会口径", TaskOwnerKind.Unit, TestOrg.Community, null, 600),
                new PlanStepInput("舆情监测每两小时报告一次", TaskOwnerKind.User, null, TestOrg.Author, 1440),
                new PlanStepInput("  ", TaskOwnerKind.Office, null, null, 5),
            ], Office, T0).WithId(id);

    [Fact]
    public void PlanCreate_BlankStepsDropped_OrderKept()
    {
        Plan().Steps.Select(s => (s.SortOrder, s.Title, s.OwnerKind)).ShouldBe(
        [
            (1, "成立处置专班", TaskOwnerKind.Office), (2, "现场核查并形成情况报告", TaskOwnerKind.ResponsibleUnit),
            (3, "准备新闻发布会口径", TaskOwnerKind.Unit), (4, "舆情监测每两小时报告一次", TaskOwnerKind.User),
        ]);
    }

    [Fact]
    public void PlanCreate_Invalid_Validation()
    {
        Expect.Validation(() => Plan(1, new PlanStepInput(" ", TaskOwnerKind.Office, null, null, 5)), "EmergencyPlan.StepsRequired", "steps");
        Expect.Validation(() => Plan(1, new PlanStepInput("a", TaskOwnerKind.Unit, null, null, 5)), "EmergencyPlan.UnitRequired", "steps[1]");
        Expect.Validation(() => Plan(1, new PlanStepInput("a", TaskOwnerKind.User, null, null, 5)), "EmergencyPlan.UserRequired", "steps[1]");
        Expect.Validation(() => Plan(1, new PlanStepInput("a", TaskOwnerKind.Office, null, null, 0)), "EmergencyPlan.OffsetOutOfRange", "steps[1]");
    }

    [Fact]
    public void Activate_CreatesTasksWithOwnersAndDueTimesFromActivation()
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Major);

        var tasks = c.ActivatePlan(Plan(), Office, At);

        tasks.Select(t => (t.SortOrder, t.OwnerKind, t.OwnerUnitId, t.OwnerUserId, t.DueAt, t.PlanId, t.PlanName)).ShouldBe(
        [
            (1, TaskOwnerKind.Office, (long?)TestOrg.Street, (long?)null, At.AddMinutes(30), 7L, "公共服务舆情处置预案"),
            (2, TaskOwnerKind.ResponsibleUnit, AssignedUnit, null, At.AddHours(2), 7L, "公共服务舆情处置预案"),
            (3, TaskOwnerKind.Unit, TestOrg.Community, null, At.AddHours(10), 7L, "公共服务舆情处置预案"),
            (4, TaskOwnerKind.User, null, TestOrg.Author, At.AddHours(24), 7L, "公共服务舆情处置预案"),
        ]);
        tasks.ShouldAllBe(t => t.ActivatedAt == At && !t.IsDone);
        (c.History[^1].Action, c.History[^1].Detail, c.History[^1].RefId).ShouldBe((OpinionCaseAction.PlanActivated, "公共服务舆情处置预案", (long?)7));
    }

    [Fact]
    public void Activate_Twice_ConflictNoNewTasks()
    {
        var c = InStatus(OpinionCaseStatus.Assigned);
        c.ActivatePlan(Plan(), Office, At);

        Expect.Conflict(() => c.ActivatePlan(Plan(), Office, At), "OpinionCase.PlanAlreadyActive");
        c.Tasks.Count.ShouldBe(4);
    }

    [Fact]
    public void Activate_ResponsibleUnitStepOnUnassignedCase_Conflict()
    {
        Expect.Conflict(() => Open().ActivatePlan(Plan(), Office, At), "OpinionCase.PlanNeedsUnit");
    }

    [Fact]
    public void Activate_DisabledPlanOrClosedCase_Conflict()
    {
        var plan = Plan();
        plan.SetDisabled(true, T0);
        Expect.Conflict(() => InStatus(OpinionCaseStatus.Assigned).ActivatePlan(plan, Office, At), "EmergencyPlan.Disabled");
        Expect.Conflict(() => InStatus(OpinionCaseStatus.Closed).ActivatePlan(Plan(), Office, At), "OpinionCase.AlreadyClosed");
    }

    [Fact]
    public void CompleteTask_OnceOnly()
    {
        var c = InStatus(OpinionCaseStatus.Assigned);
        c.ActivatePlan(Plan(), Office, At);
        c.Saved();
        var task = c.Tasks[1];

        c.CompleteTask(task.Id, "已核查", UnitMember, At.AddHours(1));

        (task.CompletedAt, task.CompletedById, task.Note).ShouldBe(((DateTime?)At.AddHours(1), (long?)UnitMember, "已核查"));
        Expect.Conflict(() => c.CompleteTask(task.Id, null, UnitMember, At.AddHours(2)), "OpinionCase.TaskAlreadyDone");
    }

    // ---------- clocks and alerts ----------

    [Theory]
    [InlineData(0, AlertStage.None)]
    [InlineData(29.9, AlertStage.None)]
    [InlineData(30, AlertStage.FirstReminder)]
    [InlineData(47.9, AlertStage.FirstReminder)]
    [InlineData(48, AlertStage.SecondReminder)]
    [InlineData(60, AlertStage.SecondReminder)]
    [InlineData(60.01, AlertStage.Escalation)]
    public void Reached_OneHourWindow(double minutes, AlertStage expected)
    {
        DeadlineAlerts.Reached(T0, T0.AddHours(1), T0.AddMinutes(minutes)).ShouldBe(expected);
    }

    [Fact]
    public void Due_OnlyTheHighestUnsentStage()
    {
        var due = T0.AddHours(10);
        DeadlineAlerts.Due(T0, due, AlertStage.None, T0.AddHours(9)).ShouldBe(AlertStage.SecondReminder);
        DeadlineAlerts.Due(T0, due, AlertStage.SecondReminder, T0.AddHours(9.5)).ShouldBe(AlertStage.None);
        DeadlineAlerts.Due(T0, due, AlertStage.SecondReminder, T0.AddHours(11)).ShouldBe(AlertStage.Escalation);
        DeadlineAlerts.Due(T0, due, AlertStage.Escalation, T0.AddHours(20)).ShouldBe(AlertStage.None);
    }

    [Fact]
    public void At_ReminderTimes()
    {
        var due = T0.AddHours(5);
        (DeadlineAlerts.At(T0, due, AlertStage.FirstReminder), DeadlineAlerts.At(T0, due, AlertStage.SecondReminder), DeadlineAlerts.At(T0, due, AlertStage.Escalation))
            .ShouldBe((T0.AddMinutes(150), T0.AddHours(4), due));
    }

    [Theory]
    [InlineData(null, null, 3.0, ClockState.Running, 2.0)]
    [InlineData(null, null, 6.0, ClockState.Overdue, -1.0)]
    [InlineData(4.0, null, 6.0, ClockState.Met, 1.0)]
    [InlineData(7.0, null, 9.0, ClockState.MetLate, -2.0)]
    [InlineData(null, 2.0, 9.0, ClockState.Stopped, 3.0)]
    [InlineData(null, 8.0, 9.0, ClockState.Missed, -3.0)]
    public void Clock_States(double? metHours, double? stoppedHours, double nowHours, ClockState state, double remainingHours)
    {
        var reading = DeadlineClock.Read(T0, T0.AddHours(5), Hours(metHours), Hours(stoppedHours), T0.AddHours(nowHours));

        (reading.State, reading.Remaining).ShouldBe((state, TimeSpan.FromHours(remainingHours)));
    }

    [Fact]
    public void AlertDue_NotForMetSupersededOrClosed()
    {
        var c = InStatus(OpinionCaseStatus.Handling);                 // first response met by the disposal
        c.AlertDue(c.Deadline(DeadlineKind.FirstResponse), T0.AddDays(3)).ShouldBe(AlertStage.None);
        c.AlertDue(c.Deadline(DeadlineKind.Answer), T0.AddDays(3)).ShouldBe(AlertStage.Escalation);

        c.Close("办结", "无", Office, T0.AddHours(1));
        c.AlertDue(c.Deadline(DeadlineKind.Answer), T0.AddDays(3)).ShouldBe(AlertStage.None);
    }

    [Fact]
    public void RecordAlert_OncePerStage_SystemEventWithoutRevisionChange()
    {
        var c = Open(OpinionSeverity.Major);
        var d = c.Deadline(DeadlineKind.FirstResponse);
        var revision = c.Revision;

        c.RecordAlert(d.Id, AlertStage.Escalation, T0.AddHours(2));

        (d.AlertStage, d.EscalatedAt, d.AlertVersion).ShouldBe((AlertStage.Escalation, (DateTime?)T0.AddHours(2), 1));
        (c.History[^1].Action, c.History[^1].ActorId, c.History[^1].Tag, c.History[^1].RefId).ShouldBe((OpinionCaseAction.Escalated, (long?)null, "first_response", (long?)d.Id));
        c.Revision.ShouldBe(revision);
        Expect.Conflict(() => c.RecordAlert(d.Id, AlertStage.Escalation, T0.AddHours(3)), "OpinionCase.AlertAlreadySent");
    }

    [Fact]
    public void Interview_OnlyWhenSomethingIsOverdue()
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Major);
        Expect.Conflict(() => c.RecordInterview("张建国 党政办主任", At, "赵立新 街道党工委书记", "责令整改", Office, At), "OpinionCase.NotOverdue");

        var later = T0.AddHours(2);   // the 1-hour first response is overdue
        var interview = c.RecordInterview(" 张建国 党政办主任 ", later.AddMinutes(-10), "赵立新 街道党工委书记", "责令两小时内回应", Office, later);

        (interview.UnitId, interview.Interviewee, interview.InterviewedAt, interview.Interviewer, interview.Outcome, interview.RecordedById)
            .ShouldBe((AssignedUnit, "张建国 党政办主任", later.AddMinutes(-10), "赵立新 街道党工委书记", "责令两小时内回应", Office));
        c.History[^1].Action.ShouldBe(OpinionCaseAction.InterviewRecorded);
        Expect.Validation(() => c.RecordInterview("a", later.AddHours(1), "b", "c", Office, later), "OpinionCase.InterviewInFuture", "interviewedAt");
    }

    private static DateTime? Hours(double? hours) => hours is { } h ? T0.AddHours(h) : null;
}
