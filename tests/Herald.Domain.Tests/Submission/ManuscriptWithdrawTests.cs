using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

/// <summary>撤回：作者本人、审核中、本轮报送后还没有审核人处理过。</summary>
public class ManuscriptWithdrawTests
{
    private readonly TestDesk _desk = new();

    [Fact]
    public void Withdraw_SubmittedNotYetReviewed_BackToDraftWithWithdrawnEvent()
    {
        var m = _desk.Submitted();
        var revision = m.Revision;

        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeTrue();
        m.Withdraw(TestOrg.Author, TestClock.Now.AddMinutes(5));

        m.Status.ShouldBe(ManuscriptStatus.Draft);
        m.CurrentStep.ShouldBeNull();
        m.CurrentStepRole.ShouldBeNull();
        m.Revision.ShouldBe(revision + 1);
        var e = m.History[^1];
        (e.Action, e.FromStatus, e.ToStatus, e.ActorId).ShouldBe((ManuscriptEventAction.Withdrawn, ManuscriptStatus.InReview, ManuscriptStatus.Draft, (long?)TestOrg.Author));
        m.Versions.Count.ShouldBe(1);
    }

    [Fact]
    public void Withdraw_ThenEditedAndSubmittedAgain_EntersRouteAtFirstStep()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Withdraw(TestOrg.Author, TestClock.Now);

        m.Edit(TestOrg.Author, m.Revision, TestDesk.Content(title: "撤回后修改的标题", importance: Importance.Important), TestClock.Now);
        _desk.Submit(m);

        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(0);
        m.VersionNumber.ShouldBe(2);
        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeTrue();
    }

    [Fact]
    public void Withdraw_FirstReviewerApproved_409AndStillInReview()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);

        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeFalse();
        Expect.Conflict(() => m.Withdraw(TestOrg.Author, TestClock.Now), "Manuscript.WithdrawAfterReview");
        m.Status.ShouldBe(ManuscriptStatus.InReview);
        m.CurrentStep.ShouldBe(1);
    }

    [Fact]
    public void Withdraw_ReviewedInEarlierRoundThenResubmitted_AllowedAgain()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);
        m.Return(TestOrg.OfficeLeader, "请补充数据", _desk.Reviewers, TestClock.Now);
        _desk.Submit(m);

        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeTrue();
        m.Withdraw(TestOrg.Author, TestClock.Now);
        m.Status.ShouldBe(ManuscriptStatus.Draft);
    }

    [Fact]
    public void Withdraw_AuthorIsFirstReviewerStepAutoPassed_StillAllowed()
    {
        var desk = new TestDesk(authorId: TestOrg.OfficeHead);
        var m = desk.Submitted(Importance.Important);
        m.History.ShouldContain(e => e.Action == ManuscriptEventAction.AutoPassed);

        m.Withdraw(TestOrg.OfficeHead, TestClock.Now);

        m.Status.ShouldBe(ManuscriptStatus.Draft);
    }

    [Fact]
    public void Withdraw_NotTheAuthor_Forbidden()
    {
        var m = _desk.Submitted();

        Expect.Forbidden(() => m.Withdraw(TestOrg.OfficeHead, TestClock.Now), "Manuscript.NotAuthor");
        m.CanBeWithdrawnBy(TestOrg.OfficeHead).ShouldBeFalse();
        m.Status.ShouldBe(ManuscriptStatus.InReview);
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Rejected)]
    [InlineData(ManuscriptStatus.Approved)]
    public void Withdraw_NotInReview_409(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Conflict(() => m.Withdraw(TestOrg.Author, TestClock.Now), "Manuscript.CannotWithdrawInStatus");
        m.Status.ShouldBe(status);
        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeFalse();
    }
}
