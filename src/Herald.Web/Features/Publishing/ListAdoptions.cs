using Herald.Domain.Publishing;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Publishing;

/// <summary>
/// 用稿登记查询：status 为 pending|verified|refused（空为全部），outletId，kind 为 outlet|instruction，level 为媒体级别，
/// from/to 为用稿日期，unitId 为稿件单位（含下级），q 为稿件标题关键词；sort 为 claimedAt（默认）|adoptedOn|level|status。
/// 不按稿件的列（标题、单位）排序：那要连接全部稿件再排序，省级规模下每页一秒多（docs/benchmarks.md）。
/// </summary>
public sealed record AdoptionQuery(
    string? Status = null,
    long? OutletId = null,
    string? Kind = null,
    string? From = null,
    string? To = null,
    int Page = 1,
    int PageSize = 20,
    string? Sort = null,
    string? Dir = null,
    long? UnitId = null,
    string? Q = null,
    string? Level = null) : IPagedQuery;

/// <summary>列表的一行：登记及其稿件的标题和单位。</summary>
public sealed class AdoptionListRow
{
    public Adoption Adoption { get; init; } = default!;
    public string Title { get; init; } = "";
    public long UnitId { get; init; }
}

/// <summary>用稿登记列表：只含调用者能看到的稿件的登记（宣传办看所辖单位的，信息员看本单位的），默认按申报时间倒序分页。</summary>
public sealed class ListAdoptions(HeraldDbContext db, CurrentUser current)
{
    public const string DefaultSort = "claimedAt";

    public static readonly SortKeys<AdoptionListRow> Sorting = new SortKeys<AdoptionListRow>()
        .Add("claimedAt", x => x.Adoption.ClaimedAt, descending: true)
        .Add("adoptedOn", x => x.Adoption.AdoptedOn, descending: true)
        .Add("level", x => x.Adoption.Level)
        .Add("status", x => x.Adoption.Status);

    public static TableSort SortOf(AdoptionQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    public async Task<PagedResult<AdoptionDto>> HandleAsync(AdoptionQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = Filtered(query, me);
        var page = PageRequest.From(query);
        // 能看全部已报送稿件、又不按稿件的列筛选时，只数登记本身（只读索引），不连接稿件表。
        var total = me.SeesAllSubmitted() && query.UnitId is null && string.IsNullOrWhiteSpace(query.Q)
            ? await AdoptionFilters(db.Adoptions.AsNoTracking(), query).CountCappedAsync(page, ct)
            : await q.CountCappedAsync(page, ct);
        var rows = await Sorted(q, query).TakePage(page).ToListAsync(ct);
        var names = await EditorialRecords.NamesAsync(db, EditorialRecords.UserIds([], rows.Select(r => r.Adoption)), ct);
        var items = rows.Select(r => EditorialRecords.ToDto(r.Adoption, r.Title, r.UnitId, me.Tree, names)).ToList();
        return items.ToPage(page, total);
    }

    /// <summary>导出：与列表相同的范围、筛选和排序，不分页（申报人、核实人的姓名一次读出）。</summary>
    public async Task<IAsyncEnumerable<AdoptionDto>> ExportAsync(AdoptionQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var q = Sorted(Filtered(query, me), query);
        var names = await db.Users.AsNoTracking().Where(u => db.Adoptions.Any(a => a.ClaimedById == u.Id || a.VerifiedById == u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var tree = me.Tree;
        return await ListExport.RowsAsync(q, r => EditorialRecords.ToDto(r.Adoption, r.Title, r.UnitId, tree, names), ct);
    }

    private IQueryable<AdoptionListRow> Filtered(AdoptionQuery query, UserContext me)
    {
        SortOf(query);
        var visible = me.SeesAllSubmitted() ? db.Manuscripts.AsNoTracking() : db.Manuscripts.AsNoTracking().VisibleTo(me);
        var q = from a in AdoptionFilters(db.Adoptions.AsNoTracking(), query)
                join m in visible on a.ManuscriptId equals m.Id
                select new AdoptionListRow { Adoption = a, Title = m.Title, UnitId = m.UnitId };
        if (query.UnitId is { } unitId)
        {
            var units = me.Tree.Subtree(unitId).ToArray();
            q = q.Where(x => units.Contains(x.UnitId));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            q = q.Where(x => x.Title.Contains(text));
        }
        return q;
    }

    /// <summary>只看登记本身的条件（状态、类型、级别、媒体、用稿日期）。</summary>
    private static IQueryable<Adoption> AdoptionFilters(IQueryable<Adoption> q, AdoptionQuery query)
    {
        if (Wire.OptionalCode<AdoptionStatus>(query.Status is "all" ? null : query.Status, "status") is { } status)
            q = q.Where(a => a.Status == status);
        if (Wire.OptionalCode<AdoptionKind>(query.Kind, "kind") is { } kind) q = q.Where(a => a.Kind == kind);
        if (Wire.OptionalCode<MediaLevel>(query.Level, "level") is { } level) q = q.Where(a => a.Level == level);
        if (query.OutletId is { } outletId) q = q.Where(a => a.OutletId == outletId);
        if (Wire.OptionalDate(query.From, "from") is { } from) q = q.Where(a => a.AdoptedOn >= from);
        if (Wire.OptionalDate(query.To, "to") is { } to) q = q.Where(a => a.AdoptedOn <= to);
        return q;
    }

    /// <summary>同值的按编号，方向与排序相同：索引（列, rowid）正着或倒着读一遍即可取到一页，不必把同值的几万行再排一次。</summary>
    private static IOrderedQueryable<AdoptionListRow> Sorted(IQueryable<AdoptionListRow> q, AdoptionQuery query)
    {
        var sort = SortOf(query);
        var sorted = Sorting.Apply(q, sort);
        return sort.Descending ? sorted.ThenByDescending(x => x.Adoption.Id) : sorted.ThenBy(x => x.Adoption.Id);
    }

    /// <summary>用稿证明：稿件对调用者不可见、或没有证明时一律 404。</summary>
    public async Task<(string Hash, string FileName, string ContentType)> ProofAsync(long adoptionId, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var visible = db.Manuscripts.AsNoTracking().VisibleTo(me);
        var proof = await (from a in db.Adoptions.AsNoTracking()
                           join m in visible on a.ManuscriptId equals m.Id
                           where a.Id == adoptionId && a.ProofHash != null
                           select new { a.ProofHash, a.ProofFileName, a.ProofContentType }).FirstOrDefaultAsync(ct)
                    ?? throw Infrastructure.Web.AppException.NotFound();
        return (proof.ProofHash!, proof.ProofFileName ?? "proof", proof.ProofContentType ?? "application/octet-stream");
    }
}
