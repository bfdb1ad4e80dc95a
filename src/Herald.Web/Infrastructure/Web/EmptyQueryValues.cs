using Microsoft.AspNetCore.Http.Extensions;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 筛选表单选"全部"时浏览器会发出空值（如 ?unitId=），可空数字参数无法绑定空字符串，请求会变成 400。
/// 这里在路由之前去掉查询字符串中的空值：空值与不传同义。
/// </summary>
public static class EmptyQueryValues
{
    public static IApplicationBuilder UseEmptyQueryValuesAsAbsent(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var query = http.Request.Query;
        if (query.Count > 0 && query.Any(kv => kv.Value.All(string.IsNullOrEmpty)))
        {
            var kept = new QueryBuilder();
            foreach (var (key, values) in query)
                foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)))
                    kept.Add(key, value!);
            http.Request.QueryString = kept.ToQueryString();
        }
        return next(http);
    });
}
