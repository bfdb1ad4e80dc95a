using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Submission;

public class ManuscriptFollowUpAndNamingTests
{
    private readonly TestDesk _desk = new();

    private Manuscript SubmittedEmergency()
    {
        var content = TestDesk.Content(title: "某小区突发火情", emergency: true, knownAtUtc: TestClock.Now.AddMinutes(-30),
            eventDate: TestClock.Today);
        return _desk.Submitted(content: content);
    }

    [Fact]
    public void CreateFollowUp_SubmittedEmergencyOriginal_CreatesEmergencyDraftLinkedToOriginal()
    {
        var original = SubmittedEmergency();

        var followUp = Manuscript.CreateFollowUp(original, TestOrg.Author,
            TestDesk.Content(title: "火情已扑灭", emergency: false, eventDate: TestClock.Today), 1, TestClock.Now.AddHours(2));

        followUp.Status.ShouldBe(ManuscriptStatus.Draft);
        followUp.Emergency.ShouldBeTrue();
        followUp.FollowUpOfId.ShouldBe(original.Id);
        followUp.FollowUpNumber.ShouldBe(1);
        followUp.UnitId.ShouldBe(original.UnitId);
        followUp.AuthorId.ShouldBe(TestOrg.Author);
        followUp.Title.ShouldBe("火情已扑灭");
        followUp.History.Single().Action.ShouldBe(Herald.Domain.Review.ManuscriptEventAction.Created);
    }

    [Fact]
    public void CreateFollowUp_NonEmergencyOriginal_ThrowsFollowUpNeedsEmergency()
    {
        var original = _desk.Submitted();

        Expect.Conflict(() => Manuscript.CreateFollowUp(original, TestOrg.Author, TestDesk.Content(), 1, TestClock.Now),
            "Manuscript.FollowUpNeedsEmergency");
    }

    [Fact]
    public void CreateFollowUp_UnsubmittedOriginal_ThrowsFollowUpNeedsSubmitted()
    {
        var original = _desk.Draft(content: TestDesk.Content(emergency: true, knownAtUtc: TestClock.Now));

        Expect.Conflict(() => Manuscript.CreateFollowUp(original, TestOrg.Author, TestDesk.Content(), 1, TestClock.Now),
            "Manuscript.FollowUpNeedsSubmitted");
    }

    [Fact]
    public void CreateFollowUp_OfAFollowUp_ThrowsFollowUpOfFollowUp()
    {
        var original = SubmittedEmergency();
        var followUp = Manuscript.CreateFollowUp(original, TestOrg.Author, TestDesk.Content(eventDate: TestClock.Today), 1,
            TestClock.Now);
        _desk.Submit(followUp);

        Expect.Conflict(() => Manuscript.CreateFollowUp(followUp, TestOrg.Author, TestDesk.Content(), 2, TestClock.Now),
            "Manuscript.FollowUpOfFollowUp");
    }

    [Fact]
    public void AssignStandardName_SecondOfTheDay_AddsSequence()
    {
        var m = _desk.Submitted();

        m.AssignStandardName("党政办公室", new DateOnly(2026, 3, 5), 2);

        m.StandardName.ShouldBe("党政办公室-2026年3月5日工作信息（2）");
        m.NameDate.ShouldBe(new DateOnly(2026, 3, 5));
        m.NameSequence.ShouldBe(2);
    }

    [Fact]
    public void AssignStandardName_FirstOfTheDay_NoSequenceSuffix()
    {
        var m = _desk.Submitted();

        m.AssignStandardName("党政办公室", new DateOnly(2026, 3, 5), 1);

        m.StandardName.ShouldBe("党政办公室-2026年3月5日工作信息");
    }

    [Fact]
    public void AssignStandardName_FollowUp_AddsFollowUpSuffix()
    {
        var followUp = Manuscript.CreateFollowUp(SubmittedEmergency(), TestOrg.Author,
            TestDesk.Content(eventDate: TestClock.Today), 1, TestClock.Now);
        _desk.Submit(followUp);

        followUp.AssignStandardName("党政办公室", new DateOnly(2026, 3, 5), 1);

        followUp.StandardName.ShouldBe("党政办公室-2026年3月5日工作信息（续报1）");
    }

    [Fact]
    public void AssignStandardName_FollowUpWithSequence_AddsBothSuffixes()
    {
        var followUp = Manuscript.CreateFollowUp(SubmittedEmergency(), TestOrg.Author,
            TestDesk.Content(eventDate: TestClock.Today), 2, TestClock.Now);

        followUp.AssignStandardName("党政办公室", new DateOnly(2026, 3, 5), 3);

        followUp.StandardName.ShouldBe("党政办公室-2026年3月5日工作信息（3）（续报2）");
    }

    [Fact]
    public void AssignStandardName_CalledAgain_KeepsFirstName()
    {
        var m = _desk.Submitted();
        m.AssignStandardName("党政办公室", new DateOnly(2026, 3, 5), 1);

        m.AssignStandardName("其他单位", new DateOnly(2026, 3, 6), 4);

        m.StandardName.ShouldBe("党政办公室-2026年3月5日工作信息");
        m.NameDate.ShouldBe(new DateOnly(2026, 3, 5));
        m.NameSequence.ShouldBe(1);
    }
}
