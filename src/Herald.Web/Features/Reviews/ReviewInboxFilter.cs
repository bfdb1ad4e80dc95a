using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Reviews;

/// <summary>"待我审核"：审核中、当前步骤的角色由我承担、且稿件单位在我负责的范围内。</summary>
public static class ReviewInboxFilter
{
    public static IQueryable<Manuscript> AwaitingReviewBy(this IQueryable<Manuscript> query, UserContext me)
    {
        var head = me.Tree.ReviewUnits(me.Id, Role.UnitHead).ToArray();
        var leader = me.Tree.ReviewUnits(me.Id, Role.SupervisingLeader).ToArray();
        var principal = me.Tree.ReviewUnits(me.Id, Role.Principal).ToArray();
        return query.Where(m => m.Status == ManuscriptStatus.InReview && (
            (m.CurrentStepRole == Role.UnitHead && head.Contains(m.UnitId)) ||
            (m.CurrentStepRole == Role.SupervisingLeader && leader.Contains(m.UnitId)) ||
            (m.CurrentStepRole == Role.Principal && principal.Contains(m.UnitId))));
    }
}
