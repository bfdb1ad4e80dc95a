using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>某单位可关联为信息员的账号：所属单位是它，或在它上面担任角色；已停用的不列。</summary>
public sealed class LinkableUsers(HeraldDbContext db, CurrentUser current)
{
    public async Task<IReadOnlyList<LinkableUser>> HandleAsync(long? unitId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        if (unitId is not { } id) return [];
        CorrespondentScope.RequireUnit(me, id);
        return await Query(db, id).OrderBy(u => u.DisplayName)
            .Select(u => new LinkableUser(u.Id, u.UserName, u.DisplayName)).ToListAsync(ct);
    }

    public static IQueryable<Domain.Identity.UserAccount> Query(HeraldDbContext db, long unitId) =>
        db.Users.AsNoTracking().Where(u => !u.Disabled
            && (u.UnitId == unitId || db.RoleAssignments.Any(r => r.UserId == u.Id && r.UnitId == unitId)));
}
