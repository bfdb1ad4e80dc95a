using System.Security.Cryptography;
using Herald.Domain.Common;
using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Bulletins;

/// <summary>
/// 发布：按此刻的数据生成一次 Word 和 Excel，连同全部数字的快照一起冻结。时期尚未结束的不能发布（领域规则，409 并给出日期）；
/// 已发布的再发布 409。先由领域对象决定能否发布，再把文件写入文件库（内容寻址），最后保存。
/// </summary>
public sealed class PublishBulletin(HeraldDbContext db, CurrentUser current, BulletinFigureBuilder builder, FileStore files,
    AuditLog audit, Clock clock)
{
    public async Task<Bulletin> HandleAsync(long id, int? expectedRevision, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw AppException.NotFound();
        BulletinAccess.RequireManage(me, bulletin);
        // 重复点击"发布"时不必再统计、生成一遍。
        if (bulletin.Status == BulletinStatus.Published) throw new DomainException("Bulletin.Frozen");
        if (expectedRevision is { } revision && revision != bulletin.Revision) throw AppException.Conflict("Bulletin.Stale");

        var now = clock.UtcNow;
        var figures = await builder.BuildAsync(bulletin, now, draft: false, ct);
        var document = BulletinDocument.Write(figures);
        var workbook = BulletinWorkbook.Write(figures);
        bulletin.Publish(BulletinSnapshot.Serialize(figures), Sha256(document), Sha256(workbook), me.Id, now);

        await files.SaveAsync(document, ct);
        await files.SaveAsync(workbook, ct);
        audit.Add("bulletin.publish", "Bulletin", bulletin.Id,
            $"{bulletin.Title} v{bulletin.Version} docx {bulletin.DocumentHash} xlsx {bulletin.WorkbookHash}");
        await db.SaveChangesAsync(ct);
        return bulletin;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
