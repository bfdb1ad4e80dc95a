using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>解除登录失败造成的锁定（口令不变）。不能解锁自己。</summary>
public sealed class UnlockUser(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        AdminSeparation.EnsureNotSelf(me.Id, id);
        user.Unlock();
        audit.Add("user.unlock", "User", user.Id, user.UserName);
        await db.SaveChangesAsync(ct);
    }
}
