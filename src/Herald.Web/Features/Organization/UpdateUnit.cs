using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>改名、改类型（类型影响审核路线）。typeCode 为 null 时类型不变。</summary>
public sealed class UpdateUnit(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit)
{
    public async Task HandleAsync(long id, string? name, string? typeCode, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        var type = typeCode is null ? unit.Type : FormValues.UnitType(typeCode);
        var (oldName, oldType) = (unit.Name, unit.Type);

        unit.Rename(name ?? "");
        var tree = await FreshUnitTree.LoadAsync(db, ct);
        if (tree.HasSiblingNamed(unit.ParentId, unit.Name, exceptUnitId: unit.Id))
            throw AppException.Invalid("Name", "Unit.DuplicateName", unit.Name);
        unit.ChangeType(type);
        if (oldName == unit.Name && oldType == unit.Type) return;

        audit.Add("unit.update", "Unit", unit.Id, $"{oldName} ({oldType}) -> {unit.Name} ({unit.Type})");
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }
}
