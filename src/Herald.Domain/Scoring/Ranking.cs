namespace Herald.Domain.Scoring;

/// <summary>排名：积分高者在前，积分相同比用稿数，仍相同则并列（1、2、2、4）。</summary>
public static class Ranking
{
    public static IReadOnlyDictionary<TKey, int> Rank<TKey>(IEnumerable<(TKey Key, decimal Points, int Adopted)> rows)
        where TKey : notnull
    {
        var ordered = rows.OrderByDescending(r => r.Points).ThenByDescending(r => r.Adopted).ToList();
        var ranks = new Dictionary<TKey, int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && ordered[i].Points == ordered[i - 1].Points && ordered[i].Adopted == ordered[i - 1].Adopted;
            ranks[ordered[i].Key] = tied ? ranks[ordered[i - 1].Key] : i + 1;
        }
        return ranks;
    }
}
