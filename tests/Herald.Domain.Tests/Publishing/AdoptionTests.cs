using Herald.Domain.Publishing;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Publishing.PublishingFixtures;

namespace Herald.Domain.Tests.Publishing;

/// <summary>
/// RecordAdoption / RecordInstruction / VerifyAdoption / RefuseAdoption. The manuscript is submitted and approved on
/// 2026-03-05 (Beijing), which is also "today".
/// </summary>
public class AdoptionTests
{
    private const long Claimant = TestOrg.Author;
    private static readonly DateOnly Today = TestClock.Today;

    private readonly TestDesk _desk = new();

    private Manuscript Approved() => _desk.InStatus(ManuscriptStatus.Approved);

    private static Adoption Claim(Manuscript m, Outlet? outlet = null, DateOnly? on = null, long id = 1) =>
        m.RecordAdoption(outlet ?? Outlet(), on ?? Today, "要闻版", null, false, null, Claimant, false, TestClock.Now).WithId(id);

    // ---------- RecordAdoption ----------

    [Fact]
    public void RecordAdoption_Claim_PendingWithOutletSnapshotAndEvent()
    {
        var m = Approved();
        var revision = m.Revision;
        var at = TestClock.Now.AddHours(1);

        var a = m.RecordAdoption(Outlet(3, "大众日报"), Today, " 要闻版 ", "https://paper.example.invalid/1", true, Proof(), Claimant, false, at);

        a.Status.ShouldBe(AdoptionStatus.Pending);
        a.Counts.ShouldBeFalse();
        (a.Kind, a.OutletId, a.SourceName, a.Level, a.OutletType).ShouldBe((AdoptionKind.Outlet, (long?)3, "大众日报", MediaLevel.Provincial, (OutletType?)OutletType.Newspaper));
        (a.AdoptedOn, a.PageColumn, a.Url, a.FrontPage).ShouldBe((Today, "要闻版", "https://paper.example.invalid/1", true));
        (a.ProofHash, a.ProofFileName, a.ProofContentType, a.ProofSize).ShouldBe((new string('b', 64), "版面.png", "image/png", (long?)2048));
        (a.ClaimedById, a.ClaimedAt, a.VerifiedById, a.VerifiedAt).ShouldBe((Claimant, at, (long?)null, (DateTime?)null));
        m.Adoptions.ShouldBe([a]);
        m.Revision.ShouldBe(revision + 1);
        var e = m.History[^1];
        (e.Action, e.ActorId, e.Comment).ShouldBe((ManuscriptEventAction.AdoptionRecorded, (long?)Claimant, "大众日报"));
    }

    [Fact]
    public void RecordAdoption_ByOffice_VerifiedAtOnceAndCounts()
    {
        var m = Approved();

        var a = m.RecordAdoption(Outlet(), Today, null, null, false, null, Office, true, TestClock.Now);

        a.Status.ShouldBe(AdoptionStatus.Verified);
        a.Counts.ShouldBeTrue();
        (a.VerifiedById, a.VerifiedAt).ShouldBe(((long?)Office, (DateTime?)TestClock.Now));
        a.ProofHash.ShouldBeNull();
    }

    [Fact]
    public void RecordAdoption_GovBulletin_IsGovInfo()
    {
        var m = Approved();

        var gov = m.RecordAdoption(Outlet(5, "县委办公室《每日要情》", MediaLevel.County, OutletType.GovBulletin), Today, null, null, false, null, Claimant, false, TestClock.Now);
        var paper = Claim(m, Outlet(6));

        gov.IsGovInfo.ShouldBeTrue();
        paper.IsGovInfo.ShouldBeFalse();
    }

    [Fact]
    public void RecordAdoption_OutletChangedLater_RecordKeepsLevelAndTypeOfTheDay()
    {
        var m = Approved();
        var outlet = Outlet(1, "示例县融媒体中心", MediaLevel.County, OutletType.Newmedia);
        var a = Claim(m, outlet);

        outlet.Update("济宁新闻", MediaLevel.Municipal, OutletType.Web);

        (a.SourceName, a.Level, a.OutletType).ShouldBe(("示例县融媒体中心", MediaLevel.County, (OutletType?)OutletType.Newmedia));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecordAdoption_SameOutletAgain_ConflictWhetherPendingOrVerified(bool firstVerified)
    {
        var m = Approved();
        m.RecordAdoption(Outlet(1), Today, null, null, false, null, Office, firstVerified, TestClock.Now);

        var ex = Expect.Conflict(() => m.RecordAdoption(Outlet(1), Today, "另一版", null, false, null, Claimant, false, TestClock.Now), "Adoption.Duplicate");

        ex.Args.ShouldBe(["大众日报"]);
        m.Adoptions.Count.ShouldBe(1);
    }

    [Fact]
    public void RecordAdoption_SameOutletAfterRefusal_AllowedAgain()
    {
        var m = Approved();
        var first = Claim(m, Outlet(1), id: 11);
        m.RefuseAdoption(11, Office, "截图看不清", TestClock.Now);

        var second = Claim(m, Outlet(1), id: 12);

        second.Status.ShouldBe(AdoptionStatus.Pending);
        m.Adoptions.ShouldBe([first, second]);
    }

    [Fact]
    public void RecordAdoption_TwoOutlets_BothKept()
    {
        var m = Approved();

        Claim(m, Outlet(1), id: 1);
        Claim(m, Outlet(2, "济宁日报", MediaLevel.Municipal), id: 2);

        m.Adoptions.Select(a => a.SourceName).ShouldBe(["大众日报", "济宁日报"]);
    }

    [Fact]
    public void RecordAdoption_DisabledOutlet_Refused()
    {
        var m = Approved();

        var ex = Expect.Validation(() => Claim(m, Outlet(disabled: true)), "Adoption.OutletDisabled", "outletId");

        ex.Args.ShouldBe(["大众日报"]);
        m.Adoptions.ShouldBeEmpty();
    }

    [Fact]
    public void RecordAdoption_Tomorrow_RefusedButTodayAllowed()
    {
        var m = Approved();

        Expect.Validation(() => Claim(m, on: Today.AddDays(1)), "Adoption.DateInFuture", "adoptedOn");
        Claim(m, on: Today);

        m.Adoptions.Count.ShouldBe(1);
    }

    [Fact]
    public void RecordAdoption_BeforeTheDayOfSubmission_Refused()
    {
        var m = Approved();

        Expect.Validation(() => Claim(m, on: Today.AddDays(-1)), "Adoption.DateBeforeSubmission", "adoptedOn");

        m.Adoptions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.InReview)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void RecordAdoption_NotApproved_Conflict(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Conflict(() => Claim(m), "Publishing.NotApproved");

        m.Adoptions.ShouldBeEmpty();
    }

    [Fact]
    public void RecordAdoption_ColumnTooLongOrBadUrl_Refused()
    {
        var m = Approved();

        var tooLong = Expect.Validation(() => m.RecordAdoption(Outlet(), Today, new string('版', Adoption.ColumnMaxLength + 1), null, false, null,
            Claimant, false, TestClock.Now), "TooLong", "column");
        Expect.Validation(() => m.RecordAdoption(Outlet(), Today, null, "javascript:alert(1)", false, null, Claimant, false, TestClock.Now),
            "Url.Invalid", "url");

        tooLong.Args.ShouldBe([64]);
        m.Adoptions.ShouldBeEmpty();
    }

    // ---------- RecordInstruction ----------

    [Fact]
    public void RecordInstruction_Claim_PendingInstructionWithoutOutlet()
    {
        var m = Approved();

        var a = m.RecordInstruction(" 县委书记 王某某 ", MediaLevel.County, Today, null, Proof(), Claimant, false, TestClock.Now);

        (a.Kind, a.SourceName, a.Level, a.OutletId, a.OutletType, a.Status)
            .ShouldBe((AdoptionKind.Instruction, "县委书记 王某某", MediaLevel.County, (long?)null, (OutletType?)null, AdoptionStatus.Pending));
        a.IsGovInfo.ShouldBeFalse();
        a.PageColumn.ShouldBeNull();
        m.History[^1].Action.ShouldBe(ManuscriptEventAction.AdoptionRecorded);
        m.History[^1].Comment.ShouldBe("县委书记 王某某");
    }

    [Fact]
    public void RecordInstruction_ByOffice_Verified()
    {
        var m = Approved();

        var a = m.RecordInstruction("市长 李某某", MediaLevel.Municipal, Today, null, null, Office, true, TestClock.Now);

        (a.Status, a.VerifiedById).ShouldBe((AdoptionStatus.Verified, (long?)Office));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordInstruction_NoLeader_Required(string leader)
    {
        var m = Approved();

        Expect.Validation(() => m.RecordInstruction(leader, MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now), "Required", "leader");

        m.Adoptions.ShouldBeEmpty();
    }

    [Fact]
    public void RecordInstruction_LeaderOver64Characters_TooLong()
    {
        var m = Approved();

        Expect.Validation(() => m.RecordInstruction(new string('领', 65), MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now),
            "TooLong", "leader");
    }

    [Fact]
    public void RecordInstruction_SameLeaderSameDay_ConflictButAnotherDayAllowed()
    {
        var m = _desk.InStatus(ManuscriptStatus.Approved);
        var tomorrow = TestClock.Now.AddDays(1);
        m.RecordInstruction("县委书记 王某某", MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now);

        var ex = Expect.Conflict(() => m.RecordInstruction("县委书记 王某某", MediaLevel.County, Today, null, null, Office, true, TestClock.Now),
            "Adoption.DuplicateInstruction");
        m.RecordInstruction("县委书记 王某某", MediaLevel.County, Today.AddDays(1), null, null, Claimant, false, tomorrow);

        ex.Args.ShouldBe(["县委书记 王某某"]);
        m.Adoptions.Select(a => a.AdoptedOn).ShouldBe([Today, Today.AddDays(1)]);
    }

    [Fact]
    public void RecordInstruction_SameLeaderAfterRefusal_AllowedAgain()
    {
        var m = Approved();
        m.RecordInstruction("县委书记 王某某", MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now).WithId(4);
        m.RefuseAdoption(4, Office, "不是对本稿件的批示", TestClock.Now);

        var again = m.RecordInstruction("县委书记 王某某", MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now);

        again.Status.ShouldBe(AdoptionStatus.Pending);
    }

    [Fact]
    public void RecordInstruction_FutureOrBeforeSubmission_Refused()
    {
        var m = Approved();

        Expect.Validation(() => m.RecordInstruction("王某某", MediaLevel.County, Today.AddDays(1), null, null, Claimant, false, TestClock.Now),
            "Adoption.DateInFuture", "adoptedOn");
        Expect.Validation(() => m.RecordInstruction("王某某", MediaLevel.County, Today.AddDays(-1), null, null, Claimant, false, TestClock.Now),
            "Adoption.DateBeforeSubmission", "adoptedOn");

        m.Adoptions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ManuscriptStatus.Draft)]
    [InlineData(ManuscriptStatus.Returned)]
    [InlineData(ManuscriptStatus.Rejected)]
    public void RecordInstruction_NotApproved_Conflict(ManuscriptStatus status)
    {
        var m = _desk.InStatus(status);

        Expect.Conflict(() => m.RecordInstruction("王某某", MediaLevel.County, Today, null, null, Claimant, false, TestClock.Now), "Publishing.NotApproved");
    }

    // ---------- VerifyAdoption ----------

    [Fact]
    public void VerifyAdoption_Pending_VerifiedByOfficeWithEvent()
    {
        var m = Approved();
        Claim(m, id: 9);
        var at = TestClock.Now.AddHours(3);

        m.VerifyAdoption(9, Office, at);

        var a = m.Adoptions.Single();
        (a.Status, a.VerifiedById, a.VerifiedAt, a.RefuseReason).ShouldBe((AdoptionStatus.Verified, (long?)Office, (DateTime?)at, (string?)null));
        a.Counts.ShouldBeTrue();
        var e = m.History[^1];
        (e.Action, e.ActorId, e.Comment).ShouldBe((ManuscriptEventAction.AdoptionVerified, (long?)Office, "大众日报"));
    }

    [Fact]
    public void VerifyAdoption_Twice_SecondConflictsAndFirstVerificationKept()
    {
        var m = Approved();
        Claim(m, id: 9);
        m.VerifyAdoption(9, Office, TestClock.Now);
        var events = m.History.Count;

        Expect.Conflict(() => m.VerifyAdoption(9, TestOrg.Principal, TestClock.Now.AddHours(1)), "Adoption.NotPending");

        m.Adoptions.Single().VerifiedById.ShouldBe(Office);
        m.Adoptions.Single().VerifiedAt.ShouldBe(TestClock.Now);
        m.History.Count.ShouldBe(events);
    }

    [Fact]
    public void VerifyAdoption_Refused_Conflict()
    {
        var m = Approved();
        Claim(m, id: 9);
        m.RefuseAdoption(9, Office, "截图看不清", TestClock.Now);

        Expect.Conflict(() => m.VerifyAdoption(9, Office, TestClock.Now), "Adoption.NotPending");

        m.Adoptions.Single().Status.ShouldBe(AdoptionStatus.Refused);
    }

    [Fact]
    public void VerifyAdoption_UnknownId_NotFound()
    {
        var m = Approved();
        Claim(m, id: 9);

        Expect.Validation(() => m.VerifyAdoption(10, Office, TestClock.Now), "Adoption.NotFound", "adoptionId");

        m.Adoptions.Single().Status.ShouldBe(AdoptionStatus.Pending);
    }

    // ---------- RefuseAdoption ----------

    [Fact]
    public void RefuseAdoption_Pending_RefusedWithReasonAndEvent()
    {
        var m = Approved();
        Claim(m, id: 9);

        m.RefuseAdoption(9, Office, "  截图看不清  ", TestClock.Now);

        var a = m.Adoptions.Single();
        (a.Status, a.RefuseReason, a.VerifiedById, a.Counts).ShouldBe((AdoptionStatus.Refused, "截图看不清", (long?)Office, false));
        var e = m.History[^1];
        (e.Action, e.Comment).ShouldBe((ManuscriptEventAction.AdoptionRefused, "大众日报：截图看不清"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void RefuseAdoption_NoReason_RefusedAndStillPending(string? reason)
    {
        var m = Approved();
        Claim(m, id: 9);

        Expect.Validation(() => m.RefuseAdoption(9, Office, reason, TestClock.Now), "Adoption.ReasonRequired", "reason");

        m.Adoptions.Single().Status.ShouldBe(AdoptionStatus.Pending);
    }

    [Fact]
    public void RefuseAdoption_ReasonOver500Characters_TooLong()
    {
        var m = Approved();
        Claim(m, id: 9);

        var ex = Expect.Validation(() => m.RefuseAdoption(9, Office, new string('理', 501), TestClock.Now), "TooLong", "reason");

        ex.Args.ShouldBe([500]);
        m.Adoptions.Single().Status.ShouldBe(AdoptionStatus.Pending);
    }

    [Fact]
    public void RefuseAdoption_Verified_RevokedAndNoLongerCounts()
    {
        var m = Approved();
        Claim(m, id: 9);
        m.VerifyAdoption(9, Office, TestClock.Now);

        m.RefuseAdoption(9, Office, "登记有误：实为转载", TestClock.Now.AddDays(1));

        var a = m.Adoptions.Single();
        (a.Status, a.Counts, a.RefuseReason, a.VerifiedAt).ShouldBe((AdoptionStatus.Refused, false, "登记有误：实为转载", (DateTime?)TestClock.Now.AddDays(1)));
    }

    [Fact]
    public void RefuseAdoption_AlreadyRefused_ConflictAndFirstReasonKept()
    {
        var m = Approved();
        Claim(m, id: 9);
        m.RefuseAdoption(9, Office, "第一次", TestClock.Now);

        Expect.Conflict(() => m.RefuseAdoption(9, Office, "第二次", TestClock.Now), "Adoption.AlreadyRefused");

        m.Adoptions.Single().RefuseReason.ShouldBe("第一次");
    }

    [Fact]
    public void RefuseAdoption_UnknownId_NotFound()
    {
        var m = Approved();

        Expect.Validation(() => m.RefuseAdoption(1, Office, "理由", TestClock.Now), "Adoption.NotFound", "adoptionId");
    }
}
