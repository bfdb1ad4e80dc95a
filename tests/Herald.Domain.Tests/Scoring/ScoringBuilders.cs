using Herald.Domain.Publishing;
using Herald.Domain.Scoring;

namespace Herald.Domain.Tests.Scoring;

/// <summary>测试用的规则版本与用稿事实。默认：中央 10、省 5、市 3、县 1、内部 0.5；头版 ×2；批示 20/10/5/2/0；只计最高；无上限；无任务；迟报不扣。</summary>
internal static class ScoringBuilders
{
    public const long UnitA = 1;
    public const long UnitB = 2;
    public const long UnitC = 3;
    public const long AuthorA = 101;
    public const long AuthorB = 102;

    public static readonly DateTime Created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Dictionary<(MediaLevel, OutletType), decimal> Table(Func<MediaLevel, OutletType, decimal> value)
    {
        var table = new Dictionary<(MediaLevel, OutletType), decimal>();
        foreach (var level in Enum.GetValues<MediaLevel>())
            foreach (var type in Enum.GetValues<OutletType>())
                table[(level, type)] = value(level, type);
        return table;
    }

    public static Dictionary<MediaLevel, decimal> Bonus(decimal central = 20m, decimal provincial = 10m, decimal municipal = 5m,
        decimal county = 2m, decimal @internal = 0m) => new()
    {
        [MediaLevel.Central] = central,
        [MediaLevel.Provincial] = provincial,
        [MediaLevel.Municipal] = municipal,
        [MediaLevel.County] = county,
        [MediaLevel.Internal] = @internal,
    };

    public static ScoringRuleSet Rule(DateOnly effectiveFrom, IReadOnlyDictionary<(MediaLevel, OutletType), decimal>? points = null,
        decimal multiplier = 2m, IReadOnlyDictionary<MediaLevel, decimal>? bonus = null,
        MultiAdoptionMode mode = MultiAdoptionMode.HighestOnly, decimal? cap = null, CapPeriod capPeriod = CapPeriod.Month,
        int quota = 0, decimal missingPenalty = 0m, decimal latePenalty = 0m, DateTime? createdAt = null, string? note = null) =>
        ScoringRuleSet.Create(effectiveFrom, points ?? ScoringRuleSet.DefaultPoints(), multiplier, bonus ?? Bonus(), mode, cap, capPeriod,
            quota, missingPenalty, latePenalty, note, createdById: 1, createdAt ?? Created);

    public static RuleBook Book(params ScoringRuleSet[] versions) => new(versions);

    public static AdoptionFact Outlet(long adoptionId, long manuscriptId, DateOnly on, MediaLevel level,
        OutletType type = OutletType.Newspaper, bool frontPage = false, long unitId = UnitA, long authorId = AuthorA) =>
        new(adoptionId, manuscriptId, unitId, authorId, AdoptionKind.Outlet, level, type, frontPage, on, $"媒体{adoptionId}");

    public static AdoptionFact Instruction(long adoptionId, long manuscriptId, DateOnly on, MediaLevel level, long unitId = UnitA,
        long authorId = AuthorA) =>
        new(adoptionId, manuscriptId, unitId, authorId, AdoptionKind.Instruction, level, null, false, on, $"领导{adoptionId}");

    public static SubmissionFact Submitted(long manuscriptId, DateOnly on, long unitId = UnitA, long authorId = AuthorA, bool late = false) =>
        new(manuscriptId, unitId, authorId, on, late);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
