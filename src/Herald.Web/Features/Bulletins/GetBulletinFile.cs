using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Features.Bulletins;

public enum BulletinFileKind
{
    Document,
    Workbook,
}

/// <summary>下载 Word 或 Excel：已发布的给发布时存下的原文件（字节不变）；草稿（宣传办预览）按当前数据实时生成，页眉标"草稿"。</summary>
public sealed class GetBulletinFile(HeraldDbContext db, CurrentUser current, BulletinFigureBuilder builder, Clock clock)
{
    public async Task<BulletinFile> HandleAsync(long id, BulletinFileKind kind, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var bulletin = await GetBulletin.LoadVisibleAsync(db, me, id, ct);
        var (extension, contentType) = kind == BulletinFileKind.Document
            ? (".docx", BulletinDocument.ContentType)
            : (".xlsx", BulletinWorkbook.ContentType);
        var name = bulletin.FileName(extension);
        if (bulletin.Status == BulletinStatus.Published)
            return new BulletinFile(name, contentType, null, kind == BulletinFileKind.Document ? bulletin.DocumentHash : bulletin.WorkbookHash);

        var figures = await builder.BuildAsync(bulletin, clock.UtcNow, draft: true, ct);
        var content = kind == BulletinFileKind.Document ? BulletinDocument.Write(figures) : BulletinWorkbook.Write(figures);
        return new BulletinFile(name, contentType, content, null);
    }
}
