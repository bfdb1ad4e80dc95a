namespace Herald.Web.Infrastructure.Web;

public sealed record FieldError(string Field, string Code, params object[] Args);

/// <summary>多个字段同时不合规：一次全部告诉用户，而不是改一个报一个。</summary>
public class ValidationFailedException(IReadOnlyList<FieldError> errors, Exception? inner = null)
    : Exception(errors.FirstOrDefault()?.Code ?? "Invalid", inner)
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
