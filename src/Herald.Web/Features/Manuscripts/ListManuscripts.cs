using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>
/// 稿件查询条件。from/to 为报送日期（北京时间，含当日）；sort 为 updatedAt（默认）|submittedAt|title|unit|status|eventDate，
/// dir 为 asc|desc。
/// </summary>
public sealed record ManuscriptQuery(
    string? Status = null,
    long? UnitId = null,
    string? From = null,
    string? To = null,
    string? Q = null,
    bool Mine = false,
    int Page = 1,
    int PageSize = 20,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

/// <summary>稿件列表：只含调用者可见的稿件，默认按最近更新倒序分页；导出为同一查询的全部行。</summary>
public sealed class ListManuscripts([ReadReplica] HeraldDbContext db, CurrentUser current)
{
    public const string DefaultSort = "updatedAt";

    /// <summary>可排序的列（白名单）。同值的按编号倒序，翻页稳定。</summary>
    public static readonly SortKeys<Manuscript> Sorting = new SortKeys<Manuscript>()
        .Add("updatedAt", m => m.UpdatedAt, descending: true)
        .Add("submittedAt", m => m.SubmittedAt, descending: true)
        .Add("title", m => m.Title)
        .Add("unit", m => m.UnitId)
        .Add("status", m => m.Status, then: m => m.UpdatedAt)
        .Add("eventDate", m => m.EventDate, descending: true);

    public static TableSort SortOf(ManuscriptQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<ManuscriptListItem>> HandleAsync(ManuscriptQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var page = PageRequest.From(query);
        var q = await FilteredAsync(query, me, ct);
        var total = await q.CountCappedAsync(page, ct);
        // 先取本页的编号（过滤和排序只用索引），再读这些行的列。
        var ids = await Sorted(q, query).TakePage(page).Select(m => m.Id).ToListAsync(ct);
        var rows = await db.Manuscripts.AsNoTracking().Where(m => ids.Contains(m.Id)).ToRows(db).ToItemsAsync(me.Tree, ct);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return rows.OrderBy(r => position[r.Id]).ToList().ToPage(page, total);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页。</summary>
    public async Task<IAsyncEnumerable<ManuscriptListItem>> ExportAsync(ManuscriptQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = Sorted(await FilteredAsync(query, me, ct), query);
        var tree = me.Tree;
        return await ListExport.RowsAsync(q.ToRows(db), r => r.ToItem(tree), ct);
    }

    private async Task<IQueryable<Manuscript>> FilteredAsync(ManuscriptQuery query, UserContext me, CancellationToken ct)
    {
        SortOf(query);
        var q = await db.Manuscripts.AsNoTracking().VisibleInListsAsync(db.Manuscripts.AsNoTracking(), me, ct);
        return ApplyFilters(q, query, me);
    }

    private static IOrderedQueryable<Manuscript> Sorted(IQueryable<Manuscript> q, ManuscriptQuery query) =>
        Sorting.Apply(q, SortOf(query)).ThenByDescending(m => m.Id);

    public static IQueryable<Manuscript> ApplyFilters(IQueryable<Manuscript> q, ManuscriptQuery query, UserContext me)
    {
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!ManuscriptStatusCodes.TryParse(query.Status, out var status))
                throw AppException.Invalid("status", "Manuscript.UnknownStatus", query.Status);
            // 按更新时间或状态排序时，(状态, 更新时间) 索引正好给出顺序；按其他列排序时，那一列自己的索引更快（每个状态都占
            // 一大部分稿件：按状态索引取出几十万行再排序要几秒），写成表达式让 SQLite 不为筛选选状态索引。
            var code = (int)status;
            q = SortOf(query).Key is DefaultSort or "status"
                ? q.Where(m => m.Status == status)
                : q.Where(m => (int)m.Status + 0 == code);
        }
        if (query.UnitId is { } unitId)
        {
            // 含下级单位。
            var units = me.Tree.Subtree(unitId).ToArray();
            q = q.Where(m => units.Contains(m.UnitId));
        }
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(m => m.SubmittedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(m => m.SubmittedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(m => m.Title.Contains(text) || (m.StandardName != null && m.StandardName.Contains(text)));
        }
        if (query.Mine) q = q.Where(m => m.AuthorId == me.Id);
        return q;
    }
}

/// <summary>列表行的数据库投影（作者、类别已连接）；排序和分页在投影之后进行，保证顺序。</summary>
public sealed class ManuscriptListRow
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? StandardName { get; init; }
    public ManuscriptStatus Status { get; init; }
    public Importance Importance { get; init; }
    public bool Emergency { get; init; }
    public bool IsLate { get; init; }
    public long UnitId { get; init; }
    public string Author { get; init; } = "";
    public string Category { get; init; } = "";
    public Role? CurrentStepRole { get; init; }
    public DateOnly EventDate { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public DateTime? LastSubmittedAt { get; init; }
    public DateTime? ApprovedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Revision { get; init; }
}

public static class ManuscriptListProjection
{
    public static IQueryable<ManuscriptListRow> ToRows(this IQueryable<Manuscript> query, HeraldDbContext db) =>
        from m in query
        join u in db.Users on m.AuthorId equals u.Id
        join c in db.Categories on m.CategoryId equals c.Id
        select new ManuscriptListRow
        {
            Id = m.Id, Title = m.Title, StandardName = m.StandardName, Status = m.Status, Importance = m.Importance,
            Emergency = m.Emergency, IsLate = m.IsLate, UnitId = m.UnitId, Author = u.DisplayName, Category = c.Name,
            CurrentStepRole = m.CurrentStepRole, EventDate = m.EventDate, SubmittedAt = m.SubmittedAt,
            LastSubmittedAt = m.LastSubmittedAt, ApprovedAt = m.ApprovedAt, UpdatedAt = m.UpdatedAt, Revision = m.Revision,
        };

    /// <summary>执行查询；单位名称来自组织树快照。</summary>
    public static async Task<List<ManuscriptListItem>> ToItemsAsync(this IQueryable<ManuscriptListRow> rows, OrgTree tree, CancellationToken ct)
    {
        var list = await rows.ToListAsync(ct);
        return list.Select(r => r.ToItem(tree)).ToList();
    }

    public static ManuscriptListItem ToItem(this ManuscriptListRow r, OrgTree tree) =>
        new(r.Id, r.Title, r.StandardName ?? "", r.Status, r.Importance, r.Emergency, r.IsLate, r.UnitId, tree.Find(r.UnitId)?.Name ?? "",
            r.Author, r.Category, r.CurrentStepRole, r.EventDate, r.SubmittedAt, r.UpdatedAt, r.Revision);
}
