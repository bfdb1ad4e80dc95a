using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>修改在册信息员的资料或关联账号（单位不变：换单位请免去后在新单位登记）。</summary>
public sealed class UpdateCorrespondent(HeraldDbContext db, CurrentUser current, OrgDirectory directory, AuditLog audit, Clock clock)
{
    public async Task<RegistrationResult> HandleAsync(long id, CorrespondentInput input, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(CorrespondentScope.CanManage(me));
        var record = await db.Correspondents.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
        CorrespondentScope.RequireUnit(me, record.UnitId);
        var now = clock.UtcNow;
        var today = ChinaTime.DateOf(now);
        var appointed = Wire.RequiredDate(input.AppointedOn, "AppointedOn");
        if (appointed > today) throw AppException.Invalid("AppointedOn", "Correspondent.AppointedInFuture");

        var userId = input.UserId;
        var user = userId == record.UserId && userId is not null
            ? await db.Users.FirstAsync(u => u.Id == userId, ct)
            : await CorrespondentLink.ResolveAsync(db, userId, record.UnitId, ct);
        if (user is not null) await CorrespondentLink.EnsureNotDuplicateAsync(db, user.Id, record.UnitId, record.Id, today, ct);

        record.Update(input.Name ?? "", input.Phone ?? "", input.Email, input.Position, appointed);
        record.LinkUser(user?.Id);
        var granted = user is not null && await CorrespondentLink.EnsureRoleAsync(db, audit, user, record.UnitId, me.Tree, now, ct);
        audit.Add("correspondent.update", "CorrespondentRecord", record.Id,
            $"{me.Tree.PathName(record.UnitId)}: {record.Name}{(user is null ? "" : " (" + user.UserName + ")")}");
        await db.SaveChangesAsync(ct);
        if (granted)
        {
            directory.Invalidate();
            current.Reset();
        }
        return new RegistrationResult(record.Id, granted ? user!.DisplayName : null);
    }
}
