namespace Herald.Web.Infrastructure.Web;

public enum ProblemKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    Unauthorized,
    TooLarge,
    TooManyRequests,
    /// <summary>存储不能写（只读、已满、不可改）：503，稍后再试。</summary>
    Unavailable,
}

/// <summary>
/// 应用层错误（找不到、无权、输入不合规、冲突）。Code 对应资源 "Error.{Code}"；
/// API 转为 ProblemDetails，页面显示中文提示。
/// </summary>
public sealed class AppException(ProblemKind kind, string code, string? field = null, params object[] args) : Exception(code)
{
    public ProblemKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public object[] Args { get; } = args;

    /// <summary>对调用者不可见的对象一律"找不到"，不泄露其存在。</summary>
    public static AppException NotFound() => new(ProblemKind.NotFound, "NotFound");

    public static AppException Forbidden(string code = "Forbidden") => new(ProblemKind.Forbidden, code);

    public static AppException Invalid(string field, string code, params object[] args) =>
        new(ProblemKind.Validation, code, field, args);

    public static AppException Conflict(string code, params object[] args) => new(ProblemKind.Conflict, code, null, args);

    /// <summary>429：参数为"几分钟后再试"和 Retry-After 秒数。</summary>
    public static AppException TooManyRequests(TimeSpan retryAfter) =>
        new(ProblemKind.TooManyRequests, "RateLimited", null, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)),
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
}
