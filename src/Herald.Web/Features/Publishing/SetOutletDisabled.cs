using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>停用媒体：不能再登记它的用稿，已有登记保留。</summary>
public sealed class SetOutletDisabled(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        var outlet = await db.Outlets.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw AppException.NotFound();
        if (outlet.Disabled == disabled) return;
        if (disabled) outlet.Disable();
        else outlet.Enable();
        audit.Add(disabled ? "outlet.disable" : "outlet.enable", "Outlet", outlet.Id, outlet.Name);
        await db.SaveChangesAsync(ct);
    }
}
