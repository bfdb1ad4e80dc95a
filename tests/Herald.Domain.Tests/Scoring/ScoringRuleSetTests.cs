using Herald.Domain.Publishing;
using Herald.Domain.Scoring;
using Herald.Domain.Tests.Support;
using static Herald.Domain.Tests.Scoring.ScoringBuilders;

namespace Herald.Domain.Tests.Scoring;

/// <summary>规则版本的取值校验与分值表的保存格式。</summary>
public sealed class ScoringRuleSetTests
{
    [Fact]
    public void Create_PointsTableKeptCellByCell()
    {
        var rule = Rule(D(2026, 1, 1), Table((level, type) => 100m * ((int)level + 1) + (int)type), bonus: Bonus(central: 30m));

        rule.PointsFor(MediaLevel.Central, OutletType.Newspaper).ShouldBe(100m);
        rule.PointsFor(MediaLevel.Municipal, OutletType.Xuexi).ShouldBe(305m);
        rule.PointsFor(MediaLevel.Internal, OutletType.GovBulletin).ShouldBe(506m);
        rule.BonusFor(MediaLevel.Central).ShouldBe(30m);
        rule.PointsTable.ShouldStartWith("Central:Newspaper=100;Central:Tv=101;");
        rule.Points.Count.ShouldBe(35);
    }

    [Fact]
    public void Default_SeedValues()
    {
        var rule = ScoringRuleSet.Default(D(2000, 1, 1), Created);

        rule.PointsFor(MediaLevel.Central, OutletType.Tv).ShouldBe(10m);
        rule.PointsFor(MediaLevel.Provincial, OutletType.Newspaper).ShouldBe(5m);
        rule.PointsFor(MediaLevel.Municipal, OutletType.Web).ShouldBe(3m);
        rule.PointsFor(MediaLevel.County, OutletType.Newmedia).ShouldBe(1m);
        rule.FrontPageMultiplier.ShouldBe(2m);
        rule.MultiAdoption.ShouldBe(MultiAdoptionMode.HighestOnly);
        rule.CapPoints.ShouldBeNull();
    }

    [Fact]
    public void Create_MissingCell_Refused()
    {
        var table = Table((_, _) => 1m);
        table.Remove((MediaLevel.County, OutletType.Radio));

        Expect.Validation(() => Rule(D(2026, 1, 1), table), "Scoring.PointsMissing", "points");
    }

    [Fact]
    public void Create_MissingBonus_Refused()
    {
        var bonus = Bonus();
        bonus.Remove(MediaLevel.Internal);

        Expect.Validation(() => Rule(D(2026, 1, 1), bonus: bonus), "Scoring.BonusMissing", "instructionBonus");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000.5)]
    public void Create_PointsOutOfRange_Refused(double value)
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), Table((l, t) => l == MediaLevel.Central && t == OutletType.Tv ? (decimal)value : 1m)),
            "Scoring.ValueRange", "points");
    }

    [Fact]
    public void Create_NegativeBonus_Refused()
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), bonus: Bonus(county: -2m)), "Scoring.ValueRange", "instructionBonus");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(10.5)]
    public void Create_MultiplierOutOfRange_Refused(double multiplier)
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), multiplier: (decimal)multiplier), "Scoring.MultiplierRange", "frontPageMultiplier");
    }

    [Fact]
    public void Create_MultiplierBounds_Accepted()
    {
        Rule(D(2026, 1, 1), multiplier: 1m).FrontPageMultiplier.ShouldBe(1m);
        Rule(D(2026, 1, 1), multiplier: 10m).FrontPageMultiplier.ShouldBe(10m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Create_CapNotPositive_Refused(double cap)
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), cap: (decimal)cap), "Scoring.CapPositive", "capPoints");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Create_QuotaOutOfRange_Refused(int quota)
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), quota: quota), "Scoring.QuotaRange", "monthlyQuota");
    }

    [Fact]
    public void Create_NegativePenalties_Refused()
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), missingPenalty: -1m), "Scoring.ValueRange", "missingPenalty");
        Expect.Validation(() => Rule(D(2026, 1, 1), latePenalty: -0.5m), "Scoring.ValueRange", "latePenalty");
    }

    [Fact]
    public void Create_NoteTooLong_Refused()
    {
        Expect.Validation(() => Rule(D(2026, 1, 1), note: new string('注', 501)), "TooLong", "note");
        Rule(D(2026, 1, 1), note: "  说明  ").Note.ShouldBe("说明");
    }
}
