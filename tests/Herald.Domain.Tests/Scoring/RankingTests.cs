using Herald.Domain.Scoring;

namespace Herald.Domain.Tests.Scoring;

public sealed class RankingTests
{
    [Fact]
    public void Rank_TiesShareARankAndTheNextRankSkips()
    {
        var ranks = Ranking.Rank<string>([("甲", 10m, 3), ("乙", 8m, 2), ("丙", 8m, 2), ("丁", 5m, 9)]);

        (ranks["甲"], ranks["乙"], ranks["丙"], ranks["丁"]).ShouldBe((1, 2, 2, 4));
    }

    [Fact]
    public void Rank_SamePoints_MoreAdoptionsFirst()
    {
        var ranks = Ranking.Rank<string>([("少", 8m, 2), ("多", 8m, 3), ("负", -1m, 0)]);

        (ranks["多"], ranks["少"], ranks["负"]).ShouldBe((1, 2, 3));
    }

    [Fact]
    public void Rank_EveryoneZero_AllFirst()
    {
        var ranks = Ranking.Rank<long>([(1, 0m, 0), (2, 0m, 0), (3, 0m, 0)]);

        ranks.Values.ShouldAllBe(r => r == 1);
    }
}
