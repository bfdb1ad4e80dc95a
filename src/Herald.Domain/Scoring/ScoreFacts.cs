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

/// <summary>
/// 计分明细的一行：哪个单位（和作者）、哪篇稿件、哪次用稿、按哪个规则版本、得（扣）多少分。
/// Adoption：BasePoints×Multiplier 为本次分值，AlreadyCounted 为"只计最高"时该稿件此前已计的最高分，Points 为本次实得。
/// CapReduction：Cap 为上限，BasePoints 为该周期上限前的合计，Points 为削减（负数）。
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
    string? Source = null);
