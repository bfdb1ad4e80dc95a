using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Infrastructure.Web;

/// <summary>页面端点返回服务器渲染的 Razor 组件。</summary>
public static class Pages
{
    public static RazorComponentResult<T> Render<T>(object? parameters = null, int status = StatusCodes.Status200OK)
        where T : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };

    /// <summary>只允许跳回本站路径，防止开放重定向。</summary>
    public static string SafeLocal(string? url, string fallback = "/") =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
