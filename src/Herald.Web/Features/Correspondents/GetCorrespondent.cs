using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>一条备案记录（编辑页用）。</summary>
public sealed class GetCorrespondent(HeraldDbContext db, CurrentUser current)
{
    public async Task<CorrespondentItem> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var row = await (
                from c in db.Correspondents.AsNoTracking()
                where c.Id == id
                join u in db.Users.AsNoTracking() on c.UserId equals (long?)u.Id into linked
                from u in linked.DefaultIfEmpty()
                select new { Record = c, UserName = u == null ? null : u.UserName, DisplayName = u == null ? null : u.DisplayName })
            .FirstOrDefaultAsync(ct) ?? throw AppException.NotFound();
        CorrespondentScope.RequireUnit(me, row.Record.UnitId);
        var r = row.Record;
        return new CorrespondentItem(r.Id, r.UnitId, me.Tree.PathName(r.UnitId), r.Name, r.Position, r.Phone, r.Email,
            r.AppointedOn, r.EndedOn, r.UserId, row.UserName, row.DisplayName);
    }
}
