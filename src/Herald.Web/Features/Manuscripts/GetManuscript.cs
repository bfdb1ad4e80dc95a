using Herald.Domain.Organization;
using Herald.Domain.Review;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reviews;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>稿件详情页/接口的数据：内容、路线与所处位置、完整流转记录、最近两版的差异、当前用户可做的操作。</summary>
public sealed record ManuscriptView(ManuscriptDetail Detail, ManuscriptPermissions Permissions, VersionDiff? Diff);

public sealed class GetManuscript(HeraldDbContext db, CurrentUser current, WorkflowPolicies policies, Infrastructure.Time.Clock clock)
{
    public async Task<ManuscriptView> HandleAsync(long id, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.AsNoTracking().AsSplitQuery()
                    .Include(x => x.Attachments)
                    .Include(x => x.History)
                    .VisibleTo(me)
                    .FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        return await BuildAsync(m, me, ct);
    }

    // 每个详情页和每次报送都要执行：预编译，省去每次翻译 LINQ 表达式树的开销。
    private static readonly Func<HeraldDbContext, long, CancellationToken, Task<string?>> CategoryName = CompiledQueries.PerModel(
        (HeraldDbContext db, long id, CancellationToken ct) => db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefault());

    /// <summary>
    /// 已加载（含附件与流转记录）的稿件转为视图。justCreated：本次请求刚建的稿件（还不可能有续报）；
    /// categoryName：调用方已知的类别名称（报送时刚按它校验过类别），不必再查。
    /// </summary>
    public async Task<ManuscriptView> BuildAsync(Manuscript m, UserContext me, CancellationToken ct, bool justCreated = false,
        string? categoryName = null)
    {
        var tree = me.Tree;
        Func<Role, ReviewerResolution> reviewers = role => tree.ResolveReviewers(role, m.UnitId);
        var route = m.RouteSteps.Length > 0
            ? m.Route
            : RouteFor(m, tree);

        var reviewerIds = route.Steps.SelectMany(r => reviewers(r).UserIds);
        var (publications, adoptions) = await EditorialRecords.LoadAsync(db, m, ct);
        var userIds = m.History.Where(h => h.ActorId is not null).Select(h => h.ActorId!.Value)
            .Concat(reviewerIds).Concat(EditorialRecords.UserIds(publications, adoptions)).Append(m.AuthorId).Distinct().ToArray();
        var names = await NamesAsync(db, userIds, tree, ct);
        var category = categoryName ?? await CategoryName(db, m.CategoryId, ct) ?? "";
        // 本次请求刚建的稿件还不可能有续报，不必查询。
        var followUps = !justCreated
            ? await db.Manuscripts.AsNoTracking().VisibleTo(me)
                .Where(x => x.FollowUpOfId == m.Id)
                .OrderBy(x => x.FollowUpNumber)
                .Select(x => new FollowUpDto(x.Id, x.Title, x.StandardName ?? "", x.Status, x.FollowUpNumber))
                .ToListAsync(ct)
            : [];

        IReadOnlyList<string> NamesOf(Role role) => reviewers(role).UserIds.Select(u => names.GetValueOrDefault(u, "?")).ToList();

        var lastStop = m.History.Where(h => h.Action is ManuscriptEventAction.Returned or ManuscriptEventAction.Rejected)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).FirstOrDefault();
        var routeDtos = route.Steps.Select((role, i) => new RouteStepDto(i + 1, role, StateOf(m, i, lastStop), NamesOf(role))).ToList();

        var detail = new ManuscriptDetail(
            m.Id,
            m.StandardName ?? ProvisionalName(m, tree, clock.UtcNow),
            m.Title,
            m.BodyText,
            m.BodyHtml,
            m.CategoryId,
            category,
            m.Importance,
            m.EventDate,
            m.Emergency,
            m.KnownAtUtc,
            m.Status,
            m.IsLate,
            m.UnitId,
            tree.Find(m.UnitId)?.Name ?? "",
            m.AuthorId,
            names.GetValueOrDefault(m.AuthorId, ""),
            m.VersionNumber,
            m.Revision,
            m.CurrentStepRole is { } current ? new CurrentStepDto(m.CurrentStep!.Value + 1, current, NamesOf(current)) : null,
            routeDtos,
            m.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new HistoryEntryDto(h.At, h.ActorId is { } a ? names.GetValueOrDefault(a) : null, h.Action,
                    h.FromStatus, h.ToStatus, h.Step, h.StepRole, h.Comment, h.VersionNumber))
                .ToList(),
            m.Photos.Select(p => new PhotoDto(p.Id, p.Caption, p.Width, p.Height, p.Size, $"/manuscripts/{m.Id}/photos/{p.Id}")).ToList(),
            m.Document is { } doc ? new DocumentDto(DownloadName(m, tree, clock.UtcNow), doc.Size, $"/manuscripts/{m.Id}/document") : null,
            m.FollowUpOfId,
            m.FollowUpNumber,
            followUps,
            m.SubmittedAt,
            m.ApprovedAt,
            m.CreatedAt,
            m.UpdatedAt,
            EditorialRecords.Editorial(m),
            publications.Select(p => EditorialRecords.ToDto(p, names)).ToList(),
            adoptions.Select(a => EditorialRecords.ToDto(a, m.Title, m.UnitId, tree, names)).ToList());

        var isAuthor = m.AuthorId == me.Id;
        var permissions = new ManuscriptPermissions(
            CanEdit: isAuthor && m.Status.IsEditable(),
            CanSubmit: isAuthor && m.Status.IsEditable(),
            CanReview: m.IsAwaiting(me.Id, reviewers),
            CanDelete: m.CanBeDeletedBy(me.Id),
            CanFollowUp: m.Emergency && m.SubmittedAt is not null && m.FollowUpOfId is null && me.SubmitUnits.Contains(m.UnitId),
            CanWithdraw: m.CanBeWithdrawnBy(me.Id),
            CanReviewEdit: m.CanBeEditedInReviewBy(me.Id, reviewers));

        VersionDiff? diff = null;
        if (m.VersionNumber >= 2)
        {
            var versions = await db.ManuscriptVersions.AsNoTracking()
                .Where(v => v.ManuscriptId == m.Id && v.Number >= m.VersionNumber - 1)
                .OrderBy(v => v.Number).ToListAsync(ct);
            if (versions.Count == 2)
                diff = VersionDiffer.Compare(versions[0], versions[1]) with
                {
                    ToAuthor = names.GetValueOrDefault(versions[1].AuthorId), ToReviewEdit = versions[1].ReviewEdit,
                };
        }
        return new ManuscriptView(detail, permissions, diff);
    }

    /// <summary>
    /// 姓名：持有角色的人（审核人，通常也有作者）取自组织树快照，其余（已停用、已无角色的人）才查库。
    /// </summary>
    internal static async Task<Dictionary<long, string>> NamesAsync(HeraldDbContext db, long[] userIds, OrgTree tree, CancellationToken ct)
    {
        var names = new Dictionary<long, string>(userIds.Length);
        List<long>? missing = null;
        foreach (var id in userIds)
        {
            if (tree.UserName(id) is { } name) names[id] = name;
            else (missing ??= []).Add(id);
        }
        if (missing is null) return names;
        // Only the two columns: the whole account row (password hash and all) was read for a name.
        foreach (var row in await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            names[row.Id] = row.DisplayName;
        return names;
    }

    /// <summary>草稿尚无规范名称：按今天（应用时钟）的日期预览。</summary>
    public static string ProvisionalName(Manuscript m, OrgTree tree, DateTime nowUtc) =>
        StandardName.For(tree.Find(m.UnitId)?.Name ?? "", Domain.Common.ChinaTime.DateOf(nowUtc), 1, m.FollowUpNumber);

    public static string DownloadName(Manuscript m, OrgTree tree, DateTime nowUtc) =>
        StandardName.ToFileName(m.StandardName ?? ProvisionalName(m, tree, nowUtc), ".docx");

    private ReviewRoute RouteFor(Manuscript m, OrgTree tree) =>
        policies.Routes.RouteFor(m.Importance, tree.Find(m.UnitId)?.Type ?? UnitType.Department);

    private static StepState StateOf(Manuscript m, int index, ManuscriptEvent? lastStop) => m.Status switch
    {
        ManuscriptStatus.Approved => StepState.Done,
        ManuscriptStatus.InReview => index < m.CurrentStep ? StepState.Done : index == m.CurrentStep ? StepState.Current : StepState.Pending,
        ManuscriptStatus.Returned or ManuscriptStatus.Rejected when lastStop?.Step is { } stop =>
            index + 1 < stop ? StepState.Done
            : index + 1 == stop ? (m.Status == ManuscriptStatus.Returned ? StepState.Returned : StepState.Rejected)
            : StepState.Pending,
        _ => StepState.Pending,
    };
}
