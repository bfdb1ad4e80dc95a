using Herald.Domain.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>单位详情：基本信息、人员（含分管领导）、在册信息员、下级单位，以及可选的新上级。</summary>
public sealed class GetUnit(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<UnitDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        var tree = me.Tree;

        var holders = await (
                from r in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                where r.UnitId == id
                orderby r.Role, u.DisplayName
                select new UnitRoleHolder(r.Id, r.Role, u.Id, u.DisplayName, u.UserName, u.Disabled))
            .ToListAsync(ct);

        var today = ChinaTime.DateOf(clock.UtcNow);
        var records = await db.Correspondents.AsNoTracking()
            .Where(c => c.UnitId == id && (c.EndedOn == null || c.EndedOn > today))
            .OrderBy(c => c.AppointedOn)
            .Select(c => new UnitCorrespondent(c.Id, c.Name, c.Position, c.Phone, c.AppointedOn))
            .ToListAsync(ct);

        // 不能移到自己或自己的下级之下。
        var own = tree.Subtree(id);
        var choices = tree.All.Select(u => u.Id).Where(u => !own.Contains(u)).ToHashSet();

        return new UnitDetail(unit.Id, unit.ParentId, unit.Name, tree.PathName(unit.Id), unit.Type, unit.Disabled, unit.CreatedAt,
            tree.Children(id), holders, records, choices);
    }
}
