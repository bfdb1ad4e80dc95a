using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 审核重大舆情的回应：当前步骤的审核人通过（最后一级通过即发布）或退回（须说明理由）。
/// 下一级审核人、或登记人（发布、退回时）收到通知；发布时宣传办也收到通知。不是当前审核人的 403。
/// </summary>
public sealed class ReviewResponse(CaseStore store, CaseNotifier notifier, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, long responseId, ApprovalRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        var response = c.Responses.FirstOrDefault(r => r.Id == responseId) ?? throw AppException.NotFound();
        Func<Role, ReviewerResolution> reviewers = role => me.Tree.ResolveReviewers(role, response.UnitId);
        var now = clock.UtcNow;
        var decision = request.Decision?.Trim().ToLowerInvariant();
        switch (decision)
        {
            case "approve":
                c.ApproveResponse(responseId, request.Comment, reviewers, me.Id, now);
                break;
            case "return":
                c.ReturnResponse(responseId, request.Comment, reviewers, me.Id, now);
                break;
            default:
                throw AppException.Invalid("decision", "Review.UnknownDecision");
        }
        await notifier.ApprovalStepDoneAsync(c, userId => c.Responses.Any(r => c.IsAwaiting(r, userId, role => me.Tree.ResolveReviewers(role, r.UnitId))), ct);
        var text = RecordResponse.Clip(response.Statement);
        switch (response.Status)
        {
            case ResponseStatus.PendingApproval when response.CurrentStepRole is { } next:
                notifier.Tell(reviewers(next).UserIds, NotificationKind.OpinionApprovalRequested, c, me.Id, me.DisplayName, text);
                break;
            case ResponseStatus.Released:
                notifier.Tell(CaseAccess.OfficePeople(me.Tree, c.OwnerUnitId).Append(response.CreatedById), NotificationKind.OpinionResponseReleased,
                    c, me.Id, me.DisplayName, text);
                break;
            case ResponseStatus.Returned:
                notifier.Tell([response.CreatedById], NotificationKind.OpinionResponseReturned, c, me.Id, me.DisplayName, response.ReturnReason);
                break;
        }
        audit.Add("opinion_case.response." + decision, "OpinionCase", c.Id, $"response {response.Number}; {OpinionCodes.Code(response.Status)}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }
}
