using Herald.Domain.Scoring;
using Herald.Web.Features.Bulletins.Documents;

namespace Herald.Web.Features.Bulletins;

/// <summary>列表中的一份通报。</summary>
public sealed record BulletinSummary(
    long Id,
    BulletinKind Kind,
    int Year,
    int Quarter,
    int Version,
    string Title,
    long RootUnitId,
    string RootName,
    BulletinStatus Status,
    string IssuingOffice,
    DateOnly IssueDate,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    string DocumentUrl,
    string WorkbookUrl);

/// <summary>
/// 一份通报的详情。Figures：草稿为按当前数据实时统计的数字，已发布为发布时冻结的快照。
/// Revision 用于修改时的乐观并发；DocumentHash/WorkbookHash 为发布时生成的文件的 SHA-256。
/// </summary>
public sealed record BulletinDetail(
    long Id,
    BulletinKind Kind,
    int Year,
    int Quarter,
    int Version,
    string Title,
    long RootUnitId,
    string RootName,
    BulletinStatus Status,
    string IssuingOffice,
    DateOnly IssueDate,
    string? Opening,
    string? Requirements,
    int PraiseUnitCount,
    int PraiseCorrespondentCount,
    int Revision,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    string? DocumentHash,
    string? WorkbookHash,
    string DocumentUrl,
    string WorkbookUrl,
    bool CanManage,
    BulletinFigures Figures);

/// <summary>新建通报草稿：kind 为 quarterly（缺省）或 annual；rootUnitId 缺省为宣传办所在单位（只有一个时）。</summary>
public sealed record CreateBulletinRequest(int? Year, int? Quarter, string? Kind, long? RootUnitId);

/// <summary>修改草稿的文字。issueDate 为 yyyy-MM-dd；revision 为打开时的版本号（与当前不符时拒绝）。</summary>
public sealed record EditBulletinRequest(
    string? IssuingOffice,
    string? IssueDate,
    string? Opening,
    string? Requirements,
    int? PraiseUnitCount,
    int? PraiseCorrespondentCount,
    int? Revision);

/// <summary>发布：revision 可选，给出时与当前不符则拒绝（防止发布别人刚改过、自己没看到的内容）。</summary>
public sealed record PublishBulletinRequest(int? Revision);

/// <summary>页面上的新建表单。</summary>
public sealed class BulletinCreateForm
{
    public string? Kind { get; set; }
    public string? Year { get; set; }
    public string? Quarter { get; set; }
    public string? RootUnitId { get; set; }
}

/// <summary>页面上的修改表单（数字以文字提交，格式错时给出中文提示并保留输入）。</summary>
public sealed class BulletinEditForm
{
    public string? IssuingOffice { get; set; }
    public string? IssueDate { get; set; }
    public string? Opening { get; set; }
    public string? Requirements { get; set; }
    public string? PraiseUnitCount { get; set; }
    public string? PraiseCorrespondentCount { get; set; }
    public string? Revision { get; set; }
}

/// <summary>一个下载文件：已发布的为文件库中的原文件，草稿为实时生成的字节。</summary>
public sealed record BulletinFile(string FileName, string ContentType, byte[]? Content, string? Hash);
