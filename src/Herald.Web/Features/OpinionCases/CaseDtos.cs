using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;

namespace Herald.Web.Features.OpinionCases;

/// <summary>一项时限的读数。remainingMinutes 为负表示已超时多久（满足的为满足时距到期还有多久）。</summary>
public sealed record ClockDto(long Id, DeadlineKind Kind, OpinionSeverity Severity, DateTime StartsAt, DateTime DueAt, int? Minutes,
    string? Basis, ClockState State, int RemainingMinutes, DateTime? MetAt, bool Active, AlertStage AlertStage, DateTime? EscalatedAt);

public sealed record CaseListItem(long Id, string Title, string Category, OpinionSeverity Severity, WarningColour Colour, string Level,
    OpinionSentiment Sentiment, OpinionCaseStatus Status, long OwnerUnitId, long? UnitId, string? UnitName, bool FromSuperior,
    DateTime OpenedAt, DateTime? ClosedAt, ClockDto? NextClock, bool Overdue);

public sealed record CaseItemDto(long Id, string Title, string Platform, string? Source, string? Url, DateTime? PublishedAt, DateTime ReceivedAt,
    int HitWeight, int DuplicateCount, bool Active);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long Size, string Url);

public sealed record ResponseDto(long Id, int Number, ResponseKind Kind, string Statement, string? Link, ResponseStatus Status,
    IReadOnlyList<Role> Route, int? CurrentStep, Role? CurrentStepRole, string CreatedBy, DateTime CreatedAt, DateTime? ReleasedAt,
    string? ReturnReason, IReadOnlyList<AttachmentDto> Attachments, bool AwaitingMe);

public sealed record DisposalDto(long Id, int Number, string Description, DateTime TakenAt, string CreatedBy, DateTime CreatedAt,
    IReadOnlyList<AttachmentDto> Attachments);

public sealed record FeedbackDto(long Id, string Report, string SubmittedBy, DateTime SubmittedAt);

public sealed record TaskDto(long Id, long PlanId, string PlanName, int SortOrder, string Title, TaskOwnerKind OwnerKind, string Owner,
    DateTime DueAt, DateTime? CompletedAt, string? CompletedBy, string? Note, bool Overdue, bool CanComplete);

public sealed record InterviewDto(long Id, string Unit, string Interviewee, DateTime InterviewedAt, string Interviewer, string Outcome,
    string RecordedBy, DateTime RecordedAt);

public sealed record CaseEventDto(long Id, DateTime At, string? Actor, OpinionCaseAction Action, OpinionCaseStatus FromStatus,
    OpinionCaseStatus ToStatus, OpinionSeverity Severity, int? Step, Role? StepRole, long? RefId, string? Tag, string? Detail);

/// <summary>调用者对这件舆情能做什么（页面据此显示表单）。</summary>
public sealed record CasePermissions(bool Manage, bool Handle, bool CanAssign, bool CanRespond, bool CanFeedback, bool CanClose, bool CanReopen,
    bool CanChangeSeverity, bool CanActivatePlan, bool CanInterview);

public sealed record CaseDetail(
    long Id, string Title, string Summary, string Category, OpinionSeverity Severity, WarningColour Colour, string Level,
    OpinionSentiment Sentiment, OpinionSeverity SuggestedSeverity, int SuggestedScore, OpinionCaseStatus Status,
    long OwnerUnitId, string OwnerUnitName, long? UnitId, string? UnitName, string? Instructions, DateTime? AssignedAt, string? AssignedBy,
    DateTime? AssignmentDueAt, bool FromSuperior, string? SuperiorOffice, string? SuperiorReference, DateTime? SuperiorDueAt,
    DateTime OpenedAt, string OpenedBy, DateTime SeveritySetAt, DateTime? FirstResponseAt, DateTime? FeedbackAt,
    DateTime? ClosedAt, string? ClosedBy, string? CloseSummary, string? Lessons, int ReopenCount, int Revision,
    bool ResponseNeedsApproval, IReadOnlyList<Role> MissingApprovers,
    IReadOnlyList<CaseItemDto> Items, IReadOnlyList<ClockDto> Clocks, IReadOnlyList<ResponseDto> Responses,
    IReadOnlyList<DisposalDto> Disposals, IReadOnlyList<FeedbackDto> Feedbacks, IReadOnlyList<TaskDto> Tasks,
    IReadOnlyList<InterviewDto> Interviews, IReadOnlyList<CaseEventDto> History, CasePermissions Permissions);

/// <summary>
/// 舆情列表的查询：open=true 只看未办结的；status、severity、unitId（责任单位，含下级）、overdue；q 按标题；from/to 为立案日期（北京时间，含当日）；
/// sort 为 priority（默认：未办结的在前，等级高的在前，再按立案时间倒序）|openedAt|severity|title|unit|status。
/// </summary>
public sealed record CaseQuery(string? Status = null, string? Severity = null, long? UnitId = null, bool? Overdue = null, int Page = 1, int PageSize = 20,
    string? Q = null, string? From = null, string? To = null, string? Sort = null, string? Dir = null,
    bool? Open = null) : IPagedQuery;

// ---------- requests ----------

public sealed record OpenCaseRequest(string? Title, string? Summary, string? Category, string? Severity, string? Sentiment,
    IReadOnlyList<long>? ItemIds, long? OwnerUnitId = null, string? SuperiorOffice = null, string? SuperiorReference = null,
    string? SuperiorDueAt = null);

public sealed record AssignRequest(long? UnitId, string? Instructions, string? DueAt = null, int? Revision = null);

public sealed record ResponseRequest(string? Kind, string? Statement, string? Link, int? Revision = null);

public sealed record DisposalRequest(string? Description, string? TakenAt, int? Revision = null);

public sealed record ApprovalRequest(string? Decision, string? Comment);

public sealed record FeedbackRequest(string? Report, int? Revision = null);

public sealed record CloseRequest(string? Summary, string? Lessons, int? Revision = null);

public sealed record ReopenRequest(string? Reason, int? Revision = null);

public sealed record SeverityRequest(string? Severity, string? Reason);

public sealed record InterviewRequest(string? Interviewee, string? InterviewedAt, string? Interviewer, string? Outcome);
