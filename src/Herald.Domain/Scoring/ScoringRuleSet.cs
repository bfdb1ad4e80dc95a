using System.Globalization;
using System.Text;
using Herald.Domain.Common;
using Herald.Domain.Publishing;

namespace Herald.Domain.Scoring;

/// <summary>
/// 一个版本的计分规则（[001] 考核奖惩，[003] 激励机制）。规则按生效日期分版本：某次用稿按用稿当日有效的版本计分，
/// 修改规则即新增一个版本，旧版本不改，已发布的通报不受影响。
/// </summary>
public sealed class ScoringRuleSet
{
    private Dictionary<(MediaLevel, OutletType), decimal>? _points;
    private Dictionary<MediaLevel, decimal>? _instructions;

    private ScoringRuleSet() { PointsTable = ""; InstructionTable = ""; }

    public long Id { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    /// <summary>级别×类型分值表，序列化为 "central:newspaper=10;…"。</summary>
    public string PointsTable { get; private set; }
    /// <summary>头版/头条倍数</summary>
    public decimal FrontPageMultiplier { get; private set; }
    /// <summary>批示加分表，序列化为 "central=20;…"。</summary>
    public string InstructionTable { get; private set; }
    public MultiAdoptionMode MultiAdoption { get; private set; }
    /// <summary>每单位每个周期的积分上限；为空表示不设上限。</summary>
    public decimal? CapPoints { get; private set; }
    public CapPeriod CapPeriod { get; private set; }
    /// <summary>每单位每月报送任务（篇）；0 表示不考核。</summary>
    public int MonthlyQuota { get; private set; }
    /// <summary>每少报一篇扣的分。</summary>
    public decimal MissingPenalty { get; private set; }
    /// <summary>每篇迟报扣的分（0 表示不扣）。</summary>
    public decimal LatePenalty { get; private set; }
    public string? Note { get; private set; }
    public long? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public IReadOnlyDictionary<(MediaLevel, OutletType), decimal> Points => _points ??= ParsePoints(PointsTable);

    public IReadOnlyDictionary<MediaLevel, decimal> InstructionBonus => _instructions ??= ParseInstructions(InstructionTable);

    /// <summary>默认规则：中央 10、省级 5、市级 3、县级 1、内部 0.5（各类型相同）；头版/头条 ×2；多方采用只计最高；每月 2 篇，每少 1 篇扣 1 分；迟报不扣分。</summary>
    public static ScoringRuleSet Default(DateOnly effectiveFrom, DateTime nowUtc) => Create(
        effectiveFrom,
        DefaultPoints(),
        frontPageMultiplier: 2m,
        new Dictionary<MediaLevel, decimal>
        {
            [MediaLevel.Central] = 20m,
            [MediaLevel.Provincial] = 10m,
            [MediaLevel.Municipal] = 5m,
            [MediaLevel.County] = 2m,
            [MediaLevel.Internal] = 0m,
        },
        MultiAdoptionMode.HighestOnly,
        capPoints: null,
        CapPeriod.Month,
        monthlyQuota: 2,
        missingPenalty: 1m,
        latePenalty: 0m,
        note: null,
        createdById: null,
        nowUtc);

    public static Dictionary<(MediaLevel, OutletType), decimal> DefaultPoints()
    {
        var byLevel = new Dictionary<MediaLevel, decimal>
        {
            [MediaLevel.Central] = 10m,
            [MediaLevel.Provincial] = 5m,
            [MediaLevel.Municipal] = 3m,
            [MediaLevel.County] = 1m,
            [MediaLevel.Internal] = 0.5m,
        };
        var points = new Dictionary<(MediaLevel, OutletType), decimal>();
        foreach (var level in Enum.GetValues<MediaLevel>())
            foreach (var type in Enum.GetValues<OutletType>())
                points[(level, type)] = byLevel[level];
        return points;
    }

    public static ScoringRuleSet Create(DateOnly effectiveFrom, IReadOnlyDictionary<(MediaLevel, OutletType), decimal> points,
        decimal frontPageMultiplier, IReadOnlyDictionary<MediaLevel, decimal> instructionBonus, MultiAdoptionMode multiAdoption,
        decimal? capPoints, CapPeriod capPeriod, int monthlyQuota, decimal missingPenalty, decimal latePenalty, string? note,
        long? createdById, DateTime nowUtc)
    {
        foreach (var level in Enum.GetValues<MediaLevel>())
        {
            foreach (var type in Enum.GetValues<OutletType>())
            {
                if (!points.TryGetValue((level, type), out var value))
                    throw new DomainValidationException("points", "Scoring.PointsMissing", level, type);
                NonNegative(value, "points");
            }
            if (!instructionBonus.TryGetValue(level, out var bonus))
                throw new DomainValidationException("instructionBonus", "Scoring.BonusMissing", level);
            NonNegative(bonus, "instructionBonus");
        }
        if (frontPageMultiplier < 1m || frontPageMultiplier > 10m)
            throw new DomainValidationException("frontPageMultiplier", "Scoring.MultiplierRange");
        if (capPoints is <= 0m) throw new DomainValidationException("capPoints", "Scoring.CapPositive");
        if (monthlyQuota is < 0 or > 100) throw new DomainValidationException("monthlyQuota", "Scoring.QuotaRange");
        NonNegative(missingPenalty, "missingPenalty");
        NonNegative(latePenalty, "latePenalty");
        return new ScoringRuleSet
        {
            EffectiveFrom = effectiveFrom,
            PointsTable = FormatPoints(points),
            FrontPageMultiplier = frontPageMultiplier,
            InstructionTable = FormatInstructions(instructionBonus),
            MultiAdoption = multiAdoption,
            CapPoints = capPoints,
            CapPeriod = capPeriod,
            MonthlyQuota = monthlyQuota,
            MissingPenalty = missingPenalty,
            LatePenalty = latePenalty,
            Note = Guard.Optional(note, "note", 500),
            CreatedById = createdById,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>某次媒体采用的基础分（未乘头版倍数）。</summary>
    public decimal PointsFor(MediaLevel level, OutletType type) => Points[(level, type)];

    public decimal BonusFor(MediaLevel level) => InstructionBonus[level];

    private static void NonNegative(decimal value, string field)
    {
        if (value < 0m || value > 1000m) throw new DomainValidationException(field, "Scoring.ValueRange");
    }

    private static string FormatPoints(IReadOnlyDictionary<(MediaLevel, OutletType), decimal> points)
    {
        var sb = new StringBuilder();
        foreach (var level in Enum.GetValues<MediaLevel>())
            foreach (var type in Enum.GetValues<OutletType>())
                sb.Append(level).Append(':').Append(type).Append('=').Append(points[(level, type)].ToString(CultureInfo.InvariantCulture)).Append(';');
        return sb.ToString();
    }

    private static string FormatInstructions(IReadOnlyDictionary<MediaLevel, decimal> bonus) =>
        string.Concat(Enum.GetValues<MediaLevel>().Select(l => $"{l}={bonus[l].ToString(CultureInfo.InvariantCulture)};"));

    private static Dictionary<(MediaLevel, OutletType), decimal> ParsePoints(string table)
    {
        var result = new Dictionary<(MediaLevel, OutletType), decimal>();
        foreach (var item in table.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = Split(item);
            var colon = key.IndexOf(':');
            result[(Enum.Parse<MediaLevel>(key[..colon]), Enum.Parse<OutletType>(key[(colon + 1)..]))] = value;
        }
        return result;
    }

    private static Dictionary<MediaLevel, decimal> ParseInstructions(string table) =>
        table.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Split)
            .ToDictionary(kv => Enum.Parse<MediaLevel>(kv.Key), kv => kv.Value);

    private static (string Key, decimal Value) Split(string item)
    {
        var eq = item.IndexOf('=');
        return (item[..eq], decimal.Parse(item[(eq + 1)..], CultureInfo.InvariantCulture));
    }
}
