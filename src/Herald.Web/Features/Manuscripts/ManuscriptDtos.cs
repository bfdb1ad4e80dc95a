using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;

namespace Herald.Web.Features.Manuscripts;

/// <summary>列表中的一行。Revision：稿件的版本号（并发检查用，如批量审核时确认审的是看到的那一版）。</summary>
public sealed record ManuscriptListItem(
    long Id,
    string Title,
    string Name,
    ManuscriptStatus Status,
    Importance Importance,
    bool Emergency,
    bool Late,
    long UnitId,
    string UnitName,
    string AuthorName,
    string CategoryName,
    Role? CurrentStepRole,
    DateOnly EventDate,
    DateTime? SubmittedAt,
    DateTime UpdatedAt,
    int Revision = 0);

public enum StepState
{
    Pending,
    Current,
    Done,
    Returned,
    Rejected,
}

public sealed record RouteStepDto(int Step, Role Role, StepState State, IReadOnlyList<string> Reviewers);

public sealed record CurrentStepDto(int Step, Role Role, IReadOnlyList<string> Reviewers);

public sealed record HistoryEntryDto(DateTime At, string? Actor, ManuscriptEventAction Action, ManuscriptStatus From,
    ManuscriptStatus To, int? Step, Role? Role, string? Comment, int Version);

public sealed record PhotoDto(long Id, string? Caption, int? Width, int? Height, long Size, string Url);

public sealed record DocumentDto(string FileName, long Size, string Url);

public sealed record FollowUpDto(long Id, string Title, string Name, ManuscriptStatus Status, int Number);

/// <summary>稿件详情（API 与页面共用）。审定后另有采编状态、发布记录和用稿登记。</summary>
public sealed record ManuscriptDetail(
    long Id,
    string Name,
    string Title,
    string Body,
    string BodyHtml,
    long CategoryId,
    string CategoryName,
    Importance Importance,
    DateOnly EventDate,
    bool Emergency,
    DateTime? KnownAt,
    ManuscriptStatus Status,
    bool Late,
    long UnitId,
    string UnitName,
    long AuthorId,
    string AuthorName,
    int Version,
    int Revision,
    CurrentStepDto? CurrentStep,
    IReadOnlyList<RouteStepDto> Route,
    IReadOnlyList<HistoryEntryDto> History,
    IReadOnlyList<PhotoDto> Photos,
    DocumentDto? Document,
    long? FollowUpOf,
    int FollowUpNumber,
    IReadOnlyList<FollowUpDto> FollowUps,
    DateTime? SubmittedAt,
    DateTime? ApprovedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    EditorialDto Editorial,
    IReadOnlyList<PublicationDto> Publications,
    IReadOnlyList<AdoptionDto> Adoptions);

/// <summary>当前用户对这篇稿件能做什么（页面据此显示按钮）。CanReviewEdit：当前这一级的审核人可以审改。</summary>
public sealed record ManuscriptPermissions(bool CanEdit, bool CanSubmit, bool CanReview, bool CanDelete, bool CanFollowUp, bool CanWithdraw = false,
    bool CanReviewEdit = false);

public enum DiffKind
{
    Unchanged,
    Inserted,
    Deleted,
    Modified,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

public sealed record DiffLine(DiffKind Kind, IReadOnlyList<DiffSegment> Segments);

/// <summary>两个版本的差异：标题、正文（按段）、图片说明；ToAuthor 为产生后一版的人，ToReviewEdit 表示那一版是审核人审改的。</summary>
public sealed record VersionDiff(int FromVersion, int ToVersion, IReadOnlyList<DiffLine> Title, IReadOnlyList<DiffLine> Body,
    IReadOnlyList<DiffLine> Captions)
{
    public string? ToAuthor { get; init; }
    public bool ToReviewEdit { get; init; }

    public bool HasChanges => Title.Concat(Body).Concat(Captions).Any(l => l.Kind != DiffKind.Unchanged);
}
