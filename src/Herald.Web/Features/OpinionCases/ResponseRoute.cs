using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;

namespace Herald.Web.Features.OpinionCases;

/// <summary>
/// 重大、特别重大舆情回应的审核路线：配置的 major 路线（按责任单位的类型），审核人与稿件一样从责任单位逐级向上找（ADR 0004）。
/// 找不到审核人的级别在交办时就提示，而不是到登记回应时才拒绝。
/// </summary>
public sealed class ResponseRoute(WorkflowPolicies policies)
{
    public ReviewRoute For(OrgTree tree, long unitId) =>
        policies.Routes.RouteFor(Importance.Major, tree.Find(unitId)?.Type ?? UnitType.Department);

    /// <summary>交给该单位的重大舆情，其回应在哪些级别找不到审核人（按路线顺序）。</summary>
    public IReadOnlyList<Role> MissingApprovers(OrgTree tree, long unitId) => tree.MissingReviewers(For(tree, unitId), unitId);
}
