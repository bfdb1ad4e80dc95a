using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Infrastructure.Web;

/// <summary>页面端点返回服务器渲染的 Razor 组件。</summary>
public static class Pages
{
    /// <summary>类型化的页面模型：页面组件由模型的类型决定，模型作为组件的 Model 参数传入（不用匿名对象）。</summary>
    public static RazorComponentResult<TPage> Render<TPage>(IPageModel<TPage> model, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };

    /// <summary>只允许跳回本站路径，防止开放重定向。</summary>
    public static string SafeLocal(string? url, string fallback = "/") =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !HasControlCharacters(url)
            ? url
            : fallback;

    /// <summary>控制字符（如 /%09/x 里的制表符）：LocalRedirect 拒绝这种地址，浏览器会把它当成别的站点。</summary>
    public static bool HasControlCharacters(string url) => url.Any(char.IsControl);
}

/// <summary>
/// 一个页面组件的模型（端点算好、组件只读）。页面组件声明 <c>[Parameter, EditorRequired] public TModel Model</c>；
/// 架构测试检查每个实现都对得上。
/// </summary>
public interface IPageModel<TPage> where TPage : IComponent;
