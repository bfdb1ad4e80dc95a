using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>删除从未报送过的草稿（只限作者本人）。</summary>
public sealed class DeleteDraft(HeraldDbContext db, CurrentUser current, AuditLog audit)
{
    public async Task HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.Include(x => x.Attachments).Include(x => x.History).Include(x => x.Versions)
                    .VisibleTo(me).FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        if (!m.CanBeDeletedBy(me.Id)) throw AppException.Conflict("Manuscript.CannotDelete");
        // 草稿的"创建"记录随草稿删除；删除本身记入审计。
        db.ManuscriptEvents.RemoveRange(m.History);
        db.Manuscripts.Remove(m);
        audit.Add("manuscript.delete", "Manuscript", m.Id, $"unit {m.UnitId}");
        await db.SaveChangesAsync(ct);
    }
}
