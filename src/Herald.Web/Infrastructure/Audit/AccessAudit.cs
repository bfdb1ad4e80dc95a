using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;

namespace Herald.Web.Infrastructure.Audit;

/// <summary>
/// 记下已登录用户的访问被拒（403、404：看不到或无权的对象）、导出（.xlsx/.docx）和文件下载（带文件名的响应，如 Word 原件、
/// 舆情附件、用稿证明）。在响应写完之后、用单独的数据库上下文记录：请求自己的上下文可能还留着失败操作的半截改动。
/// 排在管道最外层，看到的是异常处理后的最终状态码；登录失败另有记录。
/// </summary>
internal sealed class AccessAudit(RequestDelegate next, IServiceScopeFactory scopes, ILogger<AccessAudit> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (Classify(http) is not { } action || http.User.FindFirst(HeraldClaims.UserId) is null) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditLog>()
                .Add(action, detail: $"{http.Request.Method} {http.Request.Path} {http.Response.StatusCode}");
            await scope.ServiceProvider.GetRequiredService<HeraldDbContext>().SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException
                                       or Microsoft.Data.Sqlite.SqliteException)
        {
            // 响应已经发出；记不下来只能写日志。
            logger.LogError(ex, "Could not audit {Action} for {Path}", action, http.Request.Path);
        }
    }

    /// <summary>要记的动作；不记时为 null。</summary>
    public static string? Classify(HttpContext http)
    {
        var status = http.Response.StatusCode;
        if (status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound) return "access.denied";
        if (status != StatusCodes.Status200OK) return null;
        var path = http.Request.Path.Value ?? "";
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            return "export";
        return http.Response.Headers.ContentDisposition.Count > 0 ? "file.download" : null;
    }
}
