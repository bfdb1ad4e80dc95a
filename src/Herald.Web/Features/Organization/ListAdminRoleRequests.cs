using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>管理员角色变更申请：待审批的全部（先提出的在前），再加最近处理过的 100 项。系统管理员、安全管理员可看。</summary>
public sealed class ListAdminRoleRequests(HeraldDbContext db, CurrentUser current, Messages messages)
{
    public const int RecentDecided = 100;

    public async Task<IReadOnlyList<AdminRoleRequestDto>> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var pending = await db.AdminRoleRequests.AsNoTracking().Where(r => r.Status == AdminRoleRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var decided = await db.AdminRoleRequests.AsNoTracking().Where(r => r.Status != AdminRoleRequestStatus.Pending)
            .OrderByDescending(r => r.Id).Take(RecentDecided).ToListAsync(ct);
        var rows = pending.Concat(decided).ToList();
        var ids = rows.SelectMany(r => new[] { r.UserId, r.RequestedBy, r.DecidedBy ?? r.UserId }).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.UserName, u.DisplayName), ct);
        return rows.Select(r => r.ToDto(people, messages)).ToList();
    }

    public Task<int> CountPendingAsync(CancellationToken ct) =>
        db.AdminRoleRequests.CountAsync(r => r.Status == AdminRoleRequestStatus.Pending, ct);
}
