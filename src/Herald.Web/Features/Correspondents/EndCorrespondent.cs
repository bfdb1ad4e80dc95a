using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Correspondents;

/// <summary>免去信息员：记录免去日期，记录本身作为历史保留（账号的信息员角色不自动收回）。</summary>
public sealed class EndCorrespondent(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, string? endedOn, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(CorrespondentScope.CanManage(me));
        var record = await db.Correspondents.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppException.NotFound();
        CorrespondentScope.RequireUnit(me, record.UnitId);
        var date = Wire.RequiredDate(endedOn, "EndedOn");
        record.End(date);
        audit.Add("correspondent.end", "CorrespondentRecord", record.Id,
            $"{me.Tree.PathName(record.UnitId)}: {record.Name}, {date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }
}
