using Herald.Domain.Opinion.Cases;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.OpinionCases.CaseFixtures;

namespace Herald.Domain.Tests.OpinionCases;

/// <summary>Every operation in every status: the status it leads to, or the code it is refused with.</summary>
public class CaseTransitionTests
{
    public enum Op { Assign, Response, Disposal, Feedback, Close, Reopen, ChangeSeverity }

    private static readonly DateTime At = T0.AddHours(1);

    private const OpinionCaseStatus O = OpinionCaseStatus.Open, A = OpinionCaseStatus.Assigned, H = OpinionCaseStatus.Handling,
        F = OpinionCaseStatus.FedBack, C = OpinionCaseStatus.Closed;

    public static TheoryData<OpinionCaseStatus, Op, OpinionCaseStatus> Allowed => new()
    {
        { O, Op.Assign, A }, { A, Op.Assign, A }, { H, Op.Assign, A },
        { A, Op.Response, H }, { H, Op.Response, H },
        { A, Op.Disposal, H }, { H, Op.Disposal, H },
        { H, Op.Feedback, F },
        { H, Op.Close, C }, { F, Op.Close, C },
        { C, Op.Reopen, H },
        { O, Op.ChangeSeverity, O }, { A, Op.ChangeSeverity, A }, { H, Op.ChangeSeverity, H }, { F, Op.ChangeSeverity, F },
    };

    public static TheoryData<OpinionCaseStatus, Op, string> Refused => new()
    {
        { F, Op.Assign, "OpinionCase.CannotAssignInStatus" }, { C, Op.Assign, "OpinionCase.CannotAssignInStatus" },
        { O, Op.Response, "OpinionCase.NotAssigned" }, { F, Op.Response, "OpinionCase.AlreadyFedBack" }, { C, Op.Response, "OpinionCase.AlreadyClosed" },
        { O, Op.Disposal, "OpinionCase.NotAssigned" }, { F, Op.Disposal, "OpinionCase.AlreadyFedBack" }, { C, Op.Disposal, "OpinionCase.AlreadyClosed" },
        { O, Op.Feedback, "OpinionCase.NothingDone" }, { A, Op.Feedback, "OpinionCase.NothingDone" },
        { F, Op.Feedback, "OpinionCase.AlreadyFedBack" }, { C, Op.Feedback, "OpinionCase.AlreadyClosed" },
        { O, Op.Close, "OpinionCase.NothingDone" }, { A, Op.Close, "OpinionCase.NothingDone" }, { C, Op.Close, "OpinionCase.AlreadyClosed" },
        { O, Op.Reopen, "OpinionCase.NotClosed" }, { A, Op.Reopen, "OpinionCase.NotClosed" }, { H, Op.Reopen, "OpinionCase.NotClosed" },
        { F, Op.Reopen, "OpinionCase.NotClosed" },
        { C, Op.ChangeSeverity, "OpinionCase.AlreadyClosed" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Operation_Allowed_LeadsToStatusAndIsRecorded(OpinionCaseStatus status, Op op, OpinionCaseStatus expected)
    {
        var c = InStatus(status);
        var events = c.History.Count;
        var revision = c.Revision;

        Run(c, op);

        c.Status.ShouldBe(expected);
        c.History.Count.ShouldBeGreaterThan(events);
        var last = c.History[events];
        (last.FromStatus, last.At).ShouldBe((status, At));
        c.History[^1].ToStatus.ShouldBe(expected);
        c.Revision.ShouldBe(revision + 1);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Operation_Refused_ConflictAndNothingChanges(OpinionCaseStatus status, Op op, string code)
    {
        var c = InStatus(status);
        var events = c.History.Count;
        var revision = c.Revision;

        Expect.Conflict(() => Run(c, op), code);

        c.Status.ShouldBe(status);
        (c.History.Count, c.Revision).ShouldBe((events, revision));
    }

    [Fact]
    public void Close_HandlingSuperiorCase_FeedbackRequired()
    {
        var c = InStatus(OpinionCaseStatus.Handling, superior: true);

        Expect.Conflict(() => Run(c, Op.Close), "OpinionCase.FeedbackRequired");
    }

    [Fact]
    public void Close_FedBackSuperiorCase_Closed()
    {
        var c = InStatus(OpinionCaseStatus.FedBack, superior: true);

        Run(c, Op.Close);

        c.Status.ShouldBe(OpinionCaseStatus.Closed);
    }

    [Fact]
    public void Reopen_SuperiorCase_NeedsNewFeedbackBeforeClosingAgain()
    {
        var c = InStatus(OpinionCaseStatus.Closed, superior: true);
        c.Reopen("上级要求补充材料", Office, At);

        Expect.Conflict(() => c.Close("再次办结", "无", Office, At), "OpinionCase.FeedbackRequired");
        c.SubmitFeedback("补充材料已报", UnitMember, At.AddMinutes(1));
        c.Close("再次办结", "无", Office, At.AddMinutes(2));
        c.Status.ShouldBe(OpinionCaseStatus.Closed);
        c.Feedbacks.Count.ShouldBe(2);
    }

    [Fact]
    public void Assign_SameUnitAgain_ConflictAlreadyAssigned()
    {
        var c = InStatus(OpinionCaseStatus.Assigned);

        Expect.Conflict(() => c.Assign(AssignedUnit, "再交办", null, Office, At), "OpinionCase.AlreadyAssigned");
    }

    [Fact]
    public void Assign_StaleRevision_Conflict()
    {
        var c = Open();

        Expect.Conflict(() => c.Assign(AssignedUnit, "交办", null, Office, At, expectedRevision: c.Revision + 1), "OpinionCase.Stale");
    }

    [Fact]
    public void Assign_DueInThePast_Validation()
    {
        Expect.Validation(() => Open().Assign(AssignedUnit, "交办", At.AddMinutes(-1), Office, At), "OpinionCase.DueInPast", "dueAt");
    }

    [Fact]
    public void Assign_NoInstructions_Validation()
    {
        Expect.Validation(() => Open().Assign(AssignedUnit, "  ", null, Office, At), "Required", "instructions");
    }

    [Fact]
    public void Assign_RecordsUnitAndInstructions()
    {
        var c = Open();

        c.Assign(AssignedUnit, " 请核实回应 ", At.AddHours(5), Office, At);

        (c.UnitId, c.Instructions, c.AssignedAt, c.AssignedById, c.AssignmentDueAt).ShouldBe(((long?)AssignedUnit, "请核实回应", (DateTime?)At, (long?)Office, (DateTime?)At.AddHours(5)));
        var e = c.History[^1];
        (e.Action, e.ActorId, e.RefId, e.Detail).ShouldBe((OpinionCaseAction.Assigned, (long?)Office, (long?)AssignedUnit, "请核实回应"));
    }

    [Fact]
    public void Close_WithoutLessons_Validation()
    {
        Expect.Validation(() => InStatus(OpinionCaseStatus.FedBack).Close("已办结", "", Office, At), "Required", "lessons");
    }

    [Fact]
    public void Close_PendingApproval_Conflict()
    {
        var c = InStatus(OpinionCaseStatus.Handling, severity: OpinionSeverity.Major);
        c.RecordResponse(ResponseKind.Statement, "通报", null, [], MajorRoute, Reviewers, UnitMember, At);

        Expect.Conflict(() => c.Close("办结", "无", Office, At), "OpinionCase.ApprovalPending");
        Expect.Conflict(() => c.SubmitFeedback("反馈", UnitMember, At), "OpinionCase.ApprovalPending");
    }

    [Fact]
    public void CloseAndReopen_ItemsLeaveAndRejoinOpenCases_AndClosingDetailsAreKeptInHistory()
    {
        var c = InStatus(OpinionCaseStatus.FedBack);

        c.Close("问题已解决", "停水须提前公告", Office, At);
        (c.ClosedAt, c.ClosedById, c.CloseSummary, c.Lessons).ShouldBe(((DateTime?)At, (long?)Office, "问题已解决", "停水须提前公告"));
        c.Items.ShouldAllBe(i => !i.Active);

        c.Reopen("居民再次投诉", Office, At.AddHours(1));

        c.Items.ShouldAllBe(i => i.Active);
        (c.ClosedAt, c.CloseSummary, c.ReopenCount).ShouldBe(((DateTime?)null, (string?)null, 1));
        c.History.Where(e => e.Action is OpinionCaseAction.Closed or OpinionCaseAction.Reopened)
            .Select(e => (e.Action, e.Detail, e.ActorId, e.At))
            .ShouldBe([(OpinionCaseAction.Closed, "问题已解决", (long?)Office, At), (OpinionCaseAction.Reopened, "居民再次投诉", Office, At.AddHours(1))]);
    }

    [Fact]
    public void Reopen_NoReason_Validation()
    {
        Expect.Validation(() => InStatus(OpinionCaseStatus.Closed).Reopen(null, Office, At), "Required", "reason");
    }

    private static void Run(OpinionCase c, Op op)
    {
        switch (op)
        {
            case Op.Assign:
                c.Assign(TestOrg.Community, "改由社区办理", null, Office, At);
                break;
            case Op.Response:
                c.RecordResponse(ResponseKind.Statement, "情况通报", null, [], null, Reviewers, UnitMember, At);
                break;
            case Op.Disposal:
                c.RecordDisposal("现场处置", null, [], UnitMember, At);
                break;
            case Op.Feedback:
                c.SubmitFeedback("办理情况", UnitMember, At);
                break;
            case Op.Close:
                c.Close("已办结", "经验", Office, At);
                break;
            case Op.Reopen:
                c.Reopen("再次发酵", Office, At);
                break;
            case Op.ChangeSeverity:
                c.ChangeSeverity(OpinionSeverity.Significant, "扩散", DeadlinePolicy.Default, Office, At);
                break;
        }
    }
}
