using Herald.Domain.Scoring;

namespace Herald.Web.Features.Bulletins.Documents;

/// <summary>
/// 一份通报的全部内容：文字设置与数字。草稿时由 <see cref="BulletinComposer"/> 按当前数据实时生成；发布时序列化为快照
/// （<see cref="Bulletin.Snapshot"/>）冻结，此后网页和接口都读快照。Word 与 Excel 都只由它生成，不再查数据库。
/// 用自己的记录而不是报表的记录：报表记录以后会增加字段，快照的格式却要长期不变。
/// </summary>
public sealed record BulletinFigures(
    BulletinKind Kind,
    int Year,
    int Quarter,
    int Version,
    string Title,
    DateOnly From,
    DateOnly To,
    long RootUnitId,
    string RootName,
    string IssuingOffice,
    DateOnly IssueDate,
    string? Opening,
    string? Requirements,
    int PraiseUnitCount,
    int PraiseCorrespondentCount,
    BulletinTotals Totals,
    IReadOnlyList<BulletinUnitRow> Units,
    IReadOnlyList<BulletinPersonRow> Correspondents,
    IReadOnlyList<BulletinUnitRow> PraisedUnits,
    IReadOnlyList<BulletinPersonRow> PraisedCorrespondents,
    IReadOnlyList<BulletinCriticism> Criticized,
    IReadOnlyList<GoodNewsItem> GoodNews,
    IReadOnlyList<RuleVersionNote> Rules,
    DateTime GeneratedAt,
    bool Draft,
    DateTime? PublishedAt)
{
    public bool IsAnnual => Kind == BulletinKind.Annual;
}

/// <summary>范围内全部单位的合计。Adopted 为被采用的篇数；Central…Internal 为各级媒体采用的篇次。</summary>
public sealed record BulletinTotals(
    int Units,
    int Submitted,
    int Approved,
    int Published,
    int Adopted,
    int Central,
    int Provincial,
    int Municipal,
    int County,
    int Internal,
    int Instructions,
    decimal AdoptionRate,
    decimal Points,
    int Missed,
    int UnitsBelowQuota,
    int UnitsWithoutAdoption);

/// <summary>单位排名的一行。QuotaMet 为 null 表示该单位不考核报送任务（时期内没有在册信息员）。</summary>
public sealed record BulletinUnitRow(
    int Rank,
    long UnitId,
    string UnitName,
    string UnitPath,
    int Submitted,
    int Approved,
    int Published,
    int Adopted,
    int Central,
    int Provincial,
    int Municipal,
    int County,
    int Internal,
    int Instructions,
    decimal AdoptionRate,
    decimal Points,
    bool? QuotaMet,
    int Missed,
    int Late);

/// <summary>信息员排名的一行。</summary>
public sealed record BulletinPersonRow(
    int Rank,
    long UserId,
    string Name,
    long UnitId,
    string UnitName,
    int Submitted,
    int Approved,
    int Adopted,
    decimal AdoptionRate,
    decimal Points,
    int Late);

/// <summary>通报批评的单位：未完成报送任务（少报 Missed 篇）和/或本期没有稿件被采用。</summary>
public sealed record BulletinCriticism(long UnitId, string UnitName, string UnitPath, bool BelowQuota, int Missed, bool NothingAdopted);

/// <summary>好新闻奖候选：全年单次采用分值最高的稿件（分值 = 基础分 × 头版倍数）。</summary>
public sealed record GoodNewsItem(
    int Rank,
    long ManuscriptId,
    string Title,
    long UnitId,
    string UnitName,
    string Outlet,
    DateOnly AdoptedOn,
    decimal Points);

/// <summary>计分用到的规则版本（编号、生效日期、要点）。</summary>
public sealed record RuleVersionNote(long Id, DateOnly EffectiveFrom, string Summary);
