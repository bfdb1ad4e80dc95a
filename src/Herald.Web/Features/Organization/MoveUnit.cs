using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>把单位（连同下级）移到新的上级之下；领域规则拒绝移到自己的子树中。</summary>
public sealed class MoveUnit(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit)
{
    public async Task HandleAsync(long id, long? newParentId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        if (unit.ParentId == newParentId) return;
        var tree = await FreshUnitTree.LoadAsync(db, ct);
        if (newParentId is { } p && tree.Find(p) is null) throw AppException.Invalid("ParentId", "Unit.UnknownParent");
        var oldPath = tree.PathName(unit.Id);

        unit.MoveTo(newParentId, tree);
        if (tree.HasSiblingNamed(newParentId, unit.Name, exceptUnitId: unit.Id))
            throw AppException.Invalid("ParentId", "Unit.DuplicateName", unit.Name);
        unit.SetSortOrder(FreshUnitTree.NextSortOrder(tree, newParentId));

        var newPath = newParentId is { } parent ? tree.PathName(parent) + " / " + unit.Name : unit.Name;
        audit.Add("unit.move", "Unit", unit.Id, $"{oldPath} -> {newPath}");
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        current.Reset();
    }
}
