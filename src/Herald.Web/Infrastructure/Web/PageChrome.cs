using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Infrastructure.Web;

/// <summary>准备页面框架（菜单、未读通知、待审数）的数据；由 Shell 模块实现（docs/adr/0014）。</summary>
public interface IPageChromeLoader
{
    Task LoadAsync(HttpContext http);
}

/// <summary>
/// 整页渲染之前准备好页面框架的数据，组件只读取、不查库（ADR 0001）。页面端点由路由组上的过滤器准备，
/// 错误页由统一错误出口准备；htmx 局部刷新不需要框架，跳过。
/// </summary>
public static class PageChrome
{
    public static async Task PrepareAsync(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey("HX-Request")) return;
        if (http.RequestServices.GetService<IPageChromeLoader>() is { } loader) await loader.LoadAsync(http);
    }

    /// <summary>端点返回的是整页（Razor 组件）时，在渲染前准备框架数据；重定向、文件等不必。</summary>
    public static TBuilder WithPageChrome<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is RazorComponentResult) await PrepareAsync(context.HttpContext);
            return result;
        });
        return builder;
    }
}
