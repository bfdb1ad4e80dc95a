using System.Globalization;
using Herald.Domain.Organization;
using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Correspondents;

/// <summary>
/// 名册表格的查询：view 为 active（在册，默认）|history（已免去）；unitId 含下级；q 按姓名、电话、关联账号；
/// sort 为 unit（组织树顺序，默认）|name|appointedOn|endedOn。
/// </summary>
public sealed record CorrespondentQuery(
    string? View = null,
    long? UnitId = null,
    string? Q = null,
    int Page = 1,
    int PageSize = 20,
    string? Sort = null,
    string? Dir = null) : IPagedQuery
{
    public bool History => string.Equals(View, "history", StringComparison.OrdinalIgnoreCase);
}

/// <summary>名册的一行及其单位在组织树里的位置（按单位排序用）和姓名的排序键（按姓名排序时才算）。</summary>
public sealed record CorrespondentRow(CorrespondentItem Item, int UnitOrder, NameOrder Name = default);

/// <summary>
/// 姓名按当前语言的顺序（中文按拼音）。先为每个姓名算一次排序键、再逐字节比较：直接用语言比较排五千个姓名
/// 要比较六万次（省级名册一页 40–60 毫秒），排序键只算五千次。
/// </summary>
public readonly record struct NameOrder(SortKey? Key) : IComparable<NameOrder>
{
    public static NameOrder Of(string name, CompareInfo compare) => new(compare.GetSortKey(name));

    public int CompareTo(NameOrder other) => Key is null || other.Key is null ? 0 : SortKey.Compare(Key, other.Key);
}

/// <summary>
/// 名册（在册或历史）作为数据表：在名册上筛选、排序、分页。名册按单位一人左右，省级也不过上万行，在内存里处理
/// （组织树顺序本来就只在内存里有）。
/// </summary>
public static class CorrespondentTable
{
    public const string DefaultSort = "unit";

    public static readonly SortKeys<CorrespondentRow> Sorting = new SortKeys<CorrespondentRow>()
        .Add("unit", r => r.UnitOrder)
        .Add("name", r => r.Name)
        .Add("appointedOn", r => r.Item.AppointedOn, descending: true)
        .Add("endedOn", r => r.Item.EndedOn, descending: true);

    public static TableSort SortOf(CorrespondentQuery query) => Sorting.Resolve(PageRequest.From(query), DefaultSort);

    /// <summary>筛选并排序（不分页）。</summary>
    public static IReadOnlyList<CorrespondentItem> Rows(CorrespondentRegistry registry, CorrespondentQuery query, OrgTree tree)
    {
        var sort = SortOf(query);
        if (query.View is { Length: > 0 } view && !view.Equals("active", StringComparison.OrdinalIgnoreCase) && !query.History)
            throw AppException.Invalid("view", "Corr.UnknownView", view);
        var items = query.History ? registry.Ended : registry.Active;
        var order = tree.Flatten().Select((x, i) => (x.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        IEnumerable<CorrespondentItem> rows = items;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var text = query.Q.Trim();
            rows = rows.Where(c => c.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || c.Phone.Contains(text, StringComparison.Ordinal)
                                   || (c.UserName?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
        }
        var compare = CultureInfo.CurrentCulture.CompareInfo;
        var byName = sort.Key == "name";
        var ranked = rows.Select(c => new CorrespondentRow(c, order.GetValueOrDefault(c.UnitId, int.MaxValue),
            byName ? NameOrder.Of(c.Name, compare) : default)).AsQueryable();
        return Sorting.Apply(ranked, sort).ThenBy(r => r.Item.Id).Select(r => r.Item).ToList();
    }

    public static PagedResult<CorrespondentItem> Page(CorrespondentRegistry registry, CorrespondentQuery query, OrgTree tree)
    {
        var rows = Rows(registry, query, tree);
        var page = PageRequest.From(query);
        return rows.Skip(page.Skip).Take(page.Size).ToList().ToPage(page, new PageTotal(rows.Count, false));
    }

    /// <summary>导出的列：日期为北京时间的日期，关联账号写姓名和用户名。</summary>
    public static ExportColumns<CorrespondentItem> Columns(Messages t) => new ExportColumns<CorrespondentItem>()
        .Text(t["Field.Unit"], c => c.UnitPath, 32)
        .Text(t["Corr.Name"], c => c.Name, 10)
        .Text(t["Field.Position"], c => c.Position, 14)
        .Text(t["Corr.Phone"], c => c.Phone, 15)
        .Text(t["Field.Email"], c => c.Email, 24)
        .Date(t["Field.AppointedOn"], c => c.AppointedOn)
        .Date(t["Field.EndedOn"], c => c.EndedOn)
        .Text(t["Corr.LinkedAccount"], c => c.UserName is null ? "" : string.Format(t["Corr.UserLabel"], c.UserDisplayName, c.UserName), 20);
}
