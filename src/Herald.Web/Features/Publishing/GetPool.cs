using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 采编池的查询：editorial 采编状态（空为待采编，pending|published|not_used|all），unitId（含下级），categoryId，
/// from/to 审定日期（北京时间，含当日），q 标题关键词；sort 为 approvedAt（默认，倒序）|submittedAt|title|unit|eventDate。
/// </summary>
public sealed record PoolQuery(
    string? Editorial = null,
    long? UnitId = null,
    long? CategoryId = null,
    string? From = null,
    string? To = null,
    string? Q = null,
    int Page = 1,
    int PageSize = 20,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

/// <summary>
/// 采编池：宣传办、主要负责人、领导所辖单位已审定的稿件，默认按审定时间倒序。默认只列待采编的（等待宣传办处理），
/// 可按采编状态（待采编、已发布、不采用、全部）、单位（含下级）、类别、审定日期、标题筛选；导出为同一查询的全部行。
/// </summary>
public sealed class GetPool([ReadReplica] HeraldDbContext db, CurrentUser current)
{
    /// <summary>采编状态筛选的取值；"all" 为全部已审定稿件。</summary>
    public const string AllStates = "all";

    public const string DefaultSort = "approvedAt";

    public static readonly EditorialStatus[] States = [EditorialStatus.Pending, EditorialStatus.Published, EditorialStatus.NotUsed];

    /// <summary>可排序的列（白名单）；同值的按编号，翻页稳定。</summary>
    public static readonly SortKeys<ManuscriptListRow> Sorting = new SortKeys<ManuscriptListRow>()
        .Add(DefaultSort, m => m.ApprovedAt, descending: true)
        .Add("submittedAt", m => m.SubmittedAt, descending: true)
        .Add("title", m => m.Title)
        .Add("unit", m => m.UnitId)
        .Add("eventDate", m => m.EventDate, descending: true);

    public static TableSort SortOf(PoolQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<ManuscriptListItem>> HandleAsync(PoolQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = Filtered(query, me);
        var page = PageRequest.From(query);
        var total = await q.CountAllAsync(ct);
        var rows = await Sorted(q.ToRows(db), query).TakePage(page).ToItemsAsync(me.Tree, ct);
        return rows.ToPage(page, total);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页。</summary>
    public async Task<IAsyncEnumerable<ManuscriptListItem>> ExportAsync(PoolQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var rows = Sorted(Filtered(query, me).ToRows(db), query);
        var tree = me.Tree;
        return await ListExport.RowsAsync(rows, r => r.ToItem(tree), ct);
    }

    /// <summary>采编池的范围：用户以宣传办、主要负责人、领导身份所辖单位的已审定稿件（首页的数字用同一范围）。</summary>
    public static IQueryable<Manuscript> InPool(IQueryable<Manuscript> manuscripts, UserContext me)
    {
        return manuscripts.Where(m => m.Status == ManuscriptStatus.Approved).InUnits(UnitScope.Oversight(me), me.Tree, m => m.UnitId);
    }

    /// <summary>空为待采编，"all" 为不限；其余按采编状态代码（pending、published、not_used）。</summary>
    public static EditorialStatus? ParseEditorial(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return EditorialStatus.Pending;
        if (trimmed.Equals(AllStates, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var state in States)
        {
            if (trimmed.Equals(Wire.Code(state), StringComparison.OrdinalIgnoreCase)) return state;
        }
        throw AppException.Invalid("editorial", "Publishing.UnknownCode", trimmed,
            string.Join("|", States.Select(s => Wire.Code(s)).Append(AllStates)));
    }

    private IQueryable<Manuscript> Filtered(PoolQuery query, UserContext me)
    {
        me.Require(me.HasAny(Role.Office, Role.Principal, Role.Viewer));
        SortOf(query);
        var q = InPool(db.Manuscripts.AsNoTracking(), me);
        if (ParseEditorial(query.Editorial) is { } state) q = q.Where(m => m.Editorial == state);
        q = ListManuscripts.ApplyFilters(q, new ManuscriptQuery(UnitId: query.UnitId, Q: query.Q), me);
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = Domain.Common.ChinaTime.StartOfDayUtc(from);
            q = q.Where(m => m.ApprovedAt >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = Domain.Common.ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(m => m.ApprovedAt < end);
        }
        if (query.CategoryId is { } cid) q = q.Where(m => m.CategoryId == cid);
        return q;
    }

    private static IOrderedQueryable<ManuscriptListRow> Sorted(IQueryable<ManuscriptListRow> rows, PoolQuery query)
    {
        var sort = SortOf(query);
        var sorted = Sorting.Apply(rows, sort);
        return sort.Descending ? sorted.ThenByDescending(m => m.Id) : sorted.ThenBy(m => m.Id);
    }
}
