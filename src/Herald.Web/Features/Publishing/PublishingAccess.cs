using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 谁能做什么：宣传办管理渠道与媒体，对所辖单位的稿件发布、标记不采用、直接登记（即核实）和核实用稿；
/// 稿件作者及其单位的信息员、单位负责人可以申报用稿（待核实）。
/// </summary>
public static class PublishingAccess
{
    public static bool CanManage(UserContext me) => me.IsOffice;

    /// <summary>宣传办所辖的单位。</summary>
    public static IReadOnlySet<long> OfficeUnits(UserContext me) => Common.UnitScope.Office(me);

    /// <summary>此人是不是这个单位的宣传办（所辖子树内）。</summary>
    public static bool IsOfficeFor(UserContext me, long unitId) =>
        me.Assignments.Any(a => a.Role == Role.Office && a.UnitId is { } root && me.Tree.SelfAndAncestors(unitId).Any(u => u.Id == root));

    /// <summary>作者本人，或稿件所在单位的信息员、单位负责人。</summary>
    public static bool CanClaim(UserContext me, Manuscript m) => m.AuthorId == me.Id || me.SubmitUnits.Contains(m.UnitId);

    /// <summary>稿件单位的宣传办人员（从本单位向上，各级宣传办都算）。</summary>
    public static IEnumerable<long> OfficeUsersFor(OrgTree tree, long unitId) =>
        tree.SelfAndAncestors(unitId).SelectMany(u => tree.Holders(Role.Office, u.Id)).Distinct();

    /// <summary>发布、不采用时告诉的人：作者和单位负责人（本单位没有时取最近的上级）。</summary>
    public static IEnumerable<long> AuthorAndHead(OrgTree tree, Manuscript m) =>
        tree.ResolveReviewers(Role.UnitHead, m.UnitId).UserIds.Prepend(m.AuthorId).Distinct();

    public static void RequireManager(this UserContext me) => me.Require(CanManage(me));
}
