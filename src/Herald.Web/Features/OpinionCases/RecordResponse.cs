using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 登记回应（权威信息、新闻发布会）。重大、特别重大舆情按配置的 major 审核路线（按责任单位的类型）逐级审核后发布，
/// 第一步的审核人收到通知；其他舆情登记即发布。附件按内容校验，登记成功后才存入文件库。
/// </summary>
public sealed class RecordResponse(CaseStore store, CaseFiles files, CaseNotifier notifier, ResponseRoute routes, AuditLog audit,
    Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, ResponseRequest request, IReadOnlyList<IFormFile> uploads, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(CaseAccess.CanHandle(me, scope, c));
        CaseStore.CheckRevision(c, request.Revision);
        var kind = Wire.OptionalCode<ResponseKind>(request.Kind, "kind") ?? ResponseKind.Statement;
        var checkedFiles = await files.CheckAsync(uploads, ct);
        var unitId = c.UnitId ?? 0;
        Func<Role, ReviewerResolution> reviewers = role => me.Tree.ResolveReviewers(role, unitId);
        var route = c.ResponseNeedsApproval ? routes.For(me.Tree, unitId) : null;

        var response = c.RecordResponse(kind, request.Statement, request.Link, checkedFiles.Select(f => f.File).ToList(), route, reviewers,
            me.Id, clock.UtcNow);
        await files.StoreAsync(checkedFiles, ct);
        if (response.CurrentStepRole is { } step)
            notifier.Tell(reviewers(step).UserIds, NotificationKind.OpinionApprovalRequested, c, me.Id, me.DisplayName, Clip(response.Statement));
        else
            notifier.Tell(CaseAccess.OfficePeople(me.Tree, c.OwnerUnitId), NotificationKind.OpinionResponseReleased, c, me.Id, me.DisplayName,
                Clip(response.Statement));
        audit.Add("opinion_case.response", "OpinionCase", c.Id, $"response {response.Number}; {OpinionCodes.Code(response.Status)}");
        await store.SaveAsync(ct);
        return await views.ViewAsync(me, scope, c, ct);
    }

    internal static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
