using Herald.Domain.Scoring;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Scoring;

public class BulletinTests
{
    private static Bulletin Quarterly(int quarter = 3, int year = 2026) =>
        Bulletin.Draft(BulletinKind.Quarterly, year, quarter, 1, 10, "示例街道宣传办公室", new DateOnly(2026, 10, 8), 5, TestClock.Now);

    [Theory]
    [InlineData(1, "2026-01-01", "2026-03-31")]
    [InlineData(2, "2026-04-01", "2026-06-30")]
    [InlineData(3, "2026-07-01", "2026-09-30")]
    [InlineData(4, "2026-10-01", "2026-12-31")]
    public void Draft_Quarter_PeriodIsTheThreeCalendarMonths(int quarter, string from, string to)
    {
        var bulletin = Quarterly(quarter);

        bulletin.PeriodStart.ShouldBe(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        bulletin.PeriodEnd.ShouldBe(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        bulletin.Title.ShouldBe($"关于2026年第{quarter}季度宣传信息工作情况的通报");
        bulletin.Status.ShouldBe(BulletinStatus.Draft);
    }

    [Fact]
    public void Draft_Annual_WholeYearQuarterZeroAssessmentTitle()
    {
        var bulletin = Bulletin.Draft(BulletinKind.Annual, 2025, 3, 2, 10, "宣传办", new DateOnly(2026, 1, 10), 5, TestClock.Now);

        bulletin.Quarter.ShouldBe(0);
        bulletin.Version.ShouldBe(2);
        bulletin.PeriodStart.ShouldBe(new DateOnly(2025, 1, 1));
        bulletin.PeriodEnd.ShouldBe(new DateOnly(2025, 12, 31));
        bulletin.Title.ShouldBe("关于2025年度宣传信息工作考核情况的通报");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Draft_QuarterOutOfRange_Refused(int quarter)
    {
        Expect.Validation(() => Quarterly(quarter), "Bulletin.QuarterRange", "quarter");
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Draft_YearOutOfRange_Refused(int year)
    {
        Expect.Validation(() => Quarterly(year: year), "Bulletin.YearRange", "year");
    }

    [Fact]
    public void Edit_Draft_ChangesTextAndBumpsRevision()
    {
        var bulletin = Quarterly();
        var before = bulletin.Revision;

        bulletin.Edit(" 中共示例街道工委宣传办 ", new DateOnly(2026, 10, 9), "开头", " ", 2, 0);

        bulletin.IssuingOffice.ShouldBe("中共示例街道工委宣传办");
        bulletin.IssueDate.ShouldBe(new DateOnly(2026, 10, 9));
        bulletin.Opening.ShouldBe("开头");
        bulletin.Requirements.ShouldBeNull();
        bulletin.PraiseUnitCount.ShouldBe(2);
        bulletin.PraiseCorrespondentCount.ShouldBe(0);
        bulletin.Revision.ShouldBe(before + 1);
    }

    [Fact]
    public void Edit_EmptyIssuingOffice_Refused()
    {
        Expect.Validation(() => Quarterly().Edit("  ", new DateOnly(2026, 10, 9), null, null, 3, 5), "Required", "issuingOffice");
    }

    [Theory]
    [InlineData(-1, 5, "praiseUnitCount")]
    [InlineData(51, 5, "praiseUnitCount")]
    [InlineData(3, 51, "praiseCorrespondentCount")]
    public void Edit_PraiseCountOutOfRange_Refused(int units, int people, string field)
    {
        Expect.Validation(() => Quarterly().Edit("宣传办", new DateOnly(2026, 10, 9), null, null, units, people), "Bulletin.PraiseRange", field);
    }

    [Fact]
    public void Publish_OnLastDayOfPeriodChinaTime_RefusedWithEndDate()
    {
        var bulletin = Quarterly();

        // 2026-09-30 23:30 北京时间（UTC 为 15:30）仍在时期内。
        var ex = Expect.Conflict(() => bulletin.Publish("{}", "d", "w", 5, TestClock.Cst(2026, 9, 30, 23, 30)), "Bulletin.PeriodNotOver");

        ex.Args.ShouldBe(["2026年9月30日"]);
        bulletin.Status.ShouldBe(BulletinStatus.Draft);
        bulletin.Snapshot.ShouldBeNull();
    }

    [Fact]
    public void Publish_AfterPeriodEnds_FreezesSnapshotAndFiles()
    {
        var bulletin = Quarterly();
        var at = TestClock.Cst(2026, 10, 1, 0, 0);

        bulletin.Publish("{\"a\":1}", "dochash", "xlsxhash", 7, at);

        bulletin.Status.ShouldBe(BulletinStatus.Published);
        bulletin.Snapshot.ShouldBe("{\"a\":1}");
        bulletin.DocumentHash.ShouldBe("dochash");
        bulletin.WorkbookHash.ShouldBe("xlsxhash");
        bulletin.PublishedById.ShouldBe(7);
        bulletin.PublishedAt.ShouldBe(at);
    }

    [Fact]
    public void Published_EditOrPublishAgain_RefusedAndUnchanged()
    {
        var bulletin = Quarterly();
        bulletin.Publish("{}", "d", "w", 7, TestClock.Cst(2026, 10, 8, 9));

        Expect.Conflict(() => bulletin.Edit("别的机关", new DateOnly(2026, 10, 9), null, null, 3, 5), "Bulletin.Frozen");
        Expect.Conflict(() => bulletin.Publish("{\"b\":2}", "d2", "w2", 7, TestClock.Cst(2026, 10, 9, 9)), "Bulletin.Frozen");

        bulletin.IssuingOffice.ShouldBe("示例街道宣传办公室");
        bulletin.Snapshot.ShouldBe("{}");
        bulletin.DocumentHash.ShouldBe("d");
    }
}
