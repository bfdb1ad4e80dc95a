using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.OpinionCases.CaseFixtures;

namespace Herald.Domain.Tests.OpinionCases;

/// <summary>Responses of 重大/特别重大 cases go through the major route (head → leader → principal) before release.</summary>
public class ResponseApprovalTests
{
    private static readonly DateTime At = T0.AddHours(1);

    private static (OpinionCase Case, OpinionResponse Response) Pending(OpinionSeverity severity = OpinionSeverity.Major, long recorder = UnitMember)
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: severity);
        var r = c.RecordResponse(ResponseKind.Statement, "关于幸福小区停水情况的通报", "https://gov.example.invalid/a", [File()], MajorRoute,
            Reviewers, recorder, At);
        c.Saved();
        return (c, r);
    }

    [Fact]
    public void Record_MajorCase_PendingAtTheHeadAndNotReleased()
    {
        var (c, r) = Pending();

        (r.Status, r.CurrentStep, r.CurrentStepRole, r.ReleasedAt).ShouldBe((ResponseStatus.PendingApproval, (int?)0, (Role?)Role.UnitHead, (DateTime?)null));
        (r.Number, r.UnitId, r.Statement, r.Link, r.RouteSteps).ShouldBe((1, AssignedUnit, "关于幸福小区停水情况的通报", "https://gov.example.invalid/a",
            "UnitHead,SupervisingLeader,Principal"));
        r.Attachments.Select(a => (a.FileName, a.CaseId)).ShouldBe([("现场.jpg", 1L)]);
        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBeNull();
        c.Deadline(DeadlineKind.FirstResponse).MetAt.ShouldBe(At, "recording a response is the unit's first response, released or not");
        c.IsAwaiting(r, TestOrg.OfficeHead, Reviewers).ShouldBeTrue();
        c.IsAwaiting(r, TestOrg.OfficeLeader, Reviewers).ShouldBeFalse();
    }

    [Theory]
    [InlineData(OpinionSeverity.Critical)]
    [InlineData(OpinionSeverity.Major)]
    public void Record_MajorWithoutRoute_Conflict(OpinionSeverity severity)
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: severity);

        Expect.Conflict(() => c.RecordResponse(ResponseKind.Statement, "通报", null, [], null, Reviewers, UnitMember, At), "OpinionCase.RouteRequired");
    }

    [Theory]
    [InlineData(OpinionSeverity.General)]
    [InlineData(OpinionSeverity.Significant)]
    public void Record_BelowMajor_ReleasedAtOnceEvenIfARouteIsGiven(OpinionSeverity severity)
    {
        var c = InStatus(OpinionCaseStatus.Assigned, severity: severity);

        var r = c.RecordResponse(ResponseKind.Statement, "通报", null, [], MajorRoute, Reviewers, UnitMember, At);

        (r.Status, r.ReleasedAt, r.NeedsApproval).ShouldBe((ResponseStatus.Released, (DateTime?)At, false));
        c.Deadline(DeadlineKind.Answer).MetAt.ShouldBe(At);
        c.History.TakeLast(2).Select(e => e.Action).ShouldBe([OpinionCaseAction.ResponseRecorded, OpinionCaseAction.ResponseReleased]);
    }

    [Fact]
    public void Approve_ThreeLevels_ReleasedAtTheLastAndDeadlineMet()
    {
        var (c, r) = Pending();

        c.ApproveResponse(r.Id, "同意", Reviewers, TestOrg.OfficeHead, At.AddMinutes(10));
        c.ApproveResponse(r.Id, null, Reviewers, TestOrg.OfficeLeader, At.AddMinutes(20));
        r.Status.ShouldBe(ResponseStatus.PendingApproval);
        c.ApproveResponse(r.Id, "可以发布", Reviewers, TestOrg.Principal, At.AddMinutes(30));

        (r.Status, r.ReleasedAt, r.CurrentStep).ShouldBe((ResponseStatus.Released, (DateTime?)At.AddMinutes(30), (int?)null));
        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBe(At.AddMinutes(30));
        c.History.Where(e => e.RefId == 1 && e.Action != OpinionCaseAction.ResponseRecorded)
            .Select(e => (e.Action, e.Step, e.StepRole, e.ActorId, e.Detail))
            .ShouldBe(
            [
                (OpinionCaseAction.ResponseApproved, (int?)1, (Role?)Role.UnitHead, (long?)TestOrg.OfficeHead, (string?)"同意"),
                (OpinionCaseAction.ResponseApproved, 2, Role.SupervisingLeader, TestOrg.OfficeLeader, null),
                (OpinionCaseAction.ResponseApproved, 3, Role.Principal, TestOrg.Principal, "可以发布"),
                (OpinionCaseAction.ResponseReleased, null, null, TestOrg.Principal, null),
            ]);
    }

    [Theory]
    [InlineData(TestOrg.OfficeLeader)]
    [InlineData(TestOrg.Principal)]
    [InlineData(TestOrg.Author)]
    [InlineData(TestOrg.PublicityOffice)]
    public void Approve_NotTheCurrentReviewer_Forbidden(long who)
    {
        var (c, r) = Pending();

        Expect.Forbidden(() => c.ApproveResponse(r.Id, null, Reviewers, who, At), "Review.NotReviewer");
        r.CurrentStep.ShouldBe(0);
    }

    [Fact]
    public void Record_ByTheHead_HeadStepAutoPassed()
    {
        var (c, r) = Pending(recorder: TestOrg.OfficeHead);

        (r.CurrentStep, r.CurrentStepRole).ShouldBe(((int?)1, (Role?)Role.SupervisingLeader));
        c.History.Any(e => e.Action == OpinionCaseAction.ResponseAutoPassed && e.Step == 1 && e.ActorId == TestOrg.OfficeHead).ShouldBeTrue();
    }

    [Fact]
    public void Record_NoReviewerForAStep_ConflictAndNothingRecorded()
    {
        var tree = TestOrg.StreetTree().Build();
        var noPrincipal = new ReviewRoute([Role.UnitHead, Role.Principal]);
        var c = InStatus(OpinionCaseStatus.Assigned, severity: OpinionSeverity.Major);
        var bureauReviewers = tree.ReviewersFor(TestOrg.Bureau);

        Expect.Conflict(() => c.RecordResponse(ResponseKind.Statement, "通报", null, [], noPrincipal, bureauReviewers, UnitMember, At), "OpinionCase.NoReviewer");
        c.Responses.ShouldBeEmpty();
    }

    [Fact]
    public void Return_WithReason_NotReleasedAndNoLongerPending()
    {
        var (c, r) = Pending();
        c.ApproveResponse(r.Id, null, Reviewers, TestOrg.OfficeHead, At);

        c.ReturnResponse(r.Id, "口径需与县里统一", Reviewers, TestOrg.OfficeLeader, At.AddMinutes(5));

        (r.Status, r.ReturnReason, r.ReleasedAt).ShouldBe((ResponseStatus.Returned, "口径需与县里统一", (DateTime?)null));
        c.History[^1].ShouldSatisfyAllConditions(
            e => e.Action.ShouldBe(OpinionCaseAction.ResponseReturned),
            e => e.Step.ShouldBe(2),
            e => e.Detail.ShouldBe("口径需与县里统一"));
        Expect.Conflict(() => c.ApproveResponse(r.Id, null, Reviewers, TestOrg.OfficeLeader, At), "OpinionCase.ResponseNotPending");
        c.Deadline(DeadlineKind.AuthoritativeInfo).MetAt.ShouldBeNull();
    }

    [Fact]
    public void Return_WithoutReason_Validation()
    {
        var (c, r) = Pending();

        Expect.Validation(() => c.ReturnResponse(r.Id, "", Reviewers, TestOrg.OfficeHead, At), "Required", "reason");
    }

    [Fact]
    public void Record_BadLinkOrTooManyFiles_Validation()
    {
        var c = InStatus(OpinionCaseStatus.Assigned);

        Expect.Validation(() => c.RecordResponse(ResponseKind.Statement, "x", "javascript:alert(1)", [], null, Reviewers, UnitMember, At), "Url.Invalid", "link");
        Expect.Validation(() => c.RecordResponse(ResponseKind.Statement, "x", null, Enumerable.Repeat(File(), 10).ToList(), null, Reviewers, UnitMember, At),
            "OpinionCase.TooManyFiles", "files");
        Expect.Validation(() => c.RecordResponse(ResponseKind.Statement, " ", null, [], null, Reviewers, UnitMember, At), "Required", "statement");
        c.Responses.ShouldBeEmpty();
    }

    [Fact]
    public void Disposal_TakenInTheFuture_Validation()
    {
        Expect.Validation(() => InStatus(OpinionCaseStatus.Assigned).RecordDisposal("处置", At.AddHours(1), [], UnitMember, At),
            "OpinionCase.TakenInFuture", "takenAt");
    }
}
