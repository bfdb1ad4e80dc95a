using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 采编池（待采编）：宣传办、主要负责人、领导所辖单位已审定的稿件，按审定时间倒序。
/// 可按单位（含下级）、类别、审定日期、标题筛选。
/// </summary>
public sealed class GetPool(HeraldDbContext db, CurrentUser current)
{
    public async Task<PagedResult<ManuscriptListItem>> HandleAsync(ManuscriptQuery query, long? categoryId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.HasAny(Role.Office, Role.Principal, Role.Viewer));
        var scope = me.Tree.ScopeOf(me.Id, Role.Office)
            .Union(me.Tree.ScopeOf(me.Id, Role.Principal))
            .Union(me.Tree.ScopeOf(me.Id, Role.Viewer))
            .ToArray();
        var q = db.Manuscripts.AsNoTracking()
            .Where(m => m.Status == ManuscriptStatus.Approved && scope.Contains(m.UnitId));
        q = ListManuscripts.ApplyFilters(q, query with { Status = null, From = null, To = null, Mine = false }, me);
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = Domain.Common.ChinaTime.StartOfDayUtc(from);
            q = q.Where(m => m.ApprovedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = Domain.Common.ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(m => m.ApprovedAt < end);
        }
        if (categoryId is { } cid) q = q.Where(m => m.CategoryId == cid);

        var page = PageRequest.From(query);
        var total = await q.CountAllAsync(ct);
        var rows = await q.ToRows(db).OrderByDescending(m => m.ApprovedAt).ThenByDescending(m => m.Id)
            .TakePage(page).ToItemsAsync(me.Tree, ct);
        return rows.ToPage(page, total);
    }
}
