using System.Globalization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Common;

namespace Herald.Web.Features.Scoring;

/// <summary>一个规则版本。points 按级别、类型给出分值（central → newspaper → 10）；multiAdoption 为 highest_only 或 sum。</summary>
public sealed record RuleSetDto(
    long Id,
    DateOnly EffectiveFrom,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Points,
    decimal FrontPageMultiplier,
    IReadOnlyDictionary<string, decimal> InstructionBonus,
    string MultiAdoption,
    decimal? CapPoints,
    string CapPeriod,
    int MonthlyQuota,
    decimal MissingPenalty,
    decimal LatePenalty,
    string? Note,
    long? CreatedById,
    string? CreatedByName,
    DateTime CreatedAt,
    bool Current);

/// <summary>今天有效的版本与全部版本（生效日期新的在前）。</summary>
public sealed record ScoringRulesView(RuleSetDto Current, IReadOnlyList<RuleSetDto> Versions);

public static class RuleSetMapping
{
    public static RuleSetDto AsDto(this ScoringRuleSet rule, string? createdByName, bool current)
    {
        var points = ScoringCodes.Levels.ToDictionary(
            Wire.Code,
            level => (IReadOnlyDictionary<string, decimal>)ScoringCodes.Types.ToDictionary(Wire.Code, type => rule.PointsFor(level, type)));
        var bonus = ScoringCodes.Levels.ToDictionary(Wire.Code, rule.BonusFor);
        return new RuleSetDto(rule.Id, rule.EffectiveFrom, points, rule.FrontPageMultiplier, bonus, Wire.Code(rule.MultiAdoption),
            rule.CapPoints, Wire.Code(rule.CapPeriod), rule.MonthlyQuota, rule.MissingPenalty, rule.LatePenalty, rule.Note,
            rule.CreatedById, createdByName, rule.CreatedAt, current);
    }

    /// <summary>数字的显示：去掉多余的零（2.00 → 2，0.50 → 0.5）。</summary>
    public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}

/// <summary>
/// 新版本的输入（网页表单与 API 共用，全部按文字接收以便逐项给出中文错误）。Points 的键为 "central.newspaper"，
/// InstructionBonus 的键为 "central"。BasedOn 为填写时看到的最新版本编号：已有更新的版本（他人刚改过或重复提交）时拒绝。
/// </summary>
public sealed class RuleVersionInput
{
    public string? EffectiveFrom { get; set; }
    public Dictionary<string, string?> Points { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? FrontPageMultiplier { get; set; }
    public Dictionary<string, string?> InstructionBonus { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? MultiAdoption { get; set; }
    public string? CapPoints { get; set; }
    public string? CapPeriod { get; set; }
    public string? MonthlyQuota { get; set; }
    public string? MissingPenalty { get; set; }
    public string? LatePenalty { get; set; }
    public string? Note { get; set; }
    public long? BasedOn { get; set; }

    /// <summary>用某个版本的值预填（新版本表单的初值）。</summary>
    public static RuleVersionInput From(RuleSetDto rule, DateOnly effectiveFrom)
    {
        var input = new RuleVersionInput
        {
            EffectiveFrom = effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FrontPageMultiplier = RuleSetMapping.Number(rule.FrontPageMultiplier),
            MultiAdoption = rule.MultiAdoption,
            CapPoints = rule.CapPoints is { } cap ? RuleSetMapping.Number(cap) : null,
            CapPeriod = rule.CapPeriod,
            MonthlyQuota = rule.MonthlyQuota.ToString(CultureInfo.InvariantCulture),
            MissingPenalty = RuleSetMapping.Number(rule.MissingPenalty),
            LatePenalty = RuleSetMapping.Number(rule.LatePenalty),
            BasedOn = rule.Id,
        };
        foreach (var (level, row) in rule.Points)
            foreach (var (type, value) in row)
                input.Points[level + "." + type] = RuleSetMapping.Number(value);
        foreach (var (level, value) in rule.InstructionBonus) input.InstructionBonus[level] = RuleSetMapping.Number(value);
        return input;
    }

    /// <summary>网页表单：points.central.newspaper、instructionBonus.central 等字段。</summary>
    public static RuleVersionInput FromForm(IFormCollection form)
    {
        string? Value(string key) => form.TryGetValue(key, out var v) ? v.ToString() : null;
        var input = new RuleVersionInput
        {
            EffectiveFrom = Value("effectiveFrom"),
            FrontPageMultiplier = Value("frontPageMultiplier"),
            MultiAdoption = Value("multiAdoption"),
            CapPoints = Value("capPoints"),
            CapPeriod = Value("capPeriod"),
            MonthlyQuota = Value("monthlyQuota"),
            MissingPenalty = Value("missingPenalty"),
            LatePenalty = Value("latePenalty"),
            Note = Value("note"),
            BasedOn = long.TryParse(Value("basedOn"), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null,
        };
        foreach (var level in ScoringCodes.Levels)
        {
            foreach (var type in ScoringCodes.Types)
                input.Points[Wire.Code(level) + "." + Wire.Code(type)] = Value(ScoringCodes.PointsField(level, type));
            input.InstructionBonus[Wire.Code(level)] = Value(ScoringCodes.BonusField(level));
        }
        return input;
    }
}

/// <summary>PUT /api/v1/scoring-rules 的请求体。</summary>
public sealed class RuleVersionRequest
{
    /// <summary>生效日期 yyyy-MM-dd，不早于今天（北京时间）。</summary>
    public string? EffectiveFrom { get; set; }
    /// <summary>级别 → 类型 → 分值，如 {"central":{"newspaper":10,…},…}，5 个级别 × 7 个类型都要给出。</summary>
    public Dictionary<string, Dictionary<string, decimal?>>? Points { get; set; }
    public decimal? FrontPageMultiplier { get; set; }
    /// <summary>级别 → 批示加分。</summary>
    public Dictionary<string, decimal?>? InstructionBonus { get; set; }
    /// <summary>highest_only（只计最高）或 sum（累计）。</summary>
    public string? MultiAdoption { get; set; }
    /// <summary>每单位每个周期的积分上限；null 表示不设上限。</summary>
    public decimal? CapPoints { get; set; }
    /// <summary>month / quarter / year。</summary>
    public string? CapPeriod { get; set; }
    public int? MonthlyQuota { get; set; }
    public decimal? MissingPenalty { get; set; }
    public decimal? LatePenalty { get; set; }
    public string? Note { get; set; }
    /// <summary>可选：填写时的最新版本编号，已有更新的版本时 409。</summary>
    public long? BasedOn { get; set; }

    public RuleVersionInput ToInput()
    {
        static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
        var input = new RuleVersionInput
        {
            EffectiveFrom = EffectiveFrom,
            FrontPageMultiplier = Text(FrontPageMultiplier),
            MultiAdoption = MultiAdoption,
            CapPoints = Text(CapPoints),
            CapPeriod = CapPeriod,
            MonthlyQuota = MonthlyQuota?.ToString(CultureInfo.InvariantCulture),
            MissingPenalty = Text(MissingPenalty),
            LatePenalty = Text(LatePenalty),
            Note = Note,
            BasedOn = BasedOn,
        };
        foreach (var (level, row) in Points ?? [])
            foreach (var (type, value) in row ?? [])
                input.Points[level + "." + type] = Text(value);
        foreach (var (level, value) in InstructionBonus ?? []) input.InstructionBonus[level] = Text(value);
        return input;
    }
}
