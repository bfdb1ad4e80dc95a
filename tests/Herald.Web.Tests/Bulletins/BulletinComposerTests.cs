using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins;
using Herald.Web.Features.Bulletins.Documents;
using static Herald.Web.Tests.Bulletins.SyntheticReport;

namespace Herald.Web.Tests.Bulletins;

/// <summary>通报内容的规则（纯函数）：表扬名额与并列、根单位不参加表扬批评、批评条件、先进单位条件、好新闻奖取单次最高分值。</summary>
public class BulletinComposerTests
{
    [Fact]
    public void Praise_TieAtLastPlace_TiedUnitsAllPraisedZeroPointsNever()
    {
        var report = Report([
            Unit(1, "根单位", 1, 50m, 5),
            Unit(2, "甲", 2, 30m, 3),
            Unit(3, "乙", 3, 20m, 2),
            Unit(4, "丙", 3, 20m, 2),
            Unit(5, "丁", 5, 10m, 1),
            Unit(6, "戊", 6, 0m, 0),
        ]);

        var figures = Compose(report, Settings(praiseUnits: 2));

        figures.PraisedUnits.Select(u => u.UnitName).ShouldBe(["甲", "乙", "丙"]);
        Compose(report, Settings(praiseUnits: 10)).PraisedUnits.Select(u => u.UnitName).ShouldBe(["甲", "乙", "丙", "丁"]);
        Compose(report, Settings(praiseUnits: 0)).PraisedUnits.ShouldBeEmpty();
    }

    [Fact]
    public void Criticism_BelowQuotaOrNothingAdopted_RootAndUnassessedWithAdoptionsSpared()
    {
        var report = Report([
            Unit(1, "根单位", 4, 0m, 0, quotaMet: null, submitted: 0),
            Unit(2, "完成且有采用", 1, 10m, 2),
            Unit(3, "少报但有采用", 2, 5m, 1, quotaMet: false, missed: 3),
            Unit(4, "不考核有采用", 3, 3m, 1, quotaMet: null),
            Unit(5, "完成没有采用", 4, 0m, 0),
            Unit(6, "少报也没有采用", 6, -2m, 0, quotaMet: false, missed: 2),
        ]);

        var criticized = Compose(report, Settings()).Criticized;

        criticized.Select(c => (c.UnitName, c.BelowQuota, c.Missed, c.NothingAdopted)).ShouldBe([
            ("少报但有采用", true, 3, false),
            ("完成没有采用", false, 0, true),
            ("少报也没有采用", true, 2, true),
        ]);
        BulletinWording.Criticized(criticized[2]).ShouldBe("少报也没有采用（未完成报送任务，少报2篇；没有稿件被采用）");
    }

    [Fact]
    public void Ranking_RootUnitWithSubUnits_RootNotRankedAmongItsSubUnitsAndRanksRenumbered()
    {
        // 街道本级积分最高（统计排第 1）：通报排的是它下属的各部门、村社区，本级不与下级一起排名。
        var report = Report([
            Unit(1, "根单位", 1, 50m, 5),
            Unit(2, "甲", 2, 30m, 3),
            Unit(3, "乙", 3, 20m, 2),
            Unit(4, "丙", 3, 20m, 2),
            Unit(5, "丁", 5, 10m, 1),
        ]);

        var figures = Compose(report, Settings());

        figures.Units.Select(u => (u.Rank, u.UnitName)).ShouldBe([(1, "甲"), (2, "乙"), (2, "丙"), (4, "丁")]);
        figures.Totals.Submitted.ShouldBe(report.Totals.Submitted);
    }

    [Fact]
    public void Ranking_RootIsOnlyUnit_RootRanked()
    {
        var figures = Compose(Report([Unit(1, "根单位", 1, 8m, 1)]), Settings());

        figures.Units.Select(u => (u.Rank, u.UnitName)).ShouldBe([(1, "根单位")]);
    }

    [Fact]
    public void Praise_RootIsOnlyUnit_RootCanBePraisedOrCriticized()
    {
        var alone = Report([Unit(1, "根单位", 1, 8m, 0, quotaMet: false, missed: 1)]);

        var figures = Compose(alone, Settings());

        figures.PraisedUnits.Select(u => u.UnitName).ShouldBe(["根单位"]);
        figures.Criticized.Select(c => c.UnitName).ShouldBe(["根单位"]);
    }

    [Fact]
    public void Annual_AdvancedUnits_OnlyThoseThatMetQuotaEveryMonth()
    {
        var report = Report([
            Unit(1, "根单位", 5, 0m, 0, quotaMet: null),
            Unit(2, "积分最高但少报", 1, 40m, 4, quotaMet: false, missed: 1),
            Unit(3, "完成任务", 2, 30m, 3),
            Unit(4, "不考核", 3, 20m, 2, quotaMet: null),
            Unit(5, "完成任务二", 4, 10m, 1),
        ], annual: true);

        var figures = Compose(report, Settings(annual: true, praiseUnits: 5));

        figures.PraisedUnits.Select(u => u.UnitName).ShouldBe(["完成任务", "完成任务二"]);
        Compose(report, Settings(annual: false, praiseUnits: 5)).PraisedUnits.Select(u => u.UnitName)
            .ShouldBe(["积分最高但少报", "完成任务", "不考核", "完成任务二"]);
    }

    [Fact]
    public void GoodNews_HighestSingleAdoptionValue_NotCreditedPoints()
    {
        // 稿件 10：先被市报采用（3 分），后被央报采用（10 分，只计最高时实得 7 分）——单次分值取 10。
        // 稿件 11：省报头版 5×2 = 10 分，日期更晚。稿件 12：县级 1 分。
        ScoreLine Adoption(long manuscript, long adoption, DateOnly date, decimal basePoints, decimal multiplier, decimal credited, string source) =>
            new(ScoreLineKind.Adoption, 2, 100, manuscript, adoption, 1, date, credited, BasePoints: basePoints, Multiplier: multiplier, Source: source);
        var lines = new[]
        {
            Adoption(10, 1, new DateOnly(2026, 3, 1), 3m, 1m, 3m, "市报"),
            Adoption(10, 2, new DateOnly(2026, 3, 9), 10m, 1m, 7m, "央报"),
            Adoption(11, 3, new DateOnly(2026, 5, 1), 5m, 2m, 10m, "省报"),
            Adoption(12, 4, new DateOnly(2026, 1, 1), 1m, 1m, 1m, "县台"),
        };
        var report = Report([Unit(2, "甲", 1, 21m, 3)], lines: lines, annual: true);
        var titles = new Dictionary<long, string> { [10] = "稿件十", [11] = "稿件十一", [12] = "稿件十二" };

        var news = Compose(report, Settings(annual: true, praisePeople: 2), titles).GoodNews;

        news.Select(g => (g.Rank, g.Title, g.Outlet, g.Points, g.AdoptedOn)).ShouldBe([
            (1, "稿件十", "央报", 10m, new DateOnly(2026, 3, 9)),
            (1, "稿件十一", "省报", 10m, new DateOnly(2026, 5, 1)),
        ]);
        news[0].UnitName.ShouldBe("甲");
        Compose(report, Settings(annual: false), titles).GoodNews.ShouldBeEmpty();
    }

    [Fact]
    public void Wording_RatesPointsAndNumerals_FormattedLikeTheDocument()
    {
        BulletinWording.Rate(0.4286m).ShouldBe("42.9%");
        BulletinWording.Rate(1m).ShouldBe("100%");
        BulletinWording.Rate(0m).ShouldBe("0%");
        BulletinWording.Points(12.50m).ShouldBe("12.5");
        BulletinWording.Points(-4.00m).ShouldBe("-4");
        BulletinWording.Numeral(5).ShouldBe("五");
        BulletinWording.Numeral(12).ShouldBe("十二");
        BulletinWording.FileName("关于2026年第3季度宣传信息工作情况的通报", 1, false, ".docx").ShouldBe("关于2026年第3季度宣传信息工作情况的通报.docx");
        BulletinWording.FileName("关于2026年第3季度宣传信息工作情况的通报", 2, true, ".xlsx").ShouldBe("关于2026年第3季度宣传信息工作情况的通报（第2版）（草稿）.xlsx");
    }

    [Fact]
    public void Snapshot_RoundTrip_SameJson()
    {
        var figures = Compose(Large(30, annual: true), Settings(annual: true), draft: false);

        var json = BulletinSnapshot.Serialize(figures);
        var back = BulletinSnapshot.Deserialize(json);

        BulletinSnapshot.Serialize(back).ShouldBe(json);
        back.Units.Count.ShouldBe(29); // 30 个单位，根单位不列入排名
        back.Kind.ShouldBe(BulletinKind.Annual);
        json.ShouldContain("\"kind\":\"Annual\"");
        json.ShouldContain("第2个单位（社区）");
    }

    [Fact]
    public void Files_LargeScope_ValidAndEveryUnitListed()
    {
        var figures = Compose(Large(300), Settings());

        var docx = BulletinDocument.Write(figures);
        var xlsx = BulletinWorkbook.Write(figures);

        BulletinFiles.ShouldBeValidDocx(docx);
        BulletinFiles.ShouldBeValidXlsx(xlsx);
        BulletinFiles.RankingRows(docx).Count.ShouldBe(300); // 表头 + 299 个下属单位（根单位不列入排名）
        BulletinFiles.Sheet(xlsx, "单位排名").Rows.Count.ShouldBe(301);
        BulletinFiles.Sheet(xlsx, "信息员排名").Rows.Count.ShouldBe(602);
    }
}
