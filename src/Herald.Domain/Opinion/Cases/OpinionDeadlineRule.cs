using Herald.Domain.Common;

namespace Herald.Domain.Opinion.Cases;

/// <summary>
/// 时限规则表的一行：某等级的舆情，某种时限为立案（或调整等级）后多少分钟。由宣传办在页面上维护；
/// 修改只影响此后立案或调整等级的舆情，已在计时的时限不变（时限在立案时抄录到舆情上）。
/// </summary>
public sealed class OpinionDeadlineRule
{
    public const int MinMinutes = 10;
    public const int MaxMinutes = 30 * 24 * 60;
    public const int BasisMaxLength = 100;

    private OpinionDeadlineRule() { }

    public long Id { get; private set; }
    public OpinionSeverity Severity { get; private set; }
    public DeadlineKind Kind { get; private set; }
    public int Minutes { get; private set; }
    /// <summary>依据，如"国办发〔2016〕61号"或"内部目标"。</summary>
    public string? Basis { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long? UpdatedById { get; private set; }

    public static OpinionDeadlineRule Create(OpinionSeverity severity, DeadlineKind kind, int minutes, string? basis, long? actorId, DateTime nowUtc)
    {
        if (!kind.IsPolicyKind()) throw new DomainValidationException("kind", "OpinionPolicy.KindNotConfigurable");
        var rule = new OpinionDeadlineRule { Severity = severity, Kind = kind };
        rule.Update(minutes, basis, actorId, nowUtc);
        return rule;
    }

    public void Update(int minutes, string? basis, long? actorId, DateTime nowUtc)
    {
        if (minutes < MinMinutes || minutes > MaxMinutes)
            throw new DomainValidationException("minutes", "OpinionPolicy.MinutesOutOfRange", MinMinutes, MaxMinutes);
        Minutes = minutes;
        Basis = Guard.Optional(basis, "basis", BasisMaxLength);
        UpdatedById = actorId;
        UpdatedAt = nowUtc;
    }
}
