using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>账号列表（管理员）：按姓名/用户名搜索、按单位筛选，分页。</summary>
public sealed class ListUsers(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public async Task<PagedResult<UserListItem>> HandleAsync(UserQuery query, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            var lower = text.ToLowerInvariant();
            users = users.Where(u => u.UserName.Contains(lower) || u.DisplayName.Contains(text));
        }
        if (query.UnitId is { } unitId)
        {
            var units = tree.Subtree(unitId).ToArray();
            users = users.Where(u => (u.UnitId != null && units.Contains(u.UnitId.Value))
                                     || db.RoleAssignments.Any(r => r.UserId == u.Id && r.UnitId != null && units.Contains(r.UnitId.Value)));
        }

        var page = PageRequest.From(query);
        var total = await users.CountAllAsync(ct);
        var rows = await users.OrderBy(u => u.UserName).TakePage(page).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToArray();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => ids.Contains(r.UserId))
            .OrderBy(r => r.Role).ThenBy(r => r.Id).ToListAsync(ct);

        var now = clock.UtcNow;
        var items = rows.Select(u => new UserListItem(
            u.Id, u.UserName, u.DisplayName,
            u.UnitId is { } home ? tree.PathName(home) : null,
            roles.Where(r => r.UserId == u.Id)
                .Select(r => new RoleOnUnit(r.Id, r.Role, r.UnitId, r.UnitId is { } unit ? tree.PathName(unit) : null)).ToList(),
            u.Disabled, u.IsLockedOut(now), u.MustChangePassword, u.LastSignInAt)).ToList();
        return items.ToPage(page, total);
    }
}
