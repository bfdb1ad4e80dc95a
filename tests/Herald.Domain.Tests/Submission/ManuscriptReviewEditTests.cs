using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

/// <summary>审改：只有当前这一级的审核人、只在审核中；新版本署审核人的名字，作者与审核步骤不变；过期的修订号拒绝。</summary>
public class ManuscriptReviewEditTests
{
    private const string NewTitle = "街道召开春季安全生产工作部署会议";
    private const string NewBody = "3月4日，街道召开春季安全生产工作部署会议，部署专项整治。";

    private readonly TestDesk _desk = new();

    private void Edit(Manuscript m, long actor, int? revision = null, string? title = NewTitle, string body = NewBody) =>
        m.EditInReview(actor, revision ?? m.Revision, title, $"<p>{body}</p>", body, _desk.Reviewers, TestClock.Now.AddMinutes(10));

    [Fact]
    public void EditInReview_CurrentReviewer_NewVersionByReviewerAuthorAndStepKept()
    {
        var m = _desk.Submitted(Importance.Important);
        var revision = m.Revision;

        m.CanBeEditedInReviewBy(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeTrue();
        Edit(m, TestOrg.OfficeHead);

        (m.Title, m.BodyText, m.BodyHtml).ShouldBe((NewTitle, NewBody, $"<p>{NewBody}</p>"));
        m.AuthorId.ShouldBe(TestOrg.Author);
        (m.Status, m.CurrentStep, m.CurrentStepRole).ShouldBe((ManuscriptStatus.InReview, (int?)0, (Role?)Role.UnitHead));
        m.Revision.ShouldBe(revision + 1);
        m.VersionNumber.ShouldBe(2);
        var version = m.Versions[^1];
        (version.Number, version.AuthorId, version.ReviewEdit, version.Title, version.BodyText)
            .ShouldBe((2, TestOrg.OfficeHead, true, NewTitle, NewBody));
        m.Versions[0].ReviewEdit.ShouldBeFalse();
        m.Versions[0].AuthorId.ShouldBe(TestOrg.Author);
        var e = m.History[^1];
        (e.Action, e.ActorId, e.FromStatus, e.ToStatus, e.Step, e.VersionNumber)
            .ShouldBe((ManuscriptEventAction.ReviewEdited, (long?)TestOrg.OfficeHead, ManuscriptStatus.InReview, ManuscriptStatus.InReview, (int?)1, 2));
    }

    [Fact]
    public void EditInReview_SecondStepReviewerAfterFirstApproved_Allowed()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);

        Edit(m, TestOrg.OfficeLeader);

        m.Versions[^1].AuthorId.ShouldBe(TestOrg.OfficeLeader);
        m.CurrentStep.ShouldBe(1);
    }

    [Theory]
    [InlineData(TestOrg.Author)]         // 作者本人（审核中只能撤回，不能改）
    [InlineData(TestOrg.OfficeLeader)]   // 下一级的审核人，还没轮到
    [InlineData(TestOrg.CommunityHead)]  // 别的单位的负责人
    [InlineData(TestOrg.PublicityOffice)]
    [InlineData(TestOrg.Stranger)]
    public void EditInReview_NotTheCurrentReviewer_ForbiddenAndUnchanged(long actor)
    {
        var m = _desk.Submitted(Importance.Important);
        var revision = m.Revision;

        m.CanBeEditedInReviewBy(actor, _desk.Reviewers).ShouldBeFalse();
        Expect.Forbidden(() => Edit(m, actor), "Review.NotReviewer");

        (m.Title, m.Revision, m.Versions.Count).ShouldBe((TestDesk.Content().Title, revision, 1));
    }

    [Fact]
    public void EditInReview_FirstReviewerAfterApproving_ForbiddenBecauseTheStepMovedOn()
    {
        var m = _desk.Submitted(Importance.Important);
        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now);

        Expect.Forbidden(() => Edit(m, TestOrg.OfficeHead), "Review.NotReviewer");
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Approved)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void EditInReview_NotInReview_ConflictAndUnchanged(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);
        var revision = m.Revision;

        m.CanBeEditedInReviewBy(TestOrg.OfficeHead, _desk.Reviewers).ShouldBeFalse();
        Expect.Conflict(() => Edit(m, TestOrg.OfficeHead), "Review.NotInReview");

        m.Revision.ShouldBe(revision);
    }

    [Fact]
    public void EditInReview_StaleRevision_ConflictAndUnchanged()
    {
        var m = _desk.Submitted();
        var stale = m.Revision - 1;

        Expect.Conflict(() => Edit(m, TestOrg.OfficeHead, revision: stale), "Review.StaleEdit");

        (m.Title, m.VersionNumber).ShouldBe((TestDesk.Content().Title, 1));
    }

    [Fact]
    public void EditInReview_TwoEditsFromTheSamePage_SecondIsStale()
    {
        var m = _desk.Submitted();
        var opened = m.Revision;
        Edit(m, TestOrg.OfficeHead, revision: opened);

        Expect.Conflict(() => Edit(m, TestOrg.OfficeHead, revision: opened, title: "另一个标题"), "Review.StaleEdit");
    }

    [Theory]
    [InlineData("", NewBody, "Required", "Title")]
    [InlineData("标题\n换行", NewBody, "Text.ControlCharacters", "Title")]
    [InlineData(NewTitle, "  ", "Required", "Body")]
    [InlineData(NewTitle, "正文\u0007响铃", "Text.ControlCharacters", "Body")]
    public void EditInReview_BadInput_ValidationAndUnchanged(string title, string body, string code, string field)
    {
        var m = _desk.Submitted();

        Expect.Validation(() => Edit(m, TestOrg.OfficeHead, title: title, body: body), code, field);

        m.VersionNumber.ShouldBe(1);
    }

    [Fact]
    public void EditInReview_Oversize_Validation()
    {
        var m = _desk.Submitted();

        Expect.Validation(() => Edit(m, TestOrg.OfficeHead, title: new string('标', Manuscript.TitleMaxLength + 1)), "TooLong", "Title");
        Expect.Validation(() => Edit(m, TestOrg.OfficeHead, body: new string('文', Manuscript.BodyMaxLength + 1)), "TooLong", "Body");
    }

    [Fact]
    public void EditInReview_NothingChanged_ValidationNoEmptyVersion()
    {
        var content = TestDesk.Content();
        var m = _desk.Submitted(content: content);

        Expect.Validation(() => m.EditInReview(TestOrg.OfficeHead, m.Revision, content.Title, content.BodyHtml, content.BodyText,
            _desk.Reviewers, TestClock.Now), "Review.EditUnchanged");

        m.VersionNumber.ShouldBe(1);
    }

    [Fact]
    public void EditInReview_ThenAuthorWithdraws_RefusedBecauseTheReviewerActed()
    {
        var m = _desk.Submitted();
        Edit(m, TestOrg.OfficeHead);

        m.CanBeWithdrawnBy(TestOrg.Author).ShouldBeFalse();
        Expect.Conflict(() => m.Withdraw(TestOrg.Author, TestClock.Now), "Manuscript.WithdrawAfterReview");
    }

    [Fact]
    public void EditInReview_ThenApproved_ApprovesTheEditedText()
    {
        var m = _desk.Submitted();
        Edit(m, TestOrg.OfficeHead);

        m.Approve(TestOrg.OfficeHead, null, _desk.Reviewers, TestClock.Now.AddMinutes(20), m.Revision);

        (m.Status, m.Title, m.AuthorId).ShouldBe((ManuscriptStatus.Approved, NewTitle, TestOrg.Author));
    }
}
