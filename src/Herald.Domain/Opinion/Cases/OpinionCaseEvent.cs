using Herald.Domain.Organization;

namespace Herald.Domain.Opinion.Cases;

/// <summary>舆情处置的动作。</summary>
public enum OpinionCaseAction
{
    /// <summary>立案研判</summary>
    Opened = 0,
    /// <summary>调整等级（Detail 为理由）</summary>
    SeverityChanged = 1,
    /// <summary>交办（Detail 为交办要求）</summary>
    Assigned = 2,
    /// <summary>登记回应</summary>
    ResponseRecorded = 3,
    /// <summary>回应本级审核通过</summary>
    ResponseApproved = 4,
    /// <summary>回应被退回（Detail 为理由）</summary>
    ResponseReturned = 5,
    /// <summary>回应发布</summary>
    ResponseReleased = 6,
    /// <summary>审核人即登记人，本级自动通过</summary>
    ResponseAutoPassed = 7,
    /// <summary>登记处置措施</summary>
    DisposalRecorded = 8,
    /// <summary>反馈办理情况</summary>
    FeedbackSubmitted = 9,
    /// <summary>办结（Detail 为办结情况）</summary>
    Closed = 10,
    /// <summary>重新打开（Detail 为理由）</summary>
    Reopened = 11,
    /// <summary>启动应急预案（Detail 为预案名称）</summary>
    PlanActivated = 12,
    /// <summary>完成预案任务（Detail 为任务）</summary>
    TaskCompleted = 13,
    /// <summary>时限提醒（系统）</summary>
    Reminded = 14,
    /// <summary>超时督办（系统）</summary>
    Escalated = 15,
    /// <summary>登记约谈问责</summary>
    InterviewRecorded = 16,
}

/// <summary>舆情处置记录（谁、何时、做了什么、状态从何到何）。只追加，不修改、不删除。</summary>
public sealed class OpinionCaseEvent
{
    public const int DetailMaxLength = 2000;

    private OpinionCaseEvent() { }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DateTime At { get; private set; }
    /// <summary>操作人；系统（提醒、督办）为空。</summary>
    public long? ActorId { get; private set; }
    public OpinionCaseAction Action { get; private set; }
    public OpinionCaseStatus FromStatus { get; private set; }
    public OpinionCaseStatus ToStatus { get; private set; }
    /// <summary>动作之后的等级。</summary>
    public OpinionSeverity Severity { get; private set; }
    /// <summary>审核步骤（从 1 开始）及角色，非审核动作为空。</summary>
    public int? Step { get; private set; }
    public Role? StepRole { get; private set; }
    /// <summary>涉及的对象：回应、处置为其在本舆情中的序号；时限、任务为编号；交办为责任单位编号。</summary>
    public long? RefId { get; private set; }
    /// <summary>交办单位、时限种类等结构化补充（如 "unit:12"、"first_response"）。</summary>
    public string? Tag { get; private set; }
    public string? Detail { get; private set; }

    internal static OpinionCaseEvent Create(DateTime at, long? actorId, OpinionCaseAction action, OpinionCaseStatus from,
        OpinionCaseStatus to, OpinionSeverity severity, int? step, Role? role, long? refId, string? tag, string? detail) => new()
    {
        At = at,
        ActorId = actorId,
        Action = action,
        FromStatus = from,
        ToStatus = to,
        Severity = severity,
        Step = step,
        StepRole = role,
        RefId = refId,
        Tag = tag,
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail,
    };
}
