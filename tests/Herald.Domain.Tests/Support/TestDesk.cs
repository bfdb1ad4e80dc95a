using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;

namespace Herald.Domain.Tests.Support;

/// <summary>Builds manuscripts on an org tree and drives them through the default review routes.</summary>
public sealed class TestDesk
{
    public TestDesk(OrgTree? tree = null, long unitId = TestOrg.PartyOffice, long authorId = TestOrg.Author)
    {
        Tree = tree ?? TestOrg.StreetTree().Build();
        UnitId = unitId;
        AuthorId = authorId;
        Reviewers = Tree.ReviewersFor(unitId);
    }

    public OrgTree Tree { get; }
    public long UnitId { get; }
    public long AuthorId { get; }
    public Func<Role, ReviewerResolution> Reviewers { get; }

    /// <summary>Event on 2026-03-04 (the day before <see cref="TestClock.Now"/>): on time, in the past.</summary>
    public static ManuscriptContent Content(string title = "街道召开春季安全生产工作会议",
        Importance importance = Importance.Routine, DateOnly? eventDate = null, bool emergency = false,
        DateTime? knownAtUtc = null, long categoryId = 1, string body = "3月4日，街道召开春季安全生产工作会议。") =>
        new(title, $"<p>{body}</p>", body, categoryId, importance, eventDate ?? new DateOnly(2026, 3, 4), emergency,
            knownAtUtc);

    public static ReviewRoute RouteFor(Importance importance) =>
        RoutePolicy.Default.RouteFor(importance, UnitType.Department);

    public Manuscript Draft(Importance importance = Importance.Routine, ManuscriptContent? content = null,
        DateTime? at = null) =>
        Manuscript.CreateDraft(UnitId, AuthorId, content ?? Content(importance: importance), at ?? TestClock.Now);

    public void Submit(Manuscript m, long? actorId = null, DateTime? at = null) =>
        m.Submit(actorId ?? m.AuthorId, RouteFor(m.Importance), Reviewers, TimelinessPolicy.Default, at ?? TestClock.Now);

    public Manuscript Submitted(Importance importance = Importance.Routine, ManuscriptContent? content = null)
    {
        var m = Draft(importance, content);
        Submit(m);
        return m;
    }

    /// <summary>A routine manuscript (reviewed by 党政办公室's head) brought into the given status.</summary>
    public Manuscript InStatus(ManuscriptStatus status)
    {
        var m = Draft();
        switch (status)
        {
            case ManuscriptStatus.Draft:
                break;
            case ManuscriptStatus.InReview:
                Submit(m);
                break;
            case ManuscriptStatus.Returned:
                Submit(m);
                m.Return(TestOrg.OfficeHead, "请补充具体数据", Reviewers, TestClock.Now);
                break;
            case ManuscriptStatus.Rejected:
                Submit(m);
                m.Reject(TestOrg.OfficeHead, "内容已失效", Reviewers, TestClock.Now);
                break;
            case ManuscriptStatus.Approved:
                Submit(m);
                m.Approve(TestOrg.OfficeHead, null, Reviewers, TestClock.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
        m.Status.ShouldBe(status);
        return m;
    }

    public static StoredFileRef Photo(string name = "photo.jpg") =>
        new(new string('a', 64), name, "image/jpeg", 1024, 800, 600);
}
