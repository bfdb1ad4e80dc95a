namespace Herald.Domain.Common;

public enum DomainErrorKind
{
    /// <summary>当前状态不允许（HTTP 409）</summary>
    Conflict,
    /// <summary>输入不合规（HTTP 400）</summary>
    Validation,
    /// <summary>无权执行（HTTP 403）</summary>
    Forbidden,
}

/// <summary>业务规则被违反。Code 对应本地化资源中的 "Error.{Code}"，Args 为占位参数。</summary>
public class DomainException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Args { get; } = args;
    public virtual DomainErrorKind Kind => DomainErrorKind.Conflict;
}

/// <summary>输入不合规（如：退回时未填写理由）。Field 为出错字段。</summary>
public sealed class DomainValidationException(string field, string code, params object[] args)
    : DomainException(code, args)
{
    public string Field { get; } = field;
    public override DomainErrorKind Kind => DomainErrorKind.Validation;
}

/// <summary>执行人无权执行该操作（如：不是当前步骤的审核人）。</summary>
public sealed class DomainForbiddenException(string code, params object[] args) : DomainException(code, args)
{
    public override DomainErrorKind Kind => DomainErrorKind.Forbidden;
}
