using System.Globalization;
using Herald.Domain.Common;

namespace Herald.Domain.Scoring;

public enum BulletinKind
{
    /// <summary>季度通报</summary>
    Quarterly = 0,
    /// <summary>年终考核</summary>
    Annual = 1,
}

public enum BulletinStatus
{
    /// <summary>草稿：数字随数据实时变化，可修改文字</summary>
    Draft = 0,
    /// <summary>已发布：文件与数字冻结，不再改变</summary>
    Published = 1,
}

/// <summary>
/// 季度通报（[001] 每季度汇总通报）与年终考核。草稿阶段宣传办可修改开头、要求等文字；发布时生成的 Word、Excel
/// 和全部数字一起冻结，此后数据或规则变化都不影响它。要更正只能再出一个新版本（新的通报）。
/// </summary>
public sealed class Bulletin
{
    private Bulletin() { Title = ""; IssuingOffice = ""; }

    public long Id { get; private set; }
    public BulletinKind Kind { get; private set; }
    public int Year { get; private set; }
    /// <summary>季度 1–4；年终考核为 0。</summary>
    public int Quarter { get; private set; }
    /// <summary>同一时期的第几版。</summary>
    public int Version { get; private set; }
    /// <summary>统计范围（单位子树的根）。</summary>
    public long RootUnitId { get; private set; }
    public string Title { get; private set; }
    /// <summary>发文机关，如"中共示例街道工作委员会宣传办公室"。</summary>
    public string IssuingOffice { get; private set; }
    public DateOnly IssueDate { get; private set; }
    /// <summary>宣传办补充的开头说明（可空，空时用自动生成的总体情况）。</summary>
    public string? Opening { get; private set; }
    /// <summary>下一步工作要求。</summary>
    public string? Requirements { get; private set; }
    public int PraiseUnitCount { get; private set; }
    public int PraiseCorrespondentCount { get; private set; }
    public BulletinStatus Status { get; private set; }
    /// <summary>发布时冻结的数字（JSON）。</summary>
    public string? Snapshot { get; private set; }
    public string? DocumentHash { get; private set; }
    public string? WorkbookHash { get; private set; }
    public long CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long? PublishedById { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public int Revision { get; private set; }

    public DateOnly PeriodStart => Kind == BulletinKind.Annual ? new DateOnly(Year, 1, 1) : new DateOnly(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly PeriodEnd => Kind == BulletinKind.Annual ? new DateOnly(Year, 12, 31) : PeriodStart.AddMonths(3).AddDays(-1);

    public static Bulletin Draft(BulletinKind kind, int year, int quarter, int version, long rootUnitId, string issuingOffice,
        DateOnly issueDate, long createdById, DateTime nowUtc)
    {
        if (year is < 2000 or > 2100) throw new DomainValidationException("year", "Bulletin.YearRange");
        if (kind == BulletinKind.Quarterly && quarter is < 1 or > 4) throw new DomainValidationException("quarter", "Bulletin.QuarterRange");
        if (kind == BulletinKind.Annual) quarter = 0;
        var bulletin = new Bulletin
        {
            Kind = kind,
            Year = year,
            Quarter = quarter,
            Version = version,
            RootUnitId = rootUnitId,
            Status = BulletinStatus.Draft,
            CreatedById = createdById,
            CreatedAt = nowUtc,
            PraiseUnitCount = 3,
            PraiseCorrespondentCount = 5,
        };
        bulletin.Title = TitleFor(kind, year, quarter);
        bulletin.Edit(issuingOffice, issueDate, null, null, 3, 5);
        return bulletin;
    }

    /// <summary>关于2026年第3季度宣传信息工作情况的通报 / 关于2026年度宣传信息工作考核情况的通报</summary>
    public static string TitleFor(BulletinKind kind, int year, int quarter) => kind == BulletinKind.Annual
        ? string.Create(CultureInfo.InvariantCulture, $"关于{year}年度宣传信息工作考核情况的通报")
        : string.Create(CultureInfo.InvariantCulture, $"关于{year}年第{quarter}季度宣传信息工作情况的通报");

    public void Edit(string issuingOffice, DateOnly issueDate, string? opening, string? requirements, int praiseUnits, int praiseCorrespondents)
    {
        EnsureDraft();
        IssuingOffice = Guard.Required(issuingOffice, "issuingOffice", 64);
        IssueDate = issueDate;
        Opening = Guard.Optional(opening, "opening", 4000);
        Requirements = Guard.Optional(requirements, "requirements", 4000);
        if (praiseUnits is < 0 or > 50) throw new DomainValidationException("praiseUnitCount", "Bulletin.PraiseRange");
        if (praiseCorrespondents is < 0 or > 50) throw new DomainValidationException("praiseCorrespondentCount", "Bulletin.PraiseRange");
        PraiseUnitCount = praiseUnits;
        PraiseCorrespondentCount = praiseCorrespondents;
        Revision++;
    }

    /// <summary>发布：保存冻结的数字和生成的文件。时期尚未结束的不能发布。</summary>
    public void Publish(string snapshot, string documentHash, string workbookHash, long userId, DateTime nowUtc)
    {
        EnsureDraft();
        if (ChinaTime.DateOf(nowUtc) <= PeriodEnd) throw new DomainException("Bulletin.PeriodNotOver", ChinaTime.FormatDate(PeriodEnd));
        Snapshot = snapshot;
        DocumentHash = documentHash;
        WorkbookHash = workbookHash;
        Status = BulletinStatus.Published;
        PublishedById = userId;
        PublishedAt = nowUtc;
        Revision++;
    }

    private void EnsureDraft()
    {
        if (Status != BulletinStatus.Draft) throw new DomainException("Bulletin.Frozen");
    }
}
