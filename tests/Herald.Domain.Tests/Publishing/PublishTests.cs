using Herald.Domain.Common;
using Herald.Domain.Publishing;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Publishing.PublishingFixtures;

namespace Herald.Domain.Tests.Publishing;

/// <summary>Publish and MarkNotUsed: only approved manuscripts, each channel once, sane times, a reason to refuse.</summary>
public class PublishTests
{
    private readonly TestDesk _desk = new();

    private Manuscript Approved() => _desk.InStatus(ManuscriptStatus.Approved);

    [Fact]
    public void Approve_LastStep_EntersPoolAsPending()
    {
        var m = Approved();

        m.Editorial.ShouldBe(EditorialStatus.Pending);
        m.ApprovedAt.ShouldBe(TestClock.Now);
    }

    [Fact]
    public void Publish_Approved_RecordsPublicationEventAndStatus()
    {
        var m = Approved();
        var revision = m.Revision;
        var at = TestClock.Now.AddHours(1);

        var p = m.Publish(Channel(7, "示例街道门户网站"), " https://street.example.invalid/a/1 ", TestClock.Now, Office, at);

        (p.ChannelId, p.ChannelName, p.Url, p.PublishedAt, p.EditorId, p.CreatedAt)
            .ShouldBe((7L, "示例街道门户网站", "https://street.example.invalid/a/1", TestClock.Now, Office, at));
        m.Publications.ShouldBe([p]);
        m.Editorial.ShouldBe(EditorialStatus.Published);
        m.PublishedAt.ShouldBe(TestClock.Now);
        m.Status.ShouldBe(ManuscriptStatus.Approved);
        m.Revision.ShouldBe(revision + 1);
        var e = m.History[^1];
        (e.Action, e.ActorId, e.Comment, e.At).ShouldBe((ManuscriptEventAction.Published, (long?)Office, "示例街道门户网站", at));
    }

    [Fact]
    public void Publish_SecondChannel_BothKeptAndPublishedAtIsTheEarliest()
    {
        var m = Approved();
        var later = TestClock.Now.AddHours(2);
        var earlier = TestClock.Now.AddHours(-3);

        m.Publish(Channel(1), null, later, Office, later);
        m.Publish(Channel(2, "宣传栏"), null, earlier, Office, later);

        m.Publications.Select(p => p.ChannelId).ShouldBe([1L, 2L]);
        m.PublishedAt.ShouldBe(earlier);
    }

    [Fact]
    public void Publish_SameChannelTwice_ConflictAndNothingAdded()
    {
        var m = Approved();
        m.Publish(Channel(1), null, TestClock.Now, Office, TestClock.Now);
        var events = m.History.Count;

        var ex = Expect.Conflict(() => m.Publish(Channel(1), null, TestClock.Now, Office, TestClock.Now), "Publishing.AlreadyPublished");

        ex.Args.ShouldBe(["幸福示例街道"]);
        m.Publications.Count.ShouldBe(1);
        m.History.Count.ShouldBe(events);
    }

    [Fact]
    public void Publish_DisabledChannel_Refused()
    {
        var m = Approved();

        Expect.Validation(() => m.Publish(Channel(disabled: true), null, TestClock.Now, Office, TestClock.Now), "Publishing.ChannelDisabled", "channelId");

        m.Publications.ShouldBeEmpty();
        m.Editorial.ShouldBe(EditorialStatus.Pending);
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void Publish_NotApproved_Conflict(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        var ex = Expect.Conflict(() => m.Publish(Channel(), null, TestClock.Now, Office, TestClock.Now), "Publishing.NotApproved");

        ex.Args.ShouldBe([status]);
        m.Publications.ShouldBeEmpty();
        m.Editorial.ShouldBe(EditorialStatus.None);
    }

    [Fact]
    public void Publish_MoreThanFiveMinutesAhead_RefusedButFourMinutesAllowed()
    {
        var m = Approved();

        Expect.Validation(() => m.Publish(Channel(1), null, TestClock.Now.AddMinutes(6), Office, TestClock.Now), "Publishing.PublishedInFuture", "publishedAt");
        m.Publish(Channel(2), null, TestClock.Now.AddMinutes(4), Office, TestClock.Now);

        m.Publications.Select(p => p.ChannelId).ShouldBe([2L]);
    }

    [Fact]
    public void Publish_MoreThanADayBeforeApproval_RefusedButExactlyADayAllowed()
    {
        var m = Approved();

        Expect.Validation(() => m.Publish(Channel(1), null, TestClock.Now.AddDays(-1).AddMinutes(-1), Office, TestClock.Now),
            "Publishing.PublishedBeforeApproval", "publishedAt");
        m.Publish(Channel(2), null, TestClock.Now.AddDays(-1), Office, TestClock.Now);

        m.PublishedAt.ShouldBe(TestClock.Now.AddDays(-1));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example.com/no-scheme")]
    [InlineData("ftp://example.com/file")]
    public void Publish_UrlNotHttp_Refused(string url)
    {
        var m = Approved();

        Expect.Validation(() => m.Publish(Channel(), url, TestClock.Now, Office, TestClock.Now), "Url.Invalid", "url");

        m.Publications.ShouldBeEmpty();
    }

    [Fact]
    public void Publish_UnspecifiedKindTime_TreatedAsUtc()
    {
        var m = Approved();
        var unspecified = DateTime.SpecifyKind(TestClock.Now, DateTimeKind.Unspecified);

        var p = m.Publish(Channel(), null, unspecified, Office, TestClock.Now);

        p.PublishedAt.Kind.ShouldBe(DateTimeKind.Utc);
        p.PublishedAt.ShouldBe(TestClock.Now);
    }

    [Fact]
    public void Publish_AfterNotUsed_OfficeChangedItsMind_PublishedAndReasonCleared()
    {
        var m = Approved();
        m.MarkNotUsed(Office, "与本期主题无关", TestClock.Now);

        m.Publish(Channel(), null, TestClock.Now, Office, TestClock.Now);

        m.Editorial.ShouldBe(EditorialStatus.Published);
        m.NotUsedReason.ShouldBeNull();
    }

    [Fact]
    public void MarkNotUsed_Pending_ReasonKeptAndEventRecorded()
    {
        var m = Approved();

        m.MarkNotUsed(Office, "  与本期主题无关  ", TestClock.Now.AddHours(1));

        m.Editorial.ShouldBe(EditorialStatus.NotUsed);
        m.NotUsedReason.ShouldBe("与本期主题无关");
        m.Status.ShouldBe(ManuscriptStatus.Approved);
        var e = m.History[^1];
        (e.Action, e.ActorId, e.Comment).ShouldBe((ManuscriptEventAction.NotUsed, (long?)Office, "与本期主题无关"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MarkNotUsed_NoReason_RefusedAndStillPending(string? reason)
    {
        var m = Approved();

        Expect.Validation(() => m.MarkNotUsed(Office, reason, TestClock.Now), "Review.ReasonRequired");

        m.Editorial.ShouldBe(EditorialStatus.Pending);
        m.NotUsedReason.ShouldBeNull();
    }

    [Fact]
    public void MarkNotUsed_ReasonOver1000Characters_TooLong()
    {
        var m = Approved();

        var ex = Expect.Validation(() => m.MarkNotUsed(Office, new string('理', 1001), TestClock.Now), "TooLong");

        ex.Args.ShouldBe([1000]);
        m.Editorial.ShouldBe(EditorialStatus.Pending);
    }

    [Fact]
    public void MarkNotUsed_AlreadyPublished_Conflict()
    {
        var m = Approved();
        m.Publish(Channel(), null, TestClock.Now, Office, TestClock.Now);

        Expect.Conflict(() => m.MarkNotUsed(Office, "理由", TestClock.Now), "Publishing.NotPending");

        m.Editorial.ShouldBe(EditorialStatus.Published);
    }

    [Fact]
    public void MarkNotUsed_Twice_SecondConflictsAndFirstReasonKept()
    {
        var m = Approved();
        m.MarkNotUsed(Office, "第一次", TestClock.Now);

        Expect.Conflict(() => m.MarkNotUsed(Office, "第二次", TestClock.Now), "Publishing.NotPending");

        m.NotUsedReason.ShouldBe("第一次");
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void MarkNotUsed_NotApproved_Conflict(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Conflict(() => m.MarkNotUsed(Office, "理由", TestClock.Now), "Publishing.NotApproved");

        m.Editorial.ShouldBe(EditorialStatus.None);
    }
}
