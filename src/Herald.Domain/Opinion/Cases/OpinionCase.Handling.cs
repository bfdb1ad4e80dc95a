using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;

namespace Herald.Domain.Opinion.Cases;

/// <summary>回应、审核、处置与反馈。</summary>
public sealed partial class OpinionCase
{
    /// <summary>此次登记的回应是否须审核后发布：重大、特别重大须审核。</summary>
    public bool ResponseNeedsApproval => Severity.IsMajor();

    /// <summary>
    /// 登记回应。重大、特别重大舆情须给出审核路线（major），每一步都须有审核人；登记人本人即为某级审核人的，该级自动通过。
    /// 其他舆情登记即发布。只有已交办、处置中的舆情可以登记。
    /// </summary>
    public OpinionResponse RecordResponse(ResponseKind kind, string? statement, string? link, IReadOnlyList<StoredFileRef> files,
        ReviewRoute? route, Func<Role, ReviewerResolution> reviewers, long actorId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(reviewers);
        var unitId = EnsureHandling();
        var text = Guard.Required(statement, "statement", OpinionResponse.StatementMaxLength);
        var url = WebAddress.Optional(link, "link");
        CheckFileCount(files);
        ReviewRoute? used = null;
        if (ResponseNeedsApproval)
        {
            used = route ?? throw new DomainException("OpinionCase.RouteRequired");
            if (used.Steps.Count == 0) throw new DomainException("Route.Empty");
            foreach (var role in used.Steps)
                if (!reviewers(role).Found) throw new DomainException("OpinionCase.NoReviewer", role);
        }
        var response = OpinionResponse.Create(Id, _responses.Count + 1, unitId, kind, text, url, used, actorId, nowUtc);
        for (var i = 0; i < files.Count; i++) response.Attach(OpinionCaseAttachment.Create(Id, files[i], i));
        _responses.Add(response);
        var from = Status;
        StartHandling(nowUtc);
        Record(nowUtc, actorId, OpinionCaseAction.ResponseRecorded, from, refId: response.Number, tag: OpinionCodes.Code(kind), detail: text);
        if (response.Status == ResponseStatus.Released)
            Record(nowUtc, actorId, OpinionCaseAction.ResponseReleased, Status, refId: response.Number);
        else
            SkipStepsHeldBy(response, actorId, reviewers, nowUtc);
        RefreshDeadlines();
        Touch(nowUtc);
        return response;
    }

    /// <summary>审核人通过本级；最后一级通过即发布。</summary>
    public void ApproveResponse(long responseId, string? comment, Func<Role, ReviewerResolution> reviewers, long actorId, DateTime nowUtc)
    {
        var (response, role) = EnsureReviewable(responseId, reviewers, actorId);
        var cleaned = Guard.Optional(comment, "comment", ReasonMaxLength);
        var step = response.Advance(nowUtc);
        Record(nowUtc, actorId, OpinionCaseAction.ResponseApproved, Status, step + 1, role, response.Number, detail: cleaned);
        if (response.Status == ResponseStatus.Released)
            Record(nowUtc, actorId, OpinionCaseAction.ResponseReleased, Status, refId: response.Number);
        else
            SkipStepsHeldBy(response, actorId, reviewers, nowUtc);
        RefreshDeadlines();
        Touch(nowUtc);
    }

    /// <summary>审核人退回（须说明理由）：这份回应不发布，责任单位另行拟稿登记。</summary>
    public void ReturnResponse(long responseId, string? reason, Func<Role, ReviewerResolution> reviewers, long actorId, DateTime nowUtc)
    {
        var (response, role) = EnsureReviewable(responseId, reviewers, actorId);
        var cleaned = Reason(reason, "reason");
        var step = response.CurrentStep!.Value;
        response.Return(cleaned);
        Record(nowUtc, actorId, OpinionCaseAction.ResponseReturned, Status, step + 1, role, response.Number, detail: cleaned);
        Touch(nowUtc);
    }

    /// <summary>此人现在能否审核这份回应。</summary>
    public bool IsAwaiting(OpinionResponse response, long userId, Func<Role, ReviewerResolution> reviewers) =>
        Status != OpinionCaseStatus.Closed && response.Status == ResponseStatus.PendingApproval
        && response.CurrentStepRole is { } role && reviewers(role).UserIds.Contains(userId);

    /// <summary>登记处置措施（实施时间不能晚于现在）。</summary>
    public OpinionDisposal RecordDisposal(string? description, DateTime? takenAt, IReadOnlyList<StoredFileRef> files, long actorId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(files);
        var unitId = EnsureHandling();
        var text = Guard.Required(description, "description", OpinionDisposal.DescriptionMaxLength);
        var taken = takenAt is { } t ? ChinaTime.EnsureUtc(t) : nowUtc;
        if (taken > nowUtc.AddMinutes(5)) throw new DomainValidationException("takenAt", "OpinionCase.TakenInFuture");
        CheckFileCount(files);
        var disposal = OpinionDisposal.Create(Id, _disposals.Count + 1, unitId, text, taken, actorId, nowUtc);
        for (var i = 0; i < files.Count; i++) disposal.Attach(OpinionCaseAttachment.Create(Id, files[i], i));
        _disposals.Add(disposal);
        var from = Status;
        StartHandling(nowUtc);
        Record(nowUtc, actorId, OpinionCaseAction.DisposalRecorded, from, refId: disposal.Number, detail: text);
        RefreshDeadlines();
        Touch(nowUtc);
        return disposal;
    }

    /// <summary>
    /// 反馈办理情况：处置中的舆情才能反馈（须已有回应或处置），有回应在审核中时不能反馈。
    /// 上级交办的，反馈即报上级，满足反馈时限。
    /// </summary>
    public OpinionFeedback SubmitFeedback(string? report, long actorId, DateTime nowUtc, int? expectedRevision = null)
    {
        EnsureRevision(expectedRevision);
        switch (Status)
        {
            case OpinionCaseStatus.FedBack:
                throw new DomainException("OpinionCase.AlreadyFedBack");
            case OpinionCaseStatus.Closed:
                throw new DomainException("OpinionCase.AlreadyClosed");
            case OpinionCaseStatus.Open or OpinionCaseStatus.Assigned:
                throw new DomainException("OpinionCase.NothingDone");
        }
        EnsureNoPendingApproval();
        var text = Guard.Required(report, "report", OpinionFeedback.ReportMaxLength);
        var feedback = OpinionFeedback.Create(UnitId!.Value, text, actorId, nowUtc);
        _feedbacks.Add(feedback);
        var from = Status;
        Status = OpinionCaseStatus.FedBack;
        FeedbackAt = nowUtc;
        Record(nowUtc, actorId, OpinionCaseAction.FeedbackSubmitted, from, detail: text);
        RefreshDeadlines();
        Touch(nowUtc);
        return feedback;
    }

    private long EnsureHandling()
    {
        return Status switch
        {
            OpinionCaseStatus.Assigned or OpinionCaseStatus.Handling => UnitId!.Value,
            OpinionCaseStatus.Open => throw new DomainException("OpinionCase.NotAssigned"),
            OpinionCaseStatus.FedBack => throw new DomainException("OpinionCase.AlreadyFedBack"),
            _ => throw new DomainException("OpinionCase.AlreadyClosed"),
        };
    }

    private void StartHandling(DateTime nowUtc)
    {
        Status = OpinionCaseStatus.Handling;
        FirstResponseAt ??= nowUtc;
    }

    private (OpinionResponse Response, Role Role) EnsureReviewable(long responseId, Func<Role, ReviewerResolution> reviewers, long actorId)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        EnsureNotClosed();
        var response = _responses.FirstOrDefault(r => r.Id == responseId)
                       ?? throw new DomainValidationException("responseId", "OpinionCase.ResponseNotFound");
        if (response.Status != ResponseStatus.PendingApproval || response.CurrentStepRole is not { } role)
            throw new DomainException("OpinionCase.ResponseNotPending");
        if (!reviewers(role).UserIds.Contains(actorId)) throw new DomainForbiddenException("Review.NotReviewer");
        return (response, role);
    }

    /// <summary>当前步骤的审核人就是刚才操作的人时，该步骤自动通过并留痕（与稿件审核相同）。</summary>
    private void SkipStepsHeldBy(OpinionResponse response, long actorId, Func<Role, ReviewerResolution> reviewers, DateTime nowUtc)
    {
        while (response.Status == ResponseStatus.PendingApproval && response.CurrentStepRole is { } role
               && reviewers(role).UserIds.Contains(actorId))
        {
            var step = response.Advance(nowUtc);
            Record(nowUtc, actorId, OpinionCaseAction.ResponseAutoPassed, Status, step + 1, role, response.Number);
            if (response.Status == ResponseStatus.Released)
                Record(nowUtc, actorId, OpinionCaseAction.ResponseReleased, Status, refId: response.Number);
        }
    }

    private static void CheckFileCount(IReadOnlyList<StoredFileRef> files)
    {
        if (files.Count > OpinionCaseAttachment.MaxPerEntry)
            throw new DomainValidationException("files", "OpinionCase.TooManyFiles", OpinionCaseAttachment.MaxPerEntry);
    }
}
