using Herald.Domain.Organization;
using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;

namespace Herald.Web.Features.Bulletins;

public static class BulletinMapping
{
    public static string DocumentUrl(long id) => $"/api/v1/bulletins/{id}/document.docx";

    public static string WorkbookUrl(long id) => $"/api/v1/bulletins/{id}/workbook.xlsx";

    public static BulletinSummary AsSummary(this Bulletin b, OrgTree tree) => new(b.Id, b.Kind, b.Year, b.Quarter, b.Version, b.Title,
        b.RootUnitId, tree.Find(b.RootUnitId)?.Name ?? "", b.Status, b.IssuingOffice, b.IssueDate, b.CreatedAt, b.PublishedAt,
        DocumentUrl(b.Id), WorkbookUrl(b.Id));

    public static BulletinDetail AsDetail(this Bulletin b, OrgTree tree, bool canManage, BulletinFigures figures) => new(b.Id, b.Kind,
        b.Year, b.Quarter, b.Version, b.Title, b.RootUnitId, tree.Find(b.RootUnitId)?.Name ?? "", b.Status, b.IssuingOffice, b.IssueDate,
        b.Opening, b.Requirements, b.PraiseUnitCount, b.PraiseCorrespondentCount, b.Revision, b.PeriodStart, b.PeriodEnd, b.CreatedAt,
        b.PublishedAt, b.DocumentHash, b.WorkbookHash, DocumentUrl(b.Id), WorkbookUrl(b.Id), canManage, figures);

    /// <summary>下载文件名：关于2026年第3季度宣传信息工作情况的通报.docx（第 2 版起加版次，草稿加"草稿"）。</summary>
    public static string FileName(this Bulletin b, string extension) =>
        BulletinWording.FileName(b.Title, b.Version, b.Status == BulletinStatus.Draft, extension);
}
