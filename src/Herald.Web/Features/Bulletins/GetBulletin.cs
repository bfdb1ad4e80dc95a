using Herald.Domain.Scoring;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>一份通报：已发布的读冻结的快照；草稿（只有管理它的宣传办看得到）按当前数据实时统计。</summary>
public sealed class GetBulletin(HeraldDbContext db, CurrentUser current, BulletinFigureBuilder figures, Clock clock)
{
    public async Task<BulletinDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var bulletin = await LoadVisibleAsync(db, me, id, ct);
        var content = bulletin.Status == BulletinStatus.Published
            ? BulletinSnapshot.Deserialize(bulletin.Snapshot!)
            : await figures.BuildAsync(bulletin, clock.UtcNow, draft: true, ct);
        return bulletin.AsDetail(me.Tree, BulletinAccess.CanManage(me, bulletin.RootUnitId), content);
    }

    /// <summary>调用者看得到的通报，否则 404。</summary>
    public static async Task<Bulletin> LoadVisibleAsync(HeraldDbContext db, UserContext me, long id, CancellationToken ct)
    {
        var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null || !BulletinAccess.CanSee(me, bulletin)) throw AppException.NotFound();
        return bulletin;
    }
}
