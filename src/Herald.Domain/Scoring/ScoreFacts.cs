using Herald.Domain.Publishing;

namespace Herald.Domain.Scoring;

/// <summary>一次已核实的用稿或批示（计分的原始事实）。</summary>
public sealed record AdoptionFact(
    long AdoptionId,
    long ManuscriptId,
    long UnitId,
    long AuthorId,
    AdoptionKind Kind,
    MediaLevel Level,
    OutletType? OutletType,
    bool FrontPage,
    DateOnly AdoptedOn,
    string Source);

/// <summary>一篇报送的稿件（首次报送日期按北京时间）。</summary>
public sealed record SubmissionFact(long ManuscriptId, long UnitId, long AuthorId, DateOnly SubmittedOn, bool Late);

/// <summary>某单位某月（Month 为该月 1 日）首次报送的稿件篇数，用于每月报送任务。</summary>
public sealed record MonthlySubmissions(long UnitId, DateOnly Month, int Count);

/// <summary>
/// 单位承担每月报送任务的期间（信息员在册期间，To 为空表示至今）。某月须整月都有在册信息员才考核该月：
/// 月中新任命的信息员当月不算漏报。同一单位可有多段，相接的各段合起来算。
/// </summary>
public sealed record QuotaDuty(long UnitId, DateOnly From, DateOnly? To);

/// <summary>
/// 计分明细的一行：哪个单位（和作者）、哪篇稿件、哪次用稿、按哪个规则版本（RuleSetId，生效日期 RuleEffectiveFrom）、得（扣）多少分。
/// Adoption：BasePoints×Multiplier 为本次分值，AlreadyCounted 为"只计最高"时该稿件此前已计的最高分，Points 为本次实得。
/// Instruction：Points = BasePoints（按批示级别的加分）。
/// CapReduction：Cap 为上限，BasePoints 为本时期内该上限周期的加分合计，AlreadyCounted 为同一上限周期在本时期之前已计的加分，
/// Points 为削减（负数），使该周期累计不超过上限。
/// MissedQuota：Quota 为任务数，Count 为实报篇数，Missing 为少报篇数，Points = −Missing×BasePoints。
/// Late：Points = −BasePoints。
/// </summary>
public sealed record ScoreLine(
    ScoreLineKind Kind,
    long UnitId,
    long? AuthorId,
    long? ManuscriptId,
    long? AdoptionId,
    long RuleSetId,
    DateOnly Date,
    decimal Points,
    decimal BasePoints = 0m,
    decimal Multiplier = 1m,
    decimal AlreadyCounted = 0m,
    decimal? Cap = null,
    int Quota = 0,
    int Count = 0,
    int Missing = 0,
    string? Source = null,
    DateOnly RuleEffectiveFrom = default,
    CapPeriod? CapPeriod = null,
    MediaLevel? Level = null,
    bool FrontPage = false);
