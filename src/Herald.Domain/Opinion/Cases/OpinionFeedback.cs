namespace Herald.Domain.Opinion.Cases;

/// <summary>反馈：责任单位报告办理情况。上级交办的舆情，反馈同时报上级（办结前必须有）。</summary>
public sealed class OpinionFeedback
{
    public const int ReportMaxLength = 4000;

    private OpinionFeedback() { Report = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public long UnitId { get; private set; }
    public string Report { get; private set; }
    public long SubmittedById { get; private set; }
    public DateTime SubmittedAt { get; private set; }

    internal static OpinionFeedback Create(long unitId, string report, long actorId, DateTime nowUtc) => new()
    {
        UnitId = unitId,
        Report = report,
        SubmittedById = actorId,
        SubmittedAt = nowUtc,
    };
}
