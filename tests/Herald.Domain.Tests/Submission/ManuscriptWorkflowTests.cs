using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

public enum ReviewAction
{
    Approve,
    Return,
    Reject,
}

public class ManuscriptWorkflowTests
{
    private readonly TestDesk _desk = new();

    private static void Act(Manuscript m, ReviewAction action, long actorId, Func<Role, ReviewerResolution> reviewers,
        string? comment = "理由", int? expectedRevision = null, DateTime? at = null)
    {
        var now = at ?? TestClock.Now;
        switch (action)
        {
            case ReviewAction.Approve: m.Approve(actorId, comment, reviewers, now, expectedRevision); break;
            case ReviewAction.Return: m.Return(actorId, comment, reviewers, now, expectedRevision); break;
            case ReviewAction.Reject: m.Reject(actorId, comment, reviewers, now, expectedRevision); break;
        }
    }

    // ---------- Create ----------

    [Fact]
    public void CreateDraft_ValidContent_IsDraftWithCreatedEvent()
    {
        var m = _desk.Draft();

        m.Status.ShouldBe(ManuscriptStatus.Draft);
        m.UnitId.ShouldBe(TestOrg.PartyOffice);
        m.AuthorId.ShouldBe(TestOrg.Author);
        m.VersionNumber.ShouldBe(0);
        m.Versions.ShouldBeEmpty();
        m.Revision.ShouldBe(1);
        m.SubmittedAt.ShouldBeNull();
        m.CurrentStep.ShouldBeNull();
        m.CreatedAt.ShouldBe(TestClock.Now);
        m.History.Count.ShouldBe(1);
        var created = m.History[0];
        created.Action.ShouldBe(ManuscriptEventAction.Created);
        created.FromStatus.ShouldBe(ManuscriptStatus.Draft);
        created.ToStatus.ShouldBe(ManuscriptStatus.Draft);
        created.ActorId.ShouldBe(TestOrg.Author);
        created.Step.ShouldBeNull();
        created.StepRole.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateDraft_BlankTitle_ThrowsRequired(string title)
    {
        Expect.Validation(() => _desk.Draft(content: TestDesk.Content(title: title)), "Required", "Title");
    }

    [Fact]
    public void CreateDraft_KnownAtMoreThanFiveMinutesAhead_ThrowsKnownAtInFuture()
    {
        var content = TestDesk.Content(emergency: true, knownAtUtc: TestClock.Now.AddMinutes(6));

        Expect.Validation(() => _desk.Draft(content: content), "Manuscript.KnownAtInFuture", "KnownAt");
    }

    [Fact]
    public void CreateDraft_KnownAtWithoutEmergency_KnownAtDropped()
    {
        var m = _desk.Draft(content: TestDesk.Content(emergency: false, knownAtUtc: TestClock.Now.AddHours(-2)));

        m.KnownAtUtc.ShouldBeNull();
    }

    // ---------- Submit: allowed ----------

    [Fact]
    public void Submit_FromDraft_EntersFirstStepAndKeepsVersion()
    {
        var m = _desk.Draft(Importance.Important);

        _desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(0);
        m.CurrentStepRole.ShouldBe(Role.UnitHead);
        m.RouteSteps.ShouldBe("UnitHead,SupervisingLeader");
        m.VersionNumber.ShouldBe(1);
        m.Versions.Count.ShouldBe(1);
        m.Versions[0].Number.ShouldBe(1);
        m.Versions[0].Title.ShouldBe(m.Title);
        m.Versions[0].AuthorId.ShouldBe(TestOrg.Author);
        m.SubmittedAt.ShouldBe(TestClock.Now);
        m.LastSubmittedAt.ShouldBe(TestClock.Now);
        m.ApprovedAt.ShouldBeNull();
        m.IsLate.ShouldBeFalse();
        m.Revision.ShouldBe(2);
        var submitted = m.History.Last();
        submitted.Action.ShouldBe(ManuscriptEventAction.Submitted);
        submitted.FromStatus.ShouldBe(ManuscriptStatus.Draft);
        submitted.ToStatus.ShouldBe(ManuscriptStatus.InReview);
        submitted.Step.ShouldBeNull();
        submitted.VersionNumber.ShouldBe(1);
        m.IsAwaiting(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeTrue();
        m.IsAwaiting(TestOrg.OfficeLeader, _desk.Reviewers).ShouldBeFalse();
        m.IsAwaiting(TestOrg.Author, _desk.Reviewers).ShouldBeFalse();
    }

    [Fact]
    public void Submit_FromReturned_ResubmitsAtStepZeroWithSecondVersion()
    {
        var m = _desk.Submitted(Importance.Important);
        var firstTitle = m.Title;
        m.Approve(TestOrg.OfficeHead, "同意", _desk.Reviewers, TestClock.Now.AddMinutes(10));
        m.CurrentStep.ShouldBe(1);
        m.Return(TestOrg.OfficeLeader, "请补充参会人数", _desk.Reviewers, TestClock.Now.AddMinutes(20));
        m.Edit(TestOrg.Author, m.Revision, TestDesk.Content(title: "修改后的标题", importance: Importance.Important),
            TestClock.Now.AddMinutes(30));

        _desk.Submit(m, at: TestClock.Now.AddMinutes(40));

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(0);
        m.CurrentStepRole.ShouldBe(Role.UnitHead);
        m.VersionNumber.ShouldBe(2);
        m.Versions.Count.ShouldBe(2);
        m.Versions[0].Number.ShouldBe(1);
        m.Versions[0].Title.ShouldBe(firstTitle);
        m.Versions[1].Number.ShouldBe(2);
        m.Versions[1].Title.ShouldBe("修改后的标题");
        m.SubmittedAt.ShouldBe(TestClock.Now);
        m.LastSubmittedAt.ShouldBe(TestClock.Now.AddMinutes(40));
        var resubmitted = m.History.Last();
        resubmitted.Action.ShouldBe(ManuscriptEventAction.Resubmitted);
        resubmitted.FromStatus.ShouldBe(ManuscriptStatus.Returned);
        resubmitted.ToStatus.ShouldBe(ManuscriptStatus.InReview);
        resubmitted.VersionNumber.ShouldBe(2);
        m.IsAwaiting(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeTrue();
        m.IsAwaiting(TestOrg.OfficeLeader, _desk.Reviewers).ShouldBeFalse();
    }

    [Fact]
    public void Submit_ResubmittedAfterReturn_CanBeApprovedAgainThroughWholeRoute()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Return(TestOrg.OfficeHead, "标题不规范", _desk.Reviewers, TestClock.Now);
        _desk.Submit(m);

        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now.AddHours(1));
        m.Approve(TestOrg.OfficeLeader, null, _desk.Reviewers, TestClock.Now.AddHours(2));

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(TestClock.Now.AddHours(2));
        m.History.Select(e => e.Action).ShouldBe([
            ManuscriptEventAction.Created, ManuscriptEventAction.Submitted, ManuscriptEventAction.Returned,
            ManuscriptEventAction.Resubmitted, ManuscriptEventAction.Approved, ManuscriptEventAction.Approved,
        ]);
        m.History.Skip(4).ShouldAllBe(e => e.VersionNumber == 2);
    }

    // ---------- Submit: refused ----------

    [Theory]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void Submit_InNonSubmittableStatus_ThrowsCannotSubmitInStatus(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);
        var historyCount = m.History.Count;
        var revision = m.Revision;

        var ex = Expect.Conflict(() => _desk.Submit(m), "Manuscript.CannotSubmitInStatus");

        ex.Args.ShouldBe([status]);
        m.Status.ShouldBe(status);
        m.History.Count.ShouldBe(historyCount);
        m.Revision.ShouldBe(revision);
        m.VersionNumber.ShouldBe(1);
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    public void Submit_ByNonAuthor_ThrowsNotAuthor(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Forbidden(() => _desk.Submit(m, actorId: TestOrg.OfficeHead), "Manuscript.NotAuthor");

        m.Status.ShouldBe(status);
    }

    [Fact]
    public void Submit_StepWithoutReviewer_ThrowsNoReviewerAndStaysDraft()
    {
        // 县科技局 is a root with a correspondent and a head but no supervising leader anywhere above it.
        var tree = TestOrg.StreetTree()
            .Assign(110, Role.Correspondent, TestOrg.Bureau)
            .Assign(210, Role.UnitHead, TestOrg.Bureau)
            .Build();
        var desk = new TestDesk(tree, TestOrg.Bureau, 110);
        var m = desk.Draft(Importance.Important);

        var ex = Expect.Conflict(() => desk.Submit(m), "Review.NoReviewer");

        ex.Args.ShouldBe([Role.SupervisingLeader]);
        m.Status.ShouldBe(ManuscriptStatus.Draft);
        m.VersionNumber.ShouldBe(0);
        m.Versions.ShouldBeEmpty();
        m.SubmittedAt.ShouldBeNull();
        m.History.Count.ShouldBe(1);
    }

    [Fact]
    public void Submit_FirstStepWithoutReviewer_ThrowsNoReviewerForUnitHead()
    {
        var tree = TestOrg.StreetTree().Assign(110, Role.Correspondent, TestOrg.Bureau).Build();
        var desk = new TestDesk(tree, TestOrg.Bureau, 110);
        var m = desk.Draft();

        var ex = Expect.Conflict(() => desk.Submit(m), "Review.NoReviewer");

        ex.Args.ShouldBe([Role.UnitHead]);
    }

    [Fact]
    public void Submit_SecondPhotoWithoutCaption_ThrowsPhotoCaptionRequiredWithOneBasedIndex()
    {
        var m = _desk.Draft();
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("1.jpg"), "街道召开会议现场", TestClock.Now);
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("2.jpg"), "   ", TestClock.Now);
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("3.jpg"), null, TestClock.Now);

        var ex = Expect.Validation(() => _desk.Submit(m), "Manuscript.PhotoCaptionRequired", "Captions");

        ex.Args.ShouldBe([2]);
        m.Status.ShouldBe(ManuscriptStatus.Draft);
    }

    [Fact]
    public void Submit_AllPhotosCaptioned_SnapshotsCaptions()
    {
        var m = _desk.Draft();
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("1.jpg"), " 会议现场 ", TestClock.Now);
        m.AddPhoto(TestOrg.Author, TestDesk.Photo("2.jpg"), "领导讲话", TestClock.Now);

        _desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.Versions[0].PhotoCaptions.ShouldBe("会议现场\n领导讲话");
    }

    [Fact]
    public void Submit_EventDateAfterTodayInChina_ThrowsEventDateInFuture()
    {
        var m = _desk.Draft(content: TestDesk.Content(eventDate: TestClock.Today.AddDays(1)));

        Expect.Validation(() => _desk.Submit(m), "Manuscript.EventDateInFuture", "EventDate");

        m.Status.ShouldBe(ManuscriptStatus.Draft);
    }

    [Fact]
    public void Submit_EventDateIsChinaTodayButUtcYesterday_Accepted()
    {
        // 2026-03-05 01:00 Beijing = 2026-03-04 17:00 UTC: an event "today" in Beijing is not in the future.
        var at = TestClock.Cst(2026, 3, 5, 1, 0);
        var m = _desk.Draft(content: TestDesk.Content(eventDate: new DateOnly(2026, 3, 5)), at: at);

        _desk.Submit(m, at: at);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
    }

    [Fact]
    public void Submit_BlankBody_ThrowsRequired()
    {
        var m = _desk.Draft(content: TestDesk.Content(body: "  "));

        Expect.Validation(() => _desk.Submit(m), "Required", "Body");
    }

    [Fact]
    public void Submit_NoCategory_ThrowsRequired()
    {
        var m = _desk.Draft(content: TestDesk.Content(categoryId: 0));

        Expect.Validation(() => _desk.Submit(m), "Required", "Category");
    }

    [Fact]
    public void Submit_MoreThanThreeDaysAfterEvent_MarksLate()
    {
        var m = _desk.Draft(content: TestDesk.Content(eventDate: new DateOnly(2026, 3, 1)));

        _desk.Submit(m);

        m.IsLate.ShouldBeTrue();
    }

    [Fact]
    public void Submit_Resubmission_KeepsLatenessOfFirstSubmission()
    {
        var m = _desk.Draft(content: TestDesk.Content(eventDate: new DateOnly(2026, 3, 4)));
        _desk.Submit(m);
        m.Return(TestOrg.OfficeHead, "请修改", _desk.Reviewers, TestClock.Now);

        _desk.Submit(m, at: TestClock.Now.AddDays(10));

        m.IsLate.ShouldBeFalse();
        m.SubmittedAt.ShouldBe(TestClock.Now);
    }

    // ---------- Full routes ----------

    [Fact]
    public void Approve_RoutineRoute_OneStepApproves()
    {
        var m = _desk.Submitted(Importance.Routine);
        var at = TestClock.Now.AddHours(1);

        m.Approve(TestOrg.OfficeHead, "同意", _desk.Reviewers, at);

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(at);
        m.CurrentStep.ShouldBeNull();
        m.CurrentStepRole.ShouldBeNull();
        m.UpdatedAt.ShouldBe(at);
        var approved = m.History.Last();
        approved.Action.ShouldBe(ManuscriptEventAction.Approved);
        approved.FromStatus.ShouldBe(ManuscriptStatus.InReview);
        approved.ToStatus.ShouldBe(ManuscriptStatus.Approved);
        approved.Step.ShouldBe(1);
        approved.StepRole.ShouldBe(Role.UnitHead);
        approved.Comment.ShouldBe("同意");
        approved.ActorId.ShouldBe(TestOrg.OfficeHead);
        approved.At.ShouldBe(at);
    }

    [Fact]
    public void Approve_ImportantRoute_TwoStepsThenApproved()
    {
        var m = _desk.Submitted(Importance.Important);

        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now.AddHours(1));

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(1);
        m.CurrentStepRole.ShouldBe(Role.SupervisingLeader);
        m.ApprovedAt.ShouldBeNull();
        m.IsAwaiting(TestOrg.OfficeLeader, _desk.Reviewers).ShouldBeTrue();
        m.IsAwaiting(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeFalse();

        m.Approve(TestOrg.OfficeLeader, null, _desk.Reviewers, TestClock.Now.AddHours(2));

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(TestClock.Now.AddHours(2));
        m.History.Count(e => e.Action == ManuscriptEventAction.Approved).ShouldBe(2);
    }

    [Fact]
    public void Approve_MajorRoute_ThreeStepsWithFullHistory()
    {
        var m = _desk.Submitted(Importance.Major);
        m.RouteSteps.ShouldBe("UnitHead,SupervisingLeader,Principal");

        m.Approve(TestOrg.OfficeHead, " 同意报送 ", _desk.Reviewers, TestClock.Now.AddHours(1));
        m.CurrentStepRole.ShouldBe(Role.SupervisingLeader);
        m.Approve(TestOrg.OfficeLeader, null, _desk.Reviewers, TestClock.Now.AddHours(2));
        m.CurrentStepRole.ShouldBe(Role.Principal);
        m.ApprovedAt.ShouldBeNull();
        m.Approve(TestOrg.Principal, "可以", _desk.Reviewers, TestClock.Now.AddHours(3));

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(TestClock.Now.AddHours(3));
        m.History.Count.ShouldBe(5);
        m.History.Select(e => e.Action).ShouldBe([
            ManuscriptEventAction.Created, ManuscriptEventAction.Submitted, ManuscriptEventAction.Approved,
            ManuscriptEventAction.Approved, ManuscriptEventAction.Approved,
        ]);
        m.History.Select(e => e.Step).ShouldBe([null, null, 1, 2, 3]);
        m.History.Select(e => e.StepRole).ShouldBe([
            null, null, Role.UnitHead, Role.SupervisingLeader, Role.Principal,
        ]);
        m.History.Select(e => e.ActorId).ShouldBe([
            TestOrg.Author, TestOrg.Author, TestOrg.OfficeHead, TestOrg.OfficeLeader, TestOrg.Principal,
        ]);
        m.History.Select(e => e.FromStatus).ShouldBe([
            ManuscriptStatus.Draft, ManuscriptStatus.Draft, ManuscriptStatus.InReview, ManuscriptStatus.InReview,
            ManuscriptStatus.InReview,
        ]);
        m.History.Select(e => e.ToStatus).ShouldBe([
            ManuscriptStatus.Draft, ManuscriptStatus.InReview, ManuscriptStatus.InReview, ManuscriptStatus.InReview,
            ManuscriptStatus.Approved,
        ]);
        m.History.Select(e => e.Comment).ShouldBe([null, null, "同意报送", null, "可以"]);
        m.History.Select(e => e.VersionNumber).ShouldBe([0, 1, 1, 1, 1]);
    }

    [Fact]
    public void Approve_SubmittedFromSubUnit_ReviewedByNearestAncestorHead()
    {
        // 综合组 has no head of its own: 党政办公室's head reviews; the leader is found two levels up for 第一网格.
        var desk = new TestDesk(unitId: TestOrg.Grid, authorId: TestOrg.CommunityAuthor);
        var m = desk.Submitted(Importance.Important);

        m.IsAwaiting(TestOrg.CommunityHead, desk.Reviewers).ShouldBeTrue();
        m.Approve(TestOrg.CommunityHead, null, desk.Reviewers, TestClock.Now);
        m.IsAwaiting(TestOrg.StreetLeader, desk.Reviewers).ShouldBeTrue();
        Expect.Forbidden(() => m.Approve(TestOrg.OfficeLeader, null, desk.Reviewers, TestClock.Now), "Review.NotReviewer");
        m.Approve(TestOrg.StreetLeader, null, desk.Reviewers, TestClock.Now);

        m.Status.ShouldBe(ManuscriptStatus.Approved);
    }

    // ---------- Auto-pass ----------

    [Fact]
    public void Submit_AuthorIsOnlyStepReviewer_AutoPassesToApproved()
    {
        var desk = new TestDesk(authorId: TestOrg.OfficeHead);
        var m = desk.Draft(Importance.Routine);

        desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(TestClock.Now);
        m.CurrentStep.ShouldBeNull();
        m.History.Select(e => e.Action).ShouldBe([
            ManuscriptEventAction.Created, ManuscriptEventAction.Submitted, ManuscriptEventAction.AutoPassed,
        ]);
        var auto = m.History[2];
        auto.ActorId.ShouldBe(TestOrg.OfficeHead);
        auto.Step.ShouldBe(1);
        auto.StepRole.ShouldBe(Role.UnitHead);
        auto.FromStatus.ShouldBe(ManuscriptStatus.InReview);
        auto.ToStatus.ShouldBe(ManuscriptStatus.Approved);
        auto.Comment.ShouldBeNull();
    }

    [Fact]
    public void Submit_AuthorIsFirstStepReviewer_AutoPassesFirstStepOnly()
    {
        var desk = new TestDesk(authorId: TestOrg.OfficeHead);
        var m = desk.Draft(Importance.Major);

        desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(1);
        m.CurrentStepRole.ShouldBe(Role.SupervisingLeader);
        m.History.Count(e => e.Action == ManuscriptEventAction.AutoPassed).ShouldBe(1);
        m.History.Last().Step.ShouldBe(1);
        m.IsAwaiting(TestOrg.OfficeLeader, desk.Reviewers).ShouldBeTrue();
    }

    private static OrgTree HeadAlsoLeaderTree() => new TestOrg()
        .Unit(1, "示例街道", null, UnitType.Street)
        .Unit(2, "党政办公室", 1)
        .Assign(100, Role.Correspondent, 2)
        .Assign(200, Role.UnitHead, 2)
        .Assign(200, Role.SupervisingLeader, 2)
        .Assign(400, Role.Principal, 1)
        .Build();

    [Fact]
    public void Approve_ApproverAlsoHoldsNextStep_NextStepAutoPassed()
    {
        var desk = new TestDesk(HeadAlsoLeaderTree(), 2, 100);
        var m = desk.Submitted(Importance.Major);

        m.Approve(200, "同意", desk.Reviewers, TestClock.Now.AddHours(1));

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(2);
        m.CurrentStepRole.ShouldBe(Role.Principal);
        var tail = m.History.TakeLast(2).ToList();
        tail[0].Action.ShouldBe(ManuscriptEventAction.Approved);
        tail[0].Step.ShouldBe(1);
        tail[0].StepRole.ShouldBe(Role.UnitHead);
        tail[0].Comment.ShouldBe("同意");
        tail[1].Action.ShouldBe(ManuscriptEventAction.AutoPassed);
        tail[1].ActorId.ShouldBe(200);
        tail[1].Step.ShouldBe(2);
        tail[1].StepRole.ShouldBe(Role.SupervisingLeader);
        tail[1].FromStatus.ShouldBe(ManuscriptStatus.InReview);
        tail[1].ToStatus.ShouldBe(ManuscriptStatus.InReview);
        m.IsAwaiting(400, desk.Reviewers).ShouldBeTrue();
    }

    [Fact]
    public void Approve_ApproverHoldsLastStepToo_ApprovedWithAutoPass()
    {
        var desk = new TestDesk(HeadAlsoLeaderTree(), 2, 100);
        var m = desk.Submitted(Importance.Important);

        m.Approve(200, null, desk.Reviewers, TestClock.Now.AddHours(1));

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.ApprovedAt.ShouldBe(TestClock.Now.AddHours(1));
        m.History.Last().Action.ShouldBe(ManuscriptEventAction.AutoPassed);
        m.History.Last().ToStatus.ShouldBe(ManuscriptStatus.Approved);
    }

    // ---------- Review: refused ----------

    [Theory]
    [InlineData(ReviewAction.Approve, ManuscriptStatus.Draft)]
    [InlineData(ReviewAction.Approve, ManuscriptStatus.Returned)]
    [InlineData(ReviewAction.Approve, ManuscriptStatus.Approved)]
    [InlineData(ReviewAction.Approve, ManuscriptStatus.Rejected)]
    [InlineData(ReviewAction.Return, ManuscriptStatus.Draft)]
    [InlineData(ReviewAction.Return, ManuscriptStatus.Returned)]
    [InlineData(ReviewAction.Return, ManuscriptStatus.Approved)]
    [InlineData(ReviewAction.Return, ManuscriptStatus.Rejected)]
    [InlineData(ReviewAction.Reject, ManuscriptStatus.Draft)]
    [InlineData(ReviewAction.Reject, ManuscriptStatus.Returned)]
    [InlineData(ReviewAction.Reject, ManuscriptStatus.Approved)]
    [InlineData(ReviewAction.Reject, ManuscriptStatus.Rejected)]
    public void Review_NotInReview_ThrowsNotInReview(ReviewAction action, ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);
        var historyCount = m.History.Count;

        var ex = Expect.Conflict(() => Act(m, action, TestOrg.OfficeHead, _desk.Reviewers), "Review.NotInReview");

        ex.Args.ShouldBe([status]);
        m.Status.ShouldBe(status);
        m.History.Count.ShouldBe(historyCount);
    }

    [Theory]
    [InlineData(ReviewAction.Approve, TestOrg.Author)]
    [InlineData(ReviewAction.Approve, TestOrg.OfficeLeader)]
    [InlineData(ReviewAction.Approve, TestOrg.Principal)]
    [InlineData(ReviewAction.Approve, TestOrg.CommunityHead)]
    [InlineData(ReviewAction.Approve, TestOrg.StreetHead)]
    [InlineData(ReviewAction.Return, TestOrg.Author)]
    [InlineData(ReviewAction.Return, TestOrg.OfficeLeader)]
    [InlineData(ReviewAction.Return, TestOrg.PublicityOffice)]
    [InlineData(ReviewAction.Reject, TestOrg.Author)]
    [InlineData(ReviewAction.Reject, TestOrg.Principal)]
    [InlineData(ReviewAction.Reject, TestOrg.SysAdmin)]
    public void Review_ByNonReviewerOfCurrentStep_ThrowsNotReviewer(ReviewAction action, long actorId)
    {
        var m = _desk.Submitted(Importance.Major);
        var revision = m.Revision;

        Expect.Forbidden(() => Act(m, action, actorId, _desk.Reviewers), "Review.NotReviewer");

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(0);
        m.Revision.ShouldBe(revision);
        m.History.Count.ShouldBe(2);
    }

    [Fact]
    public void Approve_PreviousStepReviewerAtSecondStep_ThrowsNotReviewer()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);

        Expect.Forbidden(() => m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now), "Review.NotReviewer");

        m.CurrentStep.ShouldBe(1);
    }

    [Theory]
    [InlineData(ReviewAction.Return, null)]
    [InlineData(ReviewAction.Return, "")]
    [InlineData(ReviewAction.Return, "  \n ")]
    [InlineData(ReviewAction.Reject, null)]
    [InlineData(ReviewAction.Reject, "")]
    [InlineData(ReviewAction.Reject, "\t")]
    public void Review_ReturnOrRejectWithoutReason_ThrowsReasonRequired(ReviewAction action, string? reason)
    {
        var m = _desk.Submitted();

        Expect.Validation(() => Act(m, action, TestOrg.OfficeHead, _desk.Reviewers, reason), "Review.ReasonRequired", "Comment");

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.History.Count.ShouldBe(2);
    }

    [Fact]
    public void Return_ReasonTooLong_ThrowsTooLong()
    {
        var m = _desk.Submitted();

        var ex = Expect.Validation(
            () => m.Return(TestOrg.OfficeHead, new string('改', Manuscript.ReasonMaxLength + 1), _desk.Reviewers, TestClock.Now),
            "TooLong", "Comment");

        ex.Args.ShouldBe([Manuscript.ReasonMaxLength]);
    }

    [Theory]
    [InlineData(ReviewAction.Approve)]
    [InlineData(ReviewAction.Return)]
    [InlineData(ReviewAction.Reject)]
    public void Review_StaleExpectedRevision_ThrowsStaleReview(ReviewAction action)
    {
        var m = _desk.Submitted();

        Expect.Conflict(() => Act(m, action, TestOrg.OfficeHead, _desk.Reviewers, expectedRevision: m.Revision - 1),
            "Manuscript.StaleReview");

        m.Status.ShouldBe(ManuscriptStatus.InReview);
    }

    [Fact]
    public void Approve_CurrentExpectedRevision_Succeeds()
    {
        var m = _desk.Submitted();
        var revision = m.Revision;

        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now, expectedRevision: revision);

        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.Revision.ShouldBe(revision + 1);
    }

    [Fact]
    public void Approve_ReviewedTwiceWithSameRevision_SecondThrowsStaleReview()
    {
        var m = _desk.Submitted(Importance.Important);
        var seen = m.Revision;
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now, seen);

        Expect.Conflict(() => m.Approve(TestOrg.OfficeLeader, null, _desk.Reviewers, TestClock.Now, seen),
            "Manuscript.StaleReview");

        m.CurrentStep.ShouldBe(1);
    }

    // ---------- Return / Reject ----------

    [Fact]
    public void Return_AtSecondStep_BackToAuthorWithReason()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);

        m.Return(TestOrg.OfficeLeader, "  请补充参会人数  ", _desk.Reviewers, TestClock.Now.AddHours(1));

        m.Status.ShouldBe(ManuscriptStatus.Returned);
        m.CurrentStep.ShouldBeNull();
        m.CurrentStepRole.ShouldBeNull();
        m.ApprovedAt.ShouldBeNull();
        var returned = m.History.Last();
        returned.Action.ShouldBe(ManuscriptEventAction.Returned);
        returned.FromStatus.ShouldBe(ManuscriptStatus.InReview);
        returned.ToStatus.ShouldBe(ManuscriptStatus.Returned);
        returned.Step.ShouldBe(2);
        returned.StepRole.ShouldBe(Role.SupervisingLeader);
        returned.Comment.ShouldBe("请补充参会人数");
        returned.ActorId.ShouldBe(TestOrg.OfficeLeader);
        m.IsAwaiting(TestOrg.OfficeLeader, _desk.Reviewers).ShouldBeFalse();
        m.CanBeDeletedBy(TestOrg.Author).ShouldBeFalse();
    }

    [Fact]
    public void Reject_AtFirstStep_TerminalWithReason()
    {
        var m = _desk.Submitted(Importance.Major);

        m.Reject(TestOrg.OfficeHead, "信息已失效", _desk.Reviewers, TestClock.Now.AddHours(1));

        m.Status.ShouldBe(ManuscriptStatus.Rejected);
        m.CurrentStep.ShouldBeNull();
        m.CurrentStepRole.ShouldBeNull();
        m.ApprovedAt.ShouldBeNull();
        var rejected = m.History.Last();
        rejected.Action.ShouldBe(ManuscriptEventAction.Rejected);
        rejected.FromStatus.ShouldBe(ManuscriptStatus.InReview);
        rejected.ToStatus.ShouldBe(ManuscriptStatus.Rejected);
        rejected.Step.ShouldBe(1);
        rejected.StepRole.ShouldBe(Role.UnitHead);
        rejected.Comment.ShouldBe("信息已失效");
        Expect.Conflict(() => _desk.Submit(m), "Manuscript.CannotSubmitInStatus");
        Expect.Conflict(() => m.Edit(TestOrg.Author, m.Revision, TestDesk.Content(), TestClock.Now), "Manuscript.NotEditable");
    }

    [Fact]
    public void Reject_AtThirdStepByPrincipal_RecordsStepThree()
    {
        var m = _desk.Submitted(Importance.Major);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);
        m.Approve(TestOrg.OfficeLeader, null, _desk.Reviewers, TestClock.Now);

        m.Reject(TestOrg.Principal, "不宜公开报道", _desk.Reviewers, TestClock.Now);

        m.Status.ShouldBe(ManuscriptStatus.Rejected);
        m.History.Last().Step.ShouldBe(3);
        m.History.Last().StepRole.ShouldBe(Role.Principal);
    }

    // ---------- CanBeDeletedBy / IsAwaiting ----------

    [Fact]
    public void CanBeDeletedBy_DraftNeverSubmitted_OnlyAuthor()
    {
        var m = _desk.Draft();

        m.CanBeDeletedBy(TestOrg.Author).ShouldBeTrue();
        m.CanBeDeletedBy(TestOrg.OfficeHead).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void CanBeDeletedBy_AfterSubmission_False(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        m.CanBeDeletedBy(TestOrg.Author).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void IsAwaiting_NotInReview_FalseForEveryone(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        m.IsAwaiting(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeFalse();
    }
}
