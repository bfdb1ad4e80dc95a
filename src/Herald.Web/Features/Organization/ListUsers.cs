using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>账号列表（管理员）：按姓名/用户名搜索，按单位、角色、状态筛选，可排序，分页；导出为同一查询的全部行。</summary>
public sealed class ListUsers(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public const string DefaultSort = "userName";

    /// <summary>可排序的列（白名单）；同值的按编号，翻页稳定。</summary>
    public static readonly SortKeys<UserAccount> Sorting = new SortKeys<UserAccount>()
        .Add("userName", u => u.UserName)
        .Add("displayName", u => u.DisplayName)
        .Add("unit", u => u.UnitId)
        .Add("lastSignInAt", u => u.LastSignInAt, descending: true);

    public static TableSort SortOf(UserQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<UserListItem>> HandleAsync(UserQuery query, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var now = clock.UtcNow;
        var page = PageRequest.From(query);
        var users = Filtered(query, tree, now);
        var total = await users.CountAllAsync(ct);
        var rows = await Sorted(users, query).TakePage(page).ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToArray();
        var roles = await RolesAsync(db.RoleAssignments.Where(r => ids.Contains(r.UserId)), tree, ct);
        return rows.Select(u => Item(u, tree, roles, now)).ToList().ToPage(page, total);
    }

    /// <summary>导出：与列表相同的筛选和排序，不分页（角色一次读出）。</summary>
    public async Task<IAsyncEnumerable<UserListItem>> ExportAsync(UserQuery query, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var now = clock.UtcNow;
        var users = Filtered(query, tree, now);
        var roles = await RolesAsync(db.RoleAssignments.Where(r => users.Any(u => u.Id == r.UserId)), tree, ct);
        return await ListExport.RowsAsync(Sorted(users, query), u => Item(u, tree, roles, now), ct);
    }

    private IQueryable<UserAccount> Filtered(UserQuery query, OrgTree tree, DateTime now)
    {
        SortOf(query);
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
        if (Wire.OptionalCode<Role>(query.Role, "role") is { } role)
            users = users.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && r.Role == role));
        users = query.State?.Trim().ToLowerInvariant() switch
        {
            null or "" => users,
            "active" => users.Where(u => !u.Disabled && (u.LockoutEndUtc == null || u.LockoutEndUtc <= now)),
            "disabled" => users.Where(u => u.Disabled),
            "locked" => users.Where(u => u.LockoutEndUtc != null && u.LockoutEndUtc > now),
            "must_change" => users.Where(u => u.MustChangePassword),
            _ => throw AppException.Invalid("state", "Users.UnknownState", query.State),
        };
        return users;
    }

    private static IOrderedQueryable<UserAccount> Sorted(IQueryable<UserAccount> users, UserQuery query) =>
        Sorting.Apply(users, SortOf(query)).ThenBy(u => u.Id);

    private static async Task<ILookup<long, RoleOnUnit>> RolesAsync(IQueryable<RoleAssignment> assignments, OrgTree tree, CancellationToken ct)
    {
        var rows = await assignments.AsNoTracking().OrderBy(r => r.Role).ThenBy(r => r.Id).ToListAsync(ct);
        return rows.ToLookup(r => r.UserId, r => new RoleOnUnit(r.Id, r.Role, r.UnitId, r.UnitId is { } unit ? tree.PathName(unit) : null));
    }

    private static UserListItem Item(UserAccount u, OrgTree tree, ILookup<long, RoleOnUnit> roles, DateTime now) => new(
        u.Id, u.UserName, u.DisplayName, u.UnitId is { } home ? tree.PathName(home) : null, roles[u.Id].ToList(),
        u.Disabled, u.IsLockedOut(now), u.MustChangePassword, u.LastSignInAt);
}
