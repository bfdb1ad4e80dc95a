using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reviews;

/// <summary>
/// 待我审核的查询：q 标题关键词，unitId 稿件单位（含下级），step 审核级别（unit_head|supervising_leader|principal），
/// from/to 报送日期（北京时间，含当日）；sort 为 queue（默认：紧急在前，其余先报先审）|submittedAt|title|unit|step。
/// </summary>
public sealed record ReviewInboxQuery(
    string? Q = null,
    long? UnitId = null,
    string? Step = null,
    string? From = null,
    string? To = null,
    int Page = 1,
    int PageSize = 20,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

/// <summary>待我审核：紧急稿件在前，其余按报送先后（先报先审），可筛选、排序、分页；附各审核级别的数量（不受筛选影响）。</summary>
public sealed class GetReviewInbox(HeraldDbContext db, CurrentUser current)
{
    public const string DefaultSort = "queue";

    /// <summary>审核级别（step 筛选的取值）。</summary>
    public static readonly Role[] Steps = [Role.UnitHead, Role.SupervisingLeader, Role.Principal];

    /// <summary>可排序的列（白名单）；同值的按编号，翻页稳定。</summary>
    public static readonly SortKeys<ManuscriptListRow> Sorting = new SortKeys<ManuscriptListRow>()
        .Add(DefaultSort, m => m.Emergency, descending: true)
        .Add("submittedAt", m => m.SubmittedAt)
        .Add("title", m => m.Title)
        .Add("unit", m => m.UnitId)
        .Add("step", m => m.CurrentStepRole);

    public static TableSort SortOf(ReviewInboxQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<ReviewInbox> HandleAsync(ReviewInboxQuery? query = null, CancellationToken ct = default)
    {
        query ??= new ReviewInboxQuery();
        var me = await current.GetAsync(ct);
        var page = PageRequest.From(query);
        var awaiting = db.Manuscripts.AsNoTracking().AwaitingReviewBy(me);
        var filtered = Filtered(awaiting, query, me);
        var counts = await awaiting.GroupBy(m => m.CurrentStepRole)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var matched = await filtered.CountAsync(ct);
        var items = await Sorted(filtered.ToRows(db), query).TakePage(page).ToItemsAsync(me.Tree, ct);
        var byRole = counts.Where(c => c.Role is not null).ToDictionary(c => c.Role!.Value, c => c.Count);
        return new ReviewInbox(items, byRole, byRole.Values.Sum(), page.Page, page.Size, matched);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页。</summary>
    public async Task<IAsyncEnumerable<ManuscriptListItem>> ExportAsync(ReviewInboxQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var rows = Sorted(Filtered(db.Manuscripts.AsNoTracking().AwaitingReviewBy(me), query, me).ToRows(db), query);
        var tree = me.Tree;
        return await ListExport.RowsAsync(rows, r => r.ToItem(tree), ct);
    }

    private static IQueryable<Manuscript> Filtered(IQueryable<Manuscript> q, ReviewInboxQuery query, UserContext me)
    {
        SortOf(query);
        if (Wire.OptionalCode<Role>(query.Step, "step") is { } step)
        {
            if (!Steps.Contains(step))
                throw AppException.Invalid("step", "Publishing.UnknownCode", query.Step!.Trim(), string.Join("|", Steps.Select(s => Wire.Code(s))));
            q = q.Where(m => m.CurrentStepRole == step);
        }
        // 单位（含下级）、报送日期、标题关键词与稿件列表同样筛选。
        return ListManuscripts.ApplyFilters(q, new ManuscriptQuery(UnitId: query.UnitId, From: query.From, To: query.To, Q: query.Q), me);
    }

    /// <summary>默认顺序即审核的先后：紧急在前，同为紧急或不紧急的先报先审（最近一次报送的时间）。</summary>
    private static IOrderedQueryable<ManuscriptListRow> Sorted(IQueryable<ManuscriptListRow> rows, ReviewInboxQuery query)
    {
        var sort = SortOf(query);
        var sorted = Sorting.Apply(rows, sort);
        if (sort.Key == DefaultSort) return sorted.ThenBy(m => m.LastSubmittedAt).ThenBy(m => m.Id);
        return sort.Descending ? sorted.ThenByDescending(m => m.Id) : sorted.ThenBy(m => m.Id);
    }
}
