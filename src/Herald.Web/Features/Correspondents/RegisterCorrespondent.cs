using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Correspondents;

/// <summary>
/// 登记备案：单位、姓名、职务、电话、邮箱、任命日期，可关联本单位的账号。
/// 关联的账号没有本单位信息员角色时一并授予，否则他登记了也报不了稿。
/// </summary>
public sealed class RegisterCorrespondent(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock)
{
    public async Task<RegistrationResult> HandleAsync(CorrespondentInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(CorrespondentScope.CanManage(me));
        var unitId = input.UnitId ?? throw AppException.Invalid("UnitId", "Required");
        // 另一单位的编号：无权在那里登记（403）。
        if (!CorrespondentScope.UnitsOf(me).Contains(unitId)) throw AppException.Forbidden("Correspondent.UnitNotInScope");
        var unit = me.Tree.Find(unitId) ?? throw AppException.Forbidden("Correspondent.UnitNotInScope");
        if (unit.Disabled) throw AppException.Invalid("UnitId", "Unit.Disabled", unit.Name);
        var now = clock.UtcNow;
        var today = ChinaTime.DateOf(now);
        var appointed = Wire.RequiredDate(input.AppointedOn, "AppointedOn");
        if (appointed > today) throw AppException.Invalid("AppointedOn", "Correspondent.AppointedInFuture");

        var user = await CorrespondentLink.ResolveAsync(db, input.UserId, unitId, ct);
        if (user is not null) await CorrespondentLink.EnsureNotDuplicateAsync(db, user.Id, unitId, null, today, ct);
        // 关联了账号而姓名、电话没填时取账号上的，少录一遍。
        var name = string.IsNullOrWhiteSpace(input.Name) ? user?.DisplayName : input.Name;
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? user?.Phone : input.Phone;
        var email = string.IsNullOrWhiteSpace(input.Email) ? user?.Email : input.Email;

        var record = CorrespondentRecord.Register(unitId, user?.Id, name ?? "", phone ?? "", email, input.Position, appointed, now);
        // 审计要记新记录的编号，须保存两次；放在一个事务里，要么都在要么都不在。
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Correspondents.Add(record);
        var granted = user is not null && await CorrespondentLink.EnsureRoleAsync(db, audit, user, unitId, me.Tree, now, ct);
        await db.SaveChangesAsync(ct);
        audit.Add("correspondent.register", "CorrespondentRecord", record.Id,
            $"{me.Tree.PathName(unitId)}: {record.Name}{(user is null ? "" : " (" + user.UserName + ")")}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (granted)
        {
            directory.Invalidate();
            current.Reset();
        }
        return new RegistrationResult(record.Id, granted ? user!.DisplayName : null);
    }
}
