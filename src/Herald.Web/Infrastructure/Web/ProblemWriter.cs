using Herald.Domain.Common;
using Herald.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Infrastructure.Web;

/// <summary>API 错误：ProblemDetails，detail 为当前语言（默认中文）的说明，code 为稳定的错误代码。</summary>
public sealed class ProblemWriter
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status400BadRequest,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemKind KindOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => ProblemKind.Validation,
        DomainErrorKind.Forbidden => ProblemKind.Forbidden,
        _ => ProblemKind.Conflict,
    };

    public ProblemDetails Create(HttpContext http, ProblemKind kind, string code, string? field = null, params object[] args)
    {
        var messages = http.RequestServices.GetRequiredService<Messages>();
        var status = StatusOf(kind);
        var detail = messages.Error(code, args);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = messages["Problem.Title." + kind],
            Detail = detail,
            Type = "https://herald.invalid/problems/" + code,
            Instance = http.Request.Path,
        };
        problem.Extensions["code"] = code;
        if (field is not null)
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [Camel(field)] = [detail] };
        return problem;
    }

    public ProblemDetails Create(HttpContext http, Exception exception) => exception switch
    {
        ValidationFailedException { InnerException: AppException or DomainException } wrapped => Create(http, wrapped.InnerException!),
        ValidationFailedException many => CreateValidation(http, many.Errors),
        AppException app => Create(http, app.Kind, app.Code, app.Field, app.Args),
        DomainValidationException v => Create(http, ProblemKind.Validation, v.Code, v.Field, v.Args),
        DomainException d => Create(http, KindOf(d.Kind), d.Code, null, d.Args),
        _ => Create(http, ProblemKind.Conflict, "Unknown"),
    };

    /// <summary>400：detail 为第一条错误，errors 列出每个字段的全部错误。</summary>
    public ProblemDetails CreateValidation(HttpContext http, IReadOnlyList<FieldError> errors)
    {
        var messages = http.RequestServices.GetRequiredService<Messages>();
        var first = errors.Count > 0 ? errors[0] : new FieldError("", "BadRequest");
        var problem = Create(http, ProblemKind.Validation, first.Code, null, first.Args);
        problem.Extensions["errors"] = errors
            .GroupBy(e => Camel(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => messages.Error(e.Code, e.Args)).ToArray());
        return problem;
    }

    public Task WriteAsync(HttpContext http, ProblemKind kind, string code, string? field = null, params object[] args) =>
        WriteAsync(http, Create(http, kind, code, field, args));

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? 500;
        await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    private static string Camel(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
