using Microsoft.AspNetCore.WebUtilities;

namespace Herald.Web.Features.Common.Tables;

/// <summary>
/// 列表页上的链接：保留地址里的筛选条件，只改其中几项（排序、方向、每页条数、页码）。提示 notice 从不带走。
/// 筛选条件都在地址里，链接可收藏、浏览器后退即回到原样。
/// </summary>
public static class ListLinks
{
    /// <summary>每页条数的选项（页面上）；API 仍接受 1..<see cref="PageRequest.MaxSize"/>。</summary>
    public static readonly int[] PageSizes = [20, 50, 100];

    /// <summary>筛选以外的参数：换筛选时不保留页码和提示。</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.OrdinalIgnoreCase) { "page", "notice" };

    /// <summary>当前地址改动 <paramref name="changes"/> 后的链接（值为 null 即去掉该参数），页码回到第一页，除非 changes 里给了 page。</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes) =>
        Build(request.Path, request.QueryString.Value, null, changes);

    /// <summary>另一个地址（如导出）带上当前的筛选与排序（不带页码、每页条数）。</summary>
    public static string Carry(HttpRequest request, string path) =>
        Build(path, request.QueryString.Value, "pageSize", []);

    /// <summary>当前地址的筛选、排序和每页条数（表单里作隐藏字段），不含页码与 <paramref name="except"/>。</summary>
    public static IEnumerable<KeyValuePair<string, string>> State(HttpRequest request, params string[] except)
    {
        foreach (var (key, values) in QueryHelpers.ParseQuery(request.QueryString.Value))
        {
            if (Transient.Contains(key) || except.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            foreach (var value in values)
                if (!string.IsNullOrEmpty(value)) yield return new(key, value);
        }
    }

    private static string Build(string path, string? query, string? drop, (string Key, string? Value)[] changes)
    {
        var changed = changes.Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pairs = QueryHelpers.ParseQuery(query)
            .Where(kv => !Transient.Contains(kv.Key) && !changed.Contains(kv.Key) && !kv.Key.Equals(drop, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return QueryHelpers.AddQueryString(path, pairs);
    }
}
