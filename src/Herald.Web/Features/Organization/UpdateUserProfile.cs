using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>修改姓名、手机、邮箱和所属单位（用户名不可改：审计记录按用户名检索）。</summary>
public sealed class UpdateUserProfile(HeraldDbContext db, CurrentUser current, AuditLog audit, OrgDirectory directory)
{
    public async Task HandleAsync(long id, UserInput input, CancellationToken ct = default)
    {
        var tree = await current.ManagerTreeAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw AppException.NotFound();
        var unitId = input.UnitId;
        if (unitId is { } u && tree.Find(u) is null) throw AppException.Invalid("UnitId", "Unit.UnknownParent");

        user.UpdateProfile(input.DisplayName ?? "", input.Phone, input.Email);
        user.MoveToUnit(unitId);
        if (!db.ChangeTracker.HasChanges()) return;
        audit.Add("user.update", "User", user.Id, $"{user.UserName}: {user.DisplayName}, unit {(unitId is { } x ? tree.PathName(x) : "-")}");
        await db.SaveChangesAsync(ct);
        // 组织树快照带着姓名（稿件视图里的审核人、作者）。
        directory.Invalidate();
    }
}
