using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.OpinionCases;

/// <summary>实体到 DTO 的手写映射：单位名取自组织树，人名由调用方一次查好传入。</summary>
public static class CaseViews
{
    public static ClockDto Clock(OpinionCaseDeadline d, DateTime? closedAt, DateTime nowUtc)
    {
        var reading = d.Read(closedAt, nowUtc);
        return new ClockDto(d.Id, d.Kind, d.Severity, d.StartsAt, d.DueAt, d.Minutes, d.Basis, reading.State,
            (int)Math.Floor(reading.Remaining.TotalMinutes), d.MetAt, d.IsActive, d.AlertStage, d.EscalatedAt);
    }

    /// <summary>列表上显示的那一项：仍在计时或已超时、最早到期的；都已结束时为空。</summary>
    public static ClockDto? NextClock(IEnumerable<OpinionCaseDeadline> deadlines, DateTime? closedAt, DateTime nowUtc) =>
        deadlines.Where(d => d.IsActive && d.MetAt is null && closedAt is null)
            .OrderBy(d => d.DueAt).Select(d => Clock(d, closedAt, nowUtc)).FirstOrDefault();

    public static string UnitName(OrgTree tree, long? unitId) => unitId is { } id ? tree.Find(id)?.Name ?? "" : "";

    public static string Name(IReadOnlyDictionary<long, string> names, long? userId) =>
        userId is { } id && names.TryGetValue(id, out var name) ? name : "";

    public static CaseDetail Detail(OpinionCase c, IReadOnlyList<CaseItemDto> items, UserContext me, CaseScope scope,
        IReadOnlyDictionary<long, string> names, IReadOnlyList<Role> missingApprovers, DateTime nowUtc)
    {
        var tree = me.Tree;
        var manage = scope.Manages(c);
        var handle = CaseAccess.CanHandle(me, scope, c);
        var open = c.Status != OpinionCaseStatus.Closed;
        var permissions = new CasePermissions(manage, handle,
            CanAssign: manage && c.Status is OpinionCaseStatus.Open or OpinionCaseStatus.Assigned or OpinionCaseStatus.Handling,
            CanRespond: handle && c.Status is OpinionCaseStatus.Assigned or OpinionCaseStatus.Handling,
            CanFeedback: handle && c.Status == OpinionCaseStatus.Handling,
            CanClose: manage && (c.Status == OpinionCaseStatus.FedBack || (c.Status == OpinionCaseStatus.Handling && !c.FromSuperior)),
            CanReopen: manage && !open,
            CanChangeSeverity: manage && open,
            CanActivatePlan: manage && open,
            CanInterview: manage && c.UnitId is not null && c.HasOverdue(nowUtc));

        AttachmentDto File(OpinionCaseAttachment a) =>
            new(a.Id, a.FileName, a.ContentType, a.Size, $"/opinion/cases/{c.Id}/files/{a.Id}");
        Func<Role, ReviewerResolution> Reviewers(long unitId) => role => tree.ResolveReviewers(role, unitId);

        return new CaseDetail(c.Id, c.Title, c.Summary, c.Category, c.Severity, c.Severity.Colour(), c.Severity.Level(), c.Sentiment,
            c.SuggestedSeverity, c.SuggestedScore, c.Status, c.OwnerUnitId, UnitName(tree, c.OwnerUnitId), c.UnitId,
            c.UnitId is null ? null : UnitName(tree, c.UnitId), c.Instructions, c.AssignedAt, c.AssignedById is null ? null : Name(names, c.AssignedById),
            c.AssignmentDueAt, c.FromSuperior, c.SuperiorOffice, c.SuperiorReference, c.SuperiorDueAt,
            c.OpenedAt, Name(names, c.OpenedById), c.SeveritySetAt, c.FirstResponseAt, c.FeedbackAt,
            c.ClosedAt, c.ClosedById is null ? null : Name(names, c.ClosedById), c.CloseSummary, c.Lessons, c.ReopenCount, c.Revision,
            c.ResponseNeedsApproval, missingApprovers,
            items,
            c.Deadlines.OrderBy(d => d.SupersededAt is null ? 0 : 1).ThenBy(d => d.DueAt).Select(d => Clock(d, c.ClosedAt, nowUtc)).ToList(),
            c.Responses.OrderBy(r => r.Number).Select(r => new ResponseDto(r.Id, r.Number, r.Kind, r.Statement, r.Link, r.Status,
                r.NeedsApproval ? r.Route.Steps : [], r.CurrentStep, r.CurrentStepRole, Name(names, r.CreatedById), r.CreatedAt, r.ReleasedAt,
                r.ReturnReason, r.Attachments.OrderBy(a => a.SortOrder).Select(File).ToList(),
                c.IsAwaiting(r, me.Id, Reviewers(r.UnitId)))).ToList(),
            c.Disposals.OrderBy(d => d.Number).Select(d => new DisposalDto(d.Id, d.Number, d.Description, d.TakenAt, Name(names, d.CreatedById),
                d.CreatedAt, d.Attachments.OrderBy(a => a.SortOrder).Select(File).ToList())).ToList(),
            c.Feedbacks.OrderBy(f => f.SubmittedAt).Select(f => new FeedbackDto(f.Id, f.Report, Name(names, f.SubmittedById), f.SubmittedAt)).ToList(),
            c.Tasks.OrderBy(t => t.ActivatedAt).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder).Select(t => new TaskDto(t.Id, t.PlanId, t.PlanName,
                t.SortOrder, t.Title, t.OwnerKind, TaskOwner(tree, names, t), t.DueAt, t.CompletedAt,
                t.CompletedById is null ? null : Name(names, t.CompletedById), t.Note,
                !t.IsDone && nowUtc > t.DueAt, open && !t.IsDone && CaseAccess.CanComplete(me, scope, c, t))).ToList(),
            c.Interviews.OrderBy(i => i.InterviewedAt).Select(i => new InterviewDto(i.Id, UnitName(tree, i.UnitId), i.Interviewee,
                i.InterviewedAt, i.Interviewer, i.Outcome, Name(names, i.RecordedById), i.RecordedAt)).ToList(),
            c.History.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new CaseEventDto(e.Id, e.At, e.ActorId is null ? null : Name(names, e.ActorId),
                e.Action, e.FromStatus, e.ToStatus, e.Severity, e.Step, e.StepRole, e.RefId, e.Tag, e.Detail)).ToList(),
            permissions);
    }

    /// <summary>详情中出现的所有人（查一次名字）。</summary>
    public static IEnumerable<long> People(OpinionCase c) =>
        new long?[] { c.OpenedById, c.AssignedById, c.ClosedById }
            .Concat(c.Responses.Select(r => (long?)r.CreatedById))
            .Concat(c.Disposals.Select(d => (long?)d.CreatedById))
            .Concat(c.Feedbacks.Select(f => (long?)f.SubmittedById))
            .Concat(c.Tasks.SelectMany(t => new[] { t.OwnerUserId, t.CompletedById }))
            .Concat(c.Interviews.Select(i => (long?)i.RecordedById))
            .Concat(c.History.Select(e => e.ActorId))
            .Where(id => id is not null).Select(id => id!.Value).Distinct();

    private static string TaskOwner(OrgTree tree, IReadOnlyDictionary<long, string> names, OpinionCaseTask t) => t.OwnerKind switch
    {
        TaskOwnerKind.User => Name(names, t.OwnerUserId),
        _ => UnitName(tree, t.OwnerUnitId),
    };
}
