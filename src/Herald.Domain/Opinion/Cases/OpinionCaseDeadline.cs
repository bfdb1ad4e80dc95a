namespace Herald.Domain.Opinion.Cases;

/// <summary>
/// 舆情的一项时限：立案（或调整等级、交办）时按当时的规则算出并保存，此后规则变化不影响它。
/// MetAt 为满足的时刻；SupersededAt 为因等级调整或改派而停止计时的时刻。
/// AlertStage 记录已发出的提醒阶段（只增不减），AlertVersion 为并发标记：多个实例同时提醒时只有一个能写入。
/// </summary>
public sealed class OpinionCaseDeadline
{
    private OpinionCaseDeadline() { }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DeadlineKind Kind { get; private set; }
    /// <summary>定下时限时舆情的等级。</summary>
    public OpinionSeverity Severity { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime DueAt { get; private set; }
    /// <summary>规则给出的分钟数；交办、上级交办给出的日期时为空。</summary>
    public int? Minutes { get; private set; }
    public string? Basis { get; private set; }
    public DateTime? MetAt { get; private set; }
    public DateTime? SupersededAt { get; private set; }
    public AlertStage AlertStage { get; private set; }
    public DateTime? EscalatedAt { get; private set; }
    public int AlertVersion { get; private set; }

    public bool IsActive => SupersededAt is null;

    internal static OpinionCaseDeadline Create(DeadlineKind kind, OpinionSeverity severity, DateTime startsAt, DateTime dueAt,
        int? minutes, string? basis) => new()
    {
        Kind = kind,
        Severity = severity,
        StartsAt = startsAt,
        DueAt = dueAt,
        Minutes = minutes,
        Basis = basis,
    };

    internal void Meet(DateTime at) => MetAt ??= at;

    internal void Supersede(DateTime at) => SupersededAt ??= at;

    internal void Alert(AlertStage stage, DateTime nowUtc)
    {
        AlertStage = stage;
        if (stage == AlertStage.Escalation) EscalatedAt = nowUtc;
        AlertVersion++;
    }

    /// <summary>当前读数。caseClosedAt：舆情办结时停止计时。</summary>
    public ClockReading Read(DateTime? caseClosedAt, DateTime nowUtc)
    {
        DateTime? stopped = (SupersededAt, caseClosedAt) switch
        {
            ({ } s, { } c) => s < c ? s : c,
            ({ } s, null) => s,
            (null, { } c) => c,
            _ => null,
        };
        return DeadlineClock.Read(StartsAt, DueAt, MetAt, stopped, nowUtc);
    }
}
