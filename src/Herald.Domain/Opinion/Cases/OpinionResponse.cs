using Herald.Domain.Organization;
using Herald.Domain.Review;

namespace Herald.Domain.Opinion.Cases;

/// <summary>
/// 回应（发布权威信息、举行新闻发布会）。重大、特别重大舆情的回应须按 major 路线（单位负责人 → 分管领导 → 主要负责人）
/// 逐级审核，全部通过才发布；其他舆情的回应登记即发布。
/// </summary>
public sealed class OpinionResponse
{
    public const int StatementMaxLength = 4000;

    private readonly List<OpinionCaseAttachment> _attachments = new();

    private OpinionResponse() { Statement = ""; RouteSteps = ""; }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    /// <summary>本舆情中的序号（从 1 开始），处置记录用它指向这份回应。</summary>
    public int Number { get; private set; }
    /// <summary>登记时的责任单位（审核人按它确定）。</summary>
    public long UnitId { get; private set; }
    public ResponseKind Kind { get; private set; }
    public string Statement { get; private set; }
    public string? Link { get; private set; }
    public ResponseStatus Status { get; private set; }
    /// <summary>审核路线（无需审核时为空串）。</summary>
    public string RouteSteps { get; private set; }
    /// <summary>当前审核步骤（从 0 开始）；不在审核中时为空。</summary>
    public int? CurrentStep { get; private set; }
    public Role? CurrentStepRole { get; private set; }
    public long CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReleasedAt { get; private set; }
    public string? ReturnReason { get; private set; }

    public IReadOnlyList<OpinionCaseAttachment> Attachments => _attachments;

    public bool NeedsApproval => RouteSteps.Length > 0;

    public ReviewRoute Route => ReviewRoute.Parse(RouteSteps);

    internal static OpinionResponse Create(long caseId, int number, long unitId, ResponseKind kind, string statement, string? link, ReviewRoute? route,
        long actorId, DateTime nowUtc) => new()
    {
        CaseId = caseId,
        Number = number,
        UnitId = unitId,
        Kind = kind,
        Statement = statement,
        Link = link,
        RouteSteps = route?.Serialize() ?? "",
        Status = route is null ? ResponseStatus.Released : ResponseStatus.PendingApproval,
        CurrentStep = route is null ? null : 0,
        CurrentStepRole = route?.Steps[0],
        CreatedById = actorId,
        CreatedAt = nowUtc,
        ReleasedAt = route is null ? nowUtc : null,
    };

    internal void Attach(OpinionCaseAttachment attachment) => _attachments.Add(attachment);

    /// <summary>本步通过：进入下一步，或发布。返回通过的步骤（从 0 开始）。</summary>
    internal int Advance(DateTime nowUtc)
    {
        var step = CurrentStep!.Value;
        var steps = Route.Steps;
        if (step + 1 >= steps.Count)
        {
            Status = ResponseStatus.Released;
            ReleasedAt = nowUtc;
            CurrentStep = null;
            CurrentStepRole = null;
        }
        else
        {
            CurrentStep = step + 1;
            CurrentStepRole = steps[step + 1];
        }
        return step;
    }

    internal void Return(string reason)
    {
        Status = ResponseStatus.Returned;
        ReturnReason = reason;
        CurrentStep = null;
        CurrentStepRole = null;
    }
}
