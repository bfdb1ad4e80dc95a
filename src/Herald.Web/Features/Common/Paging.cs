using System.Linq.Expressions;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Common;

/// <summary>列表查询的分页参数（API 与页面的查询字符串：page、pageSize，将来 sort、dir）。</summary>
public interface IPagedQuery
{
    int Page { get; }

    int PageSize { get; }

    /// <summary>排序键（按各列表的白名单 <see cref="SortKeys{T}"/> 解析）；空为列表的默认顺序。</summary>
    string? Sort => null;

    /// <summary>asc 或 desc；空为该排序键的默认方向。</summary>
    string? Dir => null;
}

/// <summary>一页的请求：页码从 1 起，每页条数夹在 1..<see cref="MaxSize"/>。</summary>
public sealed record PageRequest(int Page, int Size, string? Sort = null, string? Dir = null)
{
    public const int MaxSize = 100;

    /// <summary>
    /// 计数到此为止（且至少数到当前页之后十页）：省级宣传办能看到上百万行，精确计数要几秒，而没有人会翻到那么远。
    /// </summary>
    public const int CountCap = 10_000;

    public static PageRequest Of(int page, int pageSize, string? sort = null, string? dir = null) =>
        new(Math.Max(1, page), Math.Clamp(pageSize, 1, MaxSize), string.IsNullOrWhiteSpace(sort) ? null : sort.Trim(),
            string.IsNullOrWhiteSpace(dir) ? null : dir.Trim());

    public static PageRequest From(IPagedQuery query) => Of(query.Page, query.PageSize, query.Sort, query.Dir);

    public int Skip => (Page - 1) * Size;

    /// <summary>有上限的计数最多数到几行。</summary>
    public int CountLimit => Math.Max(CountCap, (Page + 10) * Size);
}

/// <summary>一页结果的页码信息（数据表的工具栏、分页用，与行的类型无关）。</summary>
public interface IPageInfo
{
    int Page { get; }

    int PageSize { get; }

    int Total { get; }

    bool TotalCapped { get; }

    int PageCount { get; }
}

/// <summary>一页结果。TotalCapped：总数只数到 Total（实际更多），见 <see cref="PageRequest.CountCap"/>。</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalCapped = false) : IPageInfo
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    public static PagedResult<T> Empty(PageRequest page) => new([], page.Page, page.Size, 0);
}

/// <summary>总数：精确的，或数到上限为止（<see cref="Capped"/> 时实际更多）。</summary>
public readonly record struct PageTotal(int Count, bool Capped);

public static class Paging
{
    /// <summary>已排序的查询取这一页。</summary>
    public static IQueryable<T> TakePage<T>(this IQueryable<T> ordered, PageRequest page) => ordered.Skip(page.Skip).Take(page.Size);

    /// <summary>精确计数。</summary>
    public static async Task<PageTotal> CountAllAsync<T>(this IQueryable<T> query, CancellationToken ct) =>
        new(await query.CountAsync(ct), false);

    /// <summary>有上限的计数（大列表）：数到 <see cref="PageRequest.CountLimit"/> 为止。</summary>
    public static async Task<PageTotal> CountCappedAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var limit = page.CountLimit;
        var counted = await query.Take(limit + 1).CountAsync(ct);
        return new PageTotal(Math.Min(counted, limit), counted > limit);
    }

    public static PagedResult<T> ToPage<T>(this IReadOnlyList<T> items, PageRequest page, PageTotal total) =>
        new(items, page.Page, page.Size, total.Count, total.Capped);

    /// <summary>精确计数并取这一页（行在数据库里投影好）。</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct)
    {
        var total = await ordered.CountAllAsync(ct);
        var items = await ordered.TakePage(page).ToListAsync(ct);
        return items.ToPage(page, total);
    }
}

/// <summary>
/// 一个列表允许的排序键（白名单）：sort=submittedAt&amp;dir=desc。不在名单上的键或方向是 400，而不是 500 或被悄悄忽略。
/// 调用方在结果上再加唯一的次序（通常 ThenByDescending(x =&gt; x.Id)），翻页才稳定。
/// </summary>
public sealed class SortKeys<T>
{
    private readonly Dictionary<string, (Func<IQueryable<T>, bool, IOrderedQueryable<T>> Apply, bool Descending)> keys =
        new(StringComparer.OrdinalIgnoreCase);

    /// <param name="key">查询字符串里的键（camelCase，与 JSON 字段同名）。</param>
    /// <param name="descending">只给 sort 不给 dir 时的方向。</param>
    public SortKeys<T> Add<TKey>(string key, Expression<Func<T, TKey>> by, bool descending = false)
    {
        keys[key] = ((q, desc) => desc ? q.OrderByDescending(by) : q.OrderBy(by), descending);
        return this;
    }

    /// <summary>
    /// 按 <paramref name="by"/> 排、同值再按 <paramref name="then"/> 同方向排：取值很少的列（如状态）与其后的列合起来才对得上
    /// 一个索引，数据库顺着索引一次读出一页，而不必把同值的一大组行再排一遍。
    /// </summary>
    public SortKeys<T> Add<TKey, TThen>(string key, Expression<Func<T, TKey>> by, Expression<Func<T, TThen>> then, bool descending = false)
    {
        keys[key] = ((q, desc) => desc ? q.OrderByDescending(by).ThenByDescending(then) : q.OrderBy(by).ThenBy(then), descending);
        return this;
    }

    public IReadOnlyCollection<string> Names => keys.Keys;

    /// <summary>请求的排序（键与方向），名单外的 400；请求里没有排序键时用 <paramref name="defaultKey"/>。</summary>
    public TableSort Resolve(PageRequest page, string defaultKey)
    {
        var name = page.Sort ?? defaultKey;
        if (!keys.TryGetValue(name, out var key))
            throw AppException.Invalid("sort", "Paging.UnknownSort", name, string.Join("|", keys.Keys));
        var descending = page.Dir?.ToLowerInvariant() switch
        {
            null => key.Descending,
            "asc" => false,
            "desc" => true,
            _ => throw AppException.Invalid("dir", "Paging.UnknownDirection", page.Dir),
        };
        return new TableSort(keys.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)), descending);
    }

    /// <summary>按请求排序；请求里没有排序键时用 <paramref name="defaultKey"/>。</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest page, string defaultKey) => Apply(query, Resolve(page, defaultKey));

    /// <summary>按已解析的排序。</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, TableSort sort) => keys[sort.Key].Apply(query, sort.Descending);
}

/// <summary>生效的排序：白名单里的键和方向（数据表的表头据此显示箭头）。</summary>
public sealed record TableSort(string Key, bool Descending)
{
    public string Dir => Descending ? "desc" : "asc";
}
