using Herald.Domain.Organization;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization;

/// <summary>新单位：type 为代码（agency、community…），由处理器在权限检查之后解析。</summary>
public sealed record UnitInput(string? Name, string? Type, long? ParentId);

/// <summary>新增单位（顶级或某单位的下级），同一上级下不能重名。</summary>
public sealed class CreateUnit(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock)
{
    /// <summary>返回新单位的编号。</summary>
    public async Task<long> HandleAsync(UnitInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanManageOrganization);
        var tree = await FreshUnitTree.LoadAsync(db, ct);
        if (input.ParentId is { } parentId && tree.Find(parentId) is null)
            throw AppException.Invalid("ParentId", "Unit.UnknownParent");
        var type = FormValues.UnitType(input.Type);

        var unit = Unit.Create(input.Name ?? "", type, input.ParentId, FreshUnitTree.NextSortOrder(tree, input.ParentId), clock.UtcNow);
        if (tree.HasSiblingNamed(input.ParentId, unit.Name))
            throw AppException.Invalid("Name", "Unit.DuplicateName", unit.Name);
        // 审计要记新单位的编号，须保存两次；放在一个事务里。
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        var path = input.ParentId is { } p ? tree.PathName(p) + " / " + unit.Name : unit.Name;
        audit.Add("unit.create", "Unit", unit.Id, $"{path} ({unit.Type})");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Invalidate();
        current.Reset();
        return unit.Id;
    }
}
