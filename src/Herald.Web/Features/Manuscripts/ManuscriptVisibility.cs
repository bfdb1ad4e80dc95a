using Herald.Domain.Submission;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 谁能看到哪些稿件：作者本人总能看到；其他人只看其范围内单位已报送的稿件（草稿只有作者可见）。
/// 不在范围内的稿件对调用者一律"找不到"。
/// </summary>
public static class ManuscriptVisibility
{
    public static IQueryable<Manuscript> VisibleTo(this IQueryable<Manuscript> query, UserContext me)
    {
        var units = me.ManuscriptUnits.ToArray();
        var id = me.Id;
        return query.Where(m => m.AuthorId == id || (m.Status != ManuscriptStatus.Draft && units.Contains(m.UnitId)));
    }

    public static bool CanSee(this UserContext me, Manuscript m) =>
        m.AuthorId == me.Id || (m.Status != ManuscriptStatus.Draft && me.ManuscriptUnits.Contains(m.UnitId));
}
