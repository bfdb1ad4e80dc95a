using Herald.Domain.Opinion.Cases;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.OpinionCases.CaseFixtures;

namespace Herald.Domain.Tests.OpinionCases;

/// <summary>Deadlines a case gets when opened at 2026-03-05 10:00 Beijing, per severity, and how they move.</summary>
public class DeadlineTests
{
    private static IEnumerable<(DeadlineKind, DateTime, int?)> Due(OpinionCase c) =>
        c.ActiveDeadlines.OrderBy(d => d.Kind).Select(d => (d.Kind, d.DueAt, d.Minutes));

    [Theory]
    [InlineData(OpinionSeverity.Critical)]
    [InlineData(OpinionSeverity.Major)]
    public void Open_MajorAndAbove_1h5h24h(OpinionSeverity severity)
    {
        var c = Open(severity);

        Due(c).ShouldBe(
        [
            (DeadlineKind.FirstResponse, TestClock.Cst(2026, 3, 5, 11), (int?)60),
            (DeadlineKind.AuthoritativeInfo, TestClock.Cst(2026, 3, 5, 15), 300),
            (DeadlineKind.PressConference, TestClock.Cst(2026, 3, 6, 10), 1440),
        ]);
        c.Deadline(DeadlineKind.AuthoritativeInfo).Basis.ShouldBe("国办发〔2016〕80号、61号");
        c.Deadlines.ShouldAllBe(d => d.StartsAt == T0 && d.Severity == severity && d.MetAt == null);
    }

    [Fact]
    public void Open_Significant_4hAnd48h()
    {
        Due(Open(OpinionSeverity.Significant)).ShouldBe(
        [
            (DeadlineKind.FirstResponse, TestClock.Cst(2026, 3, 5, 14), (int?)240),
            (DeadlineKind.Answer, TestClock.Cst(2026, 3, 7, 10), 2880),
        ]);
    }

    [Fact]
    public void Open_General_24hAnd48h()
    {
        var c = Open(OpinionSeverity.General);

        Due(c).ShouldBe(
        [
            (DeadlineKind.FirstResponse, TestClock.Cst(2026, 3, 6, 10), (int?)1440),
            (DeadlineKind.Answer, TestClock.Cst(2026, 3, 7, 10), 2880),
        ]);
        c.Deadline(DeadlineKind.Answer).Basis.ShouldBe("国办发〔2016〕61号");
    }

    [Fact]
    public void Open_EditedPolicy_UsesTheRulesGiven()
    {
        var policy = new DeadlinePolicy([(OpinionSeverity.General, new DeadlineTerm(DeadlineKind.FirstResponse, 90, "内部目标"))]);

        Due(Open(OpinionSeverity.General, policy: policy)).ShouldBe([(DeadlineKind.FirstResponse, TestClock.Cst(2026, 3, 5, 11, 30), (int?)90)]);
    }

    [Fact]
    public void Open_FromSuperior_AddsFeedbackDeadlineAtTheSuperiorsDate()
    {
        var due = TestClock.Cst(2026, 3, 6, 17);

        var c = Open(OpinionSeverity.General, Superior(due));

        var feedback = c.Deadline(DeadlineKind.Feedback);
        (feedback.DueAt, feedback.Minutes, feedback.Basis).ShouldBe((due, (int?)null, "县网信〔2026〕7号"));
        (c.FromSuperior, c.SuperiorOffice, c.SuperiorReference, c.SuperiorDueAt).ShouldBe((true, "县委网信办", "县网信〔2026〕7号", (DateTime?)due));
    }

    [Fact]
    public void Assign_WithDueAt_AddsAssignmentDeadline_ReassignStopsTheOldOne()
    {
        var c = Open();
        c.Assign(AssignedUnit, "核实", TestClock.Cst(2026, 3, 5, 18), Office, T0.AddMinutes(5));
        c.Saved();

        c.Assign(TestOrg.Community, "改由社区核实", TestClock.Cst(2026, 3, 5, 20), Office, T0.AddMinutes(10));

        var assignment = c.Deadlines.Where(d => d.Kind == DeadlineKind.Assignment).OrderBy(d => d.StartsAt).ToList();
        assignment.Select(d => (d.DueAt, d.SupersededAt)).ShouldBe(
            [(TestClock.Cst(2026, 3, 5, 18), (DateTime?)T0.AddMinutes(10)), (TestClock.Cst(2026, 3, 5, 20), null)]);
    }

    [Fact]
    public void ChangeSeverity_Up_UnmetRulesStopAndNewOnesStartAtTheChange()
    {
        var c = Open(OpinionSeverity.General);
        var at = TestClock.Cst(2026, 3, 5, 12);

        c.ChangeSeverity(OpinionSeverity.Major, "转发量激增", DeadlinePolicy.Default, Office, at);

        Due(c).ShouldBe(
        [
            (DeadlineKind.FirstResponse, TestClock.Cst(2026, 3, 5, 13), (int?)60),
            (DeadlineKind.AuthoritativeInfo, TestClock.Cst(2026, 3, 5, 17), 300),
            (DeadlineKind.PressConference, TestClock.Cst(2026, 3, 6, 12), 1440),
        ]);
        c.Deadlines.Where(d => !d.IsActive).Select(d => (d.Kind, d.SupersededAt))
            .ShouldBe([(DeadlineKind.FirstResponse, (DateTime?)at), (DeadlineKind.Answer, at)], ignoreOrder: true);
        (c.Severity, c.SeveritySetAt).ShouldBe((OpinionSeverity.Major, at));
    }

    [Fact]
    public void ChangeSeverity_MetFirstResponseIsKept_ReleasedStatementMeetsNewAuthoritativeInfo()
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Significant);
        c.RecordResponse(ResponseKind.Statement, "情况通报", null, [], null, Reviewers, UnitMember, T0.AddMinutes(30));
        var met = c.Deadline(DeadlineKind.FirstResponse);

        c.ChangeSeverity(OpinionSeverity.Critical, "引发媒体关注", DeadlinePolicy.Default, Office, T0.AddHours(2));

        c.Deadline(DeadlineKind.FirstResponse).ShouldBeSameAs(met);
        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBe(T0.AddMinutes(30));
        c.Deadline(DeadlineKind.PressConference).MetAt.ShouldBeNull();
        c.Deadlines.Single(d => d.Kind == DeadlineKind.Answer).SupersededAt.ShouldBeNull("the answer deadline was met, so it is kept");
    }

    [Fact]
    public void ChangeSeverity_SameSeverity_Conflict()
    {
        Expect.Conflict(() => Open(OpinionSeverity.Major).ChangeSeverity(OpinionSeverity.Major, "x", DeadlinePolicy.Default, Office, T0),
            "OpinionCase.SeverityUnchanged");
    }

    [Fact]
    public void ChangeSeverity_NoReason_Validation()
    {
        Expect.Validation(() => Open().ChangeSeverity(OpinionSeverity.Major, " ", DeadlinePolicy.Default, Office, T0), "Required", "reason");
    }

    [Fact]
    public void Disposal_MeetsFirstResponse_StatementMeetsAnswer()
    {
        var c = InStatus(OpinionCaseStatus.Assigned);

        c.RecordDisposal("现场核查", null, [], UnitMember, T0.AddHours(3));
        c.RecordResponse(ResponseKind.Statement, "情况说明", "https://gov.example.invalid/1", [], null, Reviewers, UnitMember, T0.AddHours(50));

        c.Deadline(DeadlineKind.FirstResponse).Read(null, T0.AddHours(60)).State.ShouldBe(ClockState.Met);
        var answer = c.Deadline(DeadlineKind.Answer);
        answer.MetAt.ShouldBe(T0.AddHours(50));
        answer.Read(null, T0.AddHours(60)).ShouldBe(new ClockReading(ClockState.MetLate, TimeSpan.FromHours(-2), 50.0 / 48));
    }

    [Fact]
    public void PressConference_MetOnlyByAReleasedPressConference()
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Major);
        c.RecordResponse(ResponseKind.Statement, "权威信息", null, [], MajorRoute, Reviewers, TestOrg.Principal, T0.AddHours(1));
        c.Saved();
        // The principal only holds the last step: head and leader still approve.
        c.ApproveResponse(c.Responses[0].Id, null, Reviewers, TestOrg.OfficeHead, T0.AddHours(2));
        c.ApproveResponse(c.Responses[0].Id, null, Reviewers, TestOrg.OfficeLeader, T0.AddHours(3));

        c.Responses[0].Status.ShouldBe(ResponseStatus.PendingApproval);
        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBeNull();
        c.ApproveResponse(c.Responses[0].Id, null, Reviewers, TestOrg.Principal, T0.AddHours(4));

        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBe(T0.AddHours(4));
        c.Deadline(DeadlineKind.PressConference).MetAt.ShouldBeNull();
    }

    [Fact]
    public void Feedback_MeetsSuperiorFeedbackAndAssignmentDeadlines()
    {
        var c = Open(OpinionSeverity.General, Superior(TestClock.Cst(2026, 3, 6, 17)));
        c.Assign(AssignedUnit, "核实", TestClock.Cst(2026, 3, 6, 12), Office, T0);
        c.RecordDisposal("核实", null, [], UnitMember, T0.AddHours(1));

        c.SubmitFeedback("已办结", UnitMember, T0.AddHours(5));

        c.Deadline(DeadlineKind.Feedback).MetAt.ShouldBe(T0.AddHours(5));
        c.Deadline(DeadlineKind.Assignment).MetAt.ShouldBe(T0.AddHours(5));
    }

    [Fact]
    public void Close_StopsUnmetClocks_OverdueOnesCountAsMissed()
    {
        var c = InStatus(OpinionCaseStatus.Handling);   // disposal at T0+2min meets the first response
        c.Close("已解决", "无", Office, T0.AddHours(49));

        var answer = c.Deadline(DeadlineKind.Answer);
        answer.MetAt.ShouldBeNull();
        answer.Read(c.ClosedAt, T0.AddHours(100)).State.ShouldBe(ClockState.Missed);
        answer.Read(c.ClosedAt, T0.AddHours(100)).Remaining.ShouldBe(TimeSpan.FromHours(-1));
    }
}
