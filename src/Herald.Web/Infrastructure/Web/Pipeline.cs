using Herald.Web.Components.Shared;
using Herald.Web.Infrastructure.Localization;

namespace Herald.Web.Infrastructure.Web;

public static class Pipeline
{
    public static WebApplication UseHeraldPipeline(this WebApplication app)
    {
        // 最先：之后的一切（审计、限流、HTTPS 判断）都看到真实的客户端地址与协议。
        app.UseForwardedHeaders();
        // 最外层：看到异常处理后的最终状态码（访问被拒、导出、下载记入审计）。
        app.UseMiddleware<Audit.AccessAudit>();
        app.UseExceptionHandler();
        app.UseEmptyQueryValuesAsAbsent();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.ContentType is not null) return;
            if (HeraldExceptionHandler.IsApi(http))
            {
                var kind = http.Response.StatusCode switch
                {
                    404 => ProblemKind.NotFound,
                    403 => ProblemKind.Forbidden,
                    401 => ProblemKind.Unauthorized,
                    413 => ProblemKind.TooLarge,
                    _ => ProblemKind.Validation,
                };
                var code = http.Response.StatusCode switch
                {
                    415 => "UnsupportedMediaType",
                    405 => "MethodNotAllowed",
                    _ => kind == ProblemKind.Validation ? "BadRequest" : kind.ToString(),
                };
                var problems = http.RequestServices.GetRequiredService<ProblemWriter>();
                var problem = problems.Create(http, kind, code);
                problem.Status = http.Response.StatusCode;
                await ProblemWriter.WriteAsync(http, problem);
                return;
            }
            if (http.Response.StatusCode is 404 or 403 && !http.Request.Headers.ContainsKey("HX-Request"))
            {
                var messages = http.RequestServices.GetRequiredService<Messages>();
                var status = http.Response.StatusCode;
                await PageChrome.PrepareAsync(http);
                await Pages.Render(new ErrorPageModel(status, messages.Error(status == 404 ? "NotFound" : "Forbidden")), status).ExecuteAsync(http);
            }
        });
        app.UseSecurityHeaders();
        app.UseNoStoreForApiAndDownloads();
        app.UseRequestLocalization();
        app.UseRequestSizeLimit();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedWebRoot(),
            OnPrepareResponse = ctx =>
            {
                // 带版本号的静态文件可长期缓存。
                if (ctx.Context.Request.Query.ContainsKey("v"))
                    ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // 在认证之后：按令牌、按用户限流。
        app.UseRateLimiter();
        app.UseMustChangePassword();
        app.UseAntiforgery();
        app.UseCleanInputText();
        return app;
    }
}
