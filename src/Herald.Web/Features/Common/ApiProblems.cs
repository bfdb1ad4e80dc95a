namespace Herald.Web.Features.Common;

/// <summary>
/// API 错误响应在 OpenAPI 文档里的声明（ProblemDetails：中文 detail、稳定的 code）。一组路由的错误相同时在路由组上声明一次
/// （<c>api.MapGroup(...).ProducesCommandProblems()</c>），个别路由再加自己特有的（如 413）。
/// </summary>
public static class ApiProblems
{
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }

    /// <summary>改动一个对象的命令：400 输入不合规、403 无权、404 看不到、409 状态冲突或版本过期。</summary>
    public static TBuilder ProducesCommandProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
            StatusCodes.Status409Conflict);
}
