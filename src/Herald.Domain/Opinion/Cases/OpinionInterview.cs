namespace Herald.Domain.Opinion.Cases;

/// <summary>约谈问责记录：超时未办的舆情，谁被约谈、何时、由谁约谈、结果如何。</summary>
public sealed class OpinionInterview
{
    public const int NameMaxLength = 64;
    public const int OutcomeMaxLength = 1000;

    private OpinionInterview() { Interviewee = ""; Interviewer = ""; Outcome = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    /// <summary>被约谈的单位（舆情的责任单位）。</summary>
    public long UnitId { get; private set; }
    /// <summary>被约谈人（姓名、职务）。</summary>
    public string Interviewee { get; private set; }
    public DateTime InterviewedAt { get; private set; }
    /// <summary>约谈人（姓名、职务）。</summary>
    public string Interviewer { get; private set; }
    public string Outcome { get; private set; }
    public long RecordedById { get; private set; }
    public DateTime RecordedAt { get; private set; }

    internal static OpinionInterview Create(long unitId, string interviewee, DateTime interviewedAt, string interviewer, string outcome,
        long actorId, DateTime nowUtc) => new()
    {
        UnitId = unitId,
        Interviewee = interviewee,
        InterviewedAt = interviewedAt,
        Interviewer = interviewer,
        Outcome = outcome,
        RecordedById = actorId,
        RecordedAt = nowUtc,
    };
}
