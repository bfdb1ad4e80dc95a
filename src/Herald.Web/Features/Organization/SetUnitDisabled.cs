using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>停用（不能再报送，历史稿件和记录保留）或重新启用单位。</summary>
public sealed class SetUnitDisabled(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit)
{
    public async Task HandleAsync(long id, bool disabled, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        if (unit.Disabled == disabled) return;
        if (disabled) unit.Disable();
        else unit.Enable();
        audit.Add(disabled ? "unit.disable" : "unit.enable", "Unit", unit.Id, unit.Name);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }
}
