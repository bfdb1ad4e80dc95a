namespace Herald.Domain.Opinion.Cases;

/// <summary>研判参考用的一条信息：来源、最早见到的时间（原帖发布时间，没有则为收到时间）、关键词命中权重之和。</summary>
public sealed record ItemSignal(string Source, DateTime SeenAtUtc, int HitWeight);

/// <summary>建议等级及其来由（每一项都可核对）。</summary>
public sealed record SeveritySuggestion(
    OpinionSeverity Severity,
    int Score,
    int KeywordPoints,
    int ItemCount,
    int SourceCount,
    int Last24Hours)
{
    public static readonly SeveritySuggestion None = new(OpinionSeverity.General, 0, 0, 0, 0, 0);
}

/// <summary>
/// 建议等级：得分 = 单条信息的最高命中权重 + 2×(信息条数−1) + 4×(不同来源数−1) + 3×(近 24 小时新增条数)。
/// 得分 ≥ 60 特别重大，≥ 30 重大，≥ 12 较大，其余一般。只是建议，等级由研判人确定。
/// </summary>
public static class SeverityAdvisor
{
    public const int PerExtraItem = 2;
    public const int PerExtraSource = 4;
    public const int PerRecentItem = 3;
    public const int SignificantFrom = 12;
    public const int MajorFrom = 30;
    public const int CriticalFrom = 60;

    public static SeveritySuggestion Suggest(IReadOnlyCollection<ItemSignal> items, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return SeveritySuggestion.None;
        var keyword = Math.Max(0, items.Max(i => i.HitWeight));
        var sources = items.Select(i => NormalizeSource(i.Source)).Distinct(StringComparer.Ordinal).Count();
        var since = nowUtc.AddHours(-24);
        var recent = items.Count(i => i.SeenAtUtc > since && i.SeenAtUtc <= nowUtc);
        var score = keyword + PerExtraItem * (items.Count - 1) + PerExtraSource * (sources - 1) + PerRecentItem * recent;
        return new SeveritySuggestion(SeverityFor(score), score, keyword, items.Count, sources, recent);
    }

    public static OpinionSeverity SeverityFor(int score) => score switch
    {
        >= CriticalFrom => OpinionSeverity.Critical,
        >= MajorFrom => OpinionSeverity.Major,
        >= SignificantFrom => OpinionSeverity.Significant,
        _ => OpinionSeverity.General,
    };

    // 来源名不区分大小写和首尾空白（"微博 " 与 "微博" 是同一来源）。
    private static string NormalizeSource(string? source) => (source ?? "").Trim().ToLowerInvariant();
}
