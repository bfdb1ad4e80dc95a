using Herald.Domain.Auditing;
using Herald.Domain.Common;
using Herald.Domain.Identity;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Audit;

/// <summary>
/// 审计查询条件：user 人员（姓名的一部分或用户名），userId；action 操作类型（目录里的代码，如 signin.success；
/// 或一类，如 signin、manuscript）；from/to 北京时间日期（含当日）；sort 为 at（默认，倒序）|user|action，dir 为 asc|desc。
/// </summary>
public sealed record AuditQuery(
    string? User = null,
    long? UserId = null,
    string? Action = null,
    string? From = null,
    string? To = null,
    int Page = 1,
    int PageSize = 50,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

/// <summary>
/// 一条审计记录。action、entityType、detail 是存档的原文；actionName、userDisplayName、entityName、detailText 是给人看的中文。
/// </summary>
public sealed record AuditItem(long Id, DateTime At, long? UserId, string? UserName, string? UserDisplayName, string Action, string ActionName,
    string? EntityType, long? EntityId, string? EntityName, string? Detail, string DetailText, string? IpAddress);

/// <summary>审计日志（审计管理员、安全管理员）：只读，默认最新的在前；导出为同一查询的全部行。</summary>
public sealed class SearchAudit(HeraldDbContext db, CurrentUser current, Messages messages, AuditLog audit)
{
    public const string DefaultSort = "at";

    /// <summary>可排序的列（白名单）；同值的按编号倒序，翻页稳定。</summary>
    public static readonly SortKeys<AuditEntry> Sorting = new SortKeys<AuditEntry>()
        .Add("at", a => a.At, descending: true)
        .Add("user", a => a.UserName)
        .Add("action", a => a.Action);

    public static TableSort SortOf(AuditQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<AuditItem>> HandleAsync(AuditQuery query, CancellationToken ct = default)
    {
        var (tree, q) = await FilteredAsync(query, ct);
        var page = PageRequest.From(query);
        var total = await q.CountCappedAsync(page, ct);
        var rows = await Rows(Sorted(q, query).TakePage(page)).ToListAsync(ct);
        await LogReadAsync("audit.read", query, ct);
        return rows.Select(r => Item(r, tree)).ToList().ToPage(page, total);
    }

    /// <summary>导出：与列表相同的筛选和排序，不分页。</summary>
    public async Task<IAsyncEnumerable<AuditItem>> ExportAsync(AuditQuery query, CancellationToken ct = default)
    {
        var (tree, q) = await FilteredAsync(query, ct);
        await LogReadAsync("audit.export", query, ct);
        return await ListExport.RowsAsync(Rows(Sorted(q, query)), r => Item(r, tree), ct);
    }

    /// <summary>查阅审计日志本身也记入审计（议题 9 第 10 项）：谁、按什么条件看了或导出了。</summary>
    private async Task LogReadAsync(string action, AuditQuery query, CancellationToken ct)
    {
        var filter = string.Join("; ", new[] { ("user", query.User), ("action", query.Action), ("from", query.From), ("to", query.To) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1} {f.Item2!.Trim()}"));
        audit.Add(action, detail: filter.Length == 0 ? null : filter);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(OrgTree Tree, IQueryable<AuditEntry> Query)> FilteredAsync(AuditQuery query, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanAudit);
        SortOf(query);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var text = query.User.Trim();
            var name = UserAccount.NormalizeUserName(text);
            var people = db.Users.Where(u => u.UserName == name || u.DisplayName.Contains(text)).Select(u => (long?)u.Id);
            q = q.Where(a => a.UserName == name || people.Contains(a.UserId));
        }
        if (query.UserId is { } userId) q = q.Where(a => a.UserId == userId);
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var code = query.Action.Trim().ToLowerInvariant();
            if (AuditActions.All.Contains(code))
            {
                q = q.Where(a => a.Action == code);
            }
            else if (AuditActions.Areas.FirstOrDefault(a => a.Key == code) is { } area)
            {
                var codes = area.Codes.ToArray();
                q = q.Where(a => codes.Contains(a.Action));
            }
            else
            {
                throw AppException.Invalid("action", "Audit.UnknownAction", query.Action);
            }
        }
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(a => a.At >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }
        return (me.Tree, q);
    }

    /// <summary>同值的按编号排：按时间排时与时间同向（同一时刻写下的记录保持写下的先后），其他列倒序。</summary>
    private static IOrderedQueryable<AuditEntry> Sorted(IQueryable<AuditEntry> q, AuditQuery query)
    {
        var sort = SortOf(query);
        var sorted = Sorting.Apply(q, sort);
        return sort.Key == "at" && !sort.Descending ? sorted.ThenBy(a => a.Id) : sorted.ThenByDescending(a => a.Id);
    }

    /// <summary>
    /// 人员的姓名、对象的名称在同一条查询里取（单位名称取自组织树）。稿件、舆情事件只显示编号和链接，不显示标题：
    /// 审计日志给管理员看，三员分立下管理员不看内容（议题 9 第 10 项）。
    /// </summary>
    private IQueryable<AuditRow> Rows(IQueryable<AuditEntry> ordered) =>
        from a in ordered
        select new AuditRow
        {
            Id = a.Id, At = a.At, UserId = a.UserId, UserName = a.UserName, Action = a.Action, EntityType = a.EntityType,
            EntityId = a.EntityId, Detail = a.Detail, IpAddress = a.IpAddress,
            UserDisplayName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            EntityName =
                a.EntityType == "User" ? db.Users.Where(u => u.Id == a.EntityId).Select(u => u.DisplayName).FirstOrDefault()
                : a.EntityType == "Bulletin" ? db.Bulletins.Where(b => b.Id == a.EntityId).Select(b => b.Title).FirstOrDefault()
                : a.EntityType == "Category" ? db.Categories.Where(c => c.Id == a.EntityId).Select(c => c.Name).FirstOrDefault()
                : null,
        };

    private AuditItem Item(AuditRow r, OrgTree tree)
    {
        var entityName = r.EntityType == "Unit" && r.EntityId is { } unitId && tree.Find(unitId) is not null ? tree.PathName(unitId) : r.EntityName;
        return new AuditItem(r.Id, r.At, r.UserId, r.UserName, r.UserDisplayName, r.Action, AuditActions.Name(messages, r.Action),
            r.EntityType, r.EntityId, entityName, r.Detail, AuditDetails.Readable(r.Detail, messages, tree), r.IpAddress);
    }

    /// <summary>审计记录连同人员姓名、对象名称（数据库投影）。</summary>
    private sealed class AuditRow
    {
        public long Id { get; init; }
        public DateTime At { get; init; }
        public long? UserId { get; init; }
        public string? UserName { get; init; }
        public string? UserDisplayName { get; init; }
        public string Action { get; init; } = "";
        public string? EntityType { get; init; }
        public long? EntityId { get; init; }
        public string? EntityName { get; init; }
        public string? Detail { get; init; }
        public string? IpAddress { get; init; }
    }
}
