using Herald.Domain.Text;

namespace Herald.Domain.Opinion;

/// <summary>已收录的一条信息，作为新信息的重复候选。GroupFirstId 为它所在组的组首（它自己是组首时为空）。</summary>
public sealed record DuplicateCandidate(long Id, long? GroupFirstId, ShingleSet Shingles)
{
    public long GroupId => GroupFirstId ?? Id;
}

/// <summary>近似重复的判定：3-gram Jaccard 不低于阈值（默认 0.8）即为重复，归入候选所在的组。</summary>
public static class NearDuplicates
{
    /// <summary>用于查重的文本：标题与正文。</summary>
    public static string TextOf(string? title, string content) => string.IsNullOrEmpty(title) ? content : title + "\n" + content;

    /// <summary>
    /// 最相似且达到阈值的候选；相似度相同时取组首更早（编号更小）的。没有时返回 null。
    /// </summary>
    public static DuplicateCandidate? Best(ShingleSet item, IEnumerable<DuplicateCandidate> candidates, double threshold)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(candidates);
        if (item.Count == 0) return null;
        DuplicateCandidate? best = null;
        var bestScore = -1.0;
        foreach (var candidate in candidates)
        {
            var score = item.JaccardWith(candidate.Shingles);
            if (score < threshold) continue;
            if (score > bestScore || (score == bestScore && candidate.GroupId < best!.GroupId))
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }
}
