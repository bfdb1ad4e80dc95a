using Herald.Domain.Common;
using Herald.Web.Components.Shared;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 统一错误出口：API 得到 ProblemDetails（中文 detail），页面得到中文错误页。
/// 未预料的异常记录日志，只给用户一句通用说明。
/// </summary>
public sealed class HeraldExceptionHandler(ProblemWriter problems, ILogger<HeraldExceptionHandler> logger) : IExceptionHandler
{
    public const string StorageRetryAfterSeconds = "60";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        exception = InputText.FromJson(exception) ?? exception;
        var (kind, code) = Classify(exception);
        if (kind is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            kind = ProblemKind.Conflict;
            code = "Unknown";
        }
        else if (kind == ProblemKind.Unavailable)
        {
            logger.LogError(exception, "Storage cannot be written: {Method} {Path} answered 503", http.Request.Method, http.Request.Path);
        }

        // The request as a whole was over the limit: say what the limits are (they follow configuration).
        if (code == "Upload.RequestTooLarge") exception = RequestTooLarge(http);

        var problem = exception is AppException or DomainException or ValidationFailedException
            ? problems.Create(http, exception)
            : problems.Create(http, kind.Value, code);
        if (code == "Unknown") problem.Status = StatusCodes.Status500InternalServerError;
        RateLimits.RateLimitServices.SetRetryAfter(http, exception);
        // 存储不可写多半要等运维处理：告诉客户端（和代理）一分钟后再试，而不是立刻重发。
        if (kind == ProblemKind.Unavailable) http.Response.Headers.RetryAfter = StorageRetryAfterSeconds;

        if (IsApi(http))
        {
            await ProblemWriter.WriteAsync(http, problem);
            return true;
        }

        http.Response.StatusCode = problem.Status ?? 500;
        var page = Pages.Render(new ErrorPageModel(problem.Status ?? 500, problem.Detail ?? ""), problem.Status ?? 500);
        await PageChrome.PrepareAsync(http);
        await page.ExecuteAsync(http);
        return true;
    }

    private static AppException RequestTooLarge(HttpContext http)
    {
        var uploads = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeraldOptions>>().Value.Uploads;
        return new AppException(ProblemKind.TooLarge, "Upload.RequestTooLarge", null,
            Files.SizeText.Format(uploads.MaxFormBytes), Herald.Domain.Submission.Manuscript.MaxPhotos, Files.SizeText.Format(uploads.MaxFileBytes));
    }

    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    /// <summary>已知的错误归类；未知返回 null。</summary>
    public static (ProblemKind? Kind, string Code) Classify(Exception exception) => exception switch
    {
        AppException app => (app.Kind, app.Code),
        ValidationFailedException { InnerException: AppException or DomainException } wrapped => Classify(wrapped.InnerException!),
        ValidationFailedException many => (ProblemKind.Validation, many.Message),
        DomainException domain => (ProblemWriter.KindOf(domain.Kind), domain.Code),
        DbUpdateConcurrencyException => (ProblemKind.Conflict, "Concurrency"),
        AntiforgeryValidationException => (ProblemKind.Validation, "Csrf"),
        BadHttpRequestException { InnerException: AntiforgeryValidationException } => (ProblemKind.Validation, "Csrf"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ProblemKind.TooLarge, "Upload.RequestTooLarge"),
        BadHttpRequestException { InnerException: InvalidDataException } => (ProblemKind.TooLarge, "Upload.RequestTooLarge"),
        BadHttpRequestException => (ProblemKind.Validation, "BadRequest"),
        _ when DbErrors.IsStorageFailure(exception) => (ProblemKind.Unavailable, "Storage.Unavailable"),
        _ when FileStoreErrors.IsStorageFailure(exception) => (ProblemKind.Unavailable, "Storage.FilesUnavailable"),
        InvalidDataException => (ProblemKind.TooLarge, "Upload.RequestTooLarge"),
        OperationCanceledException => (ProblemKind.Conflict, "Cancelled"),
        _ => (null, "Unknown"),
    };
}
