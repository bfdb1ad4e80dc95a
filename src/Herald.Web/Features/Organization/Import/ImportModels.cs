using Herald.Domain.Organization;

namespace Herald.Web.Features.Organization.Import;

/// <summary>一处错误：工作表、行号（0 表示整个工作表）、列（从 1 起，0 表示整行）、错误代码与参数（资源 Error.{Code}）。</summary>
public sealed record ImportError(string Sheet, int Row, int Column, ImportColumn? Header, string Code, params object[] Args);

/// <summary>单位引用：已有单位的编号，或本次导入的第几个单位。</summary>
public readonly record struct UnitRef(long? ExistingId, int? PlannedIndex);

public sealed record PlannedUnit(int Row, string Name, UnitType Type, UnitRef? Parent, string Path);

public sealed record PlannedRole(Role Role, UnitRef? Unit);

public sealed record PlannedUser(int Row, string UserName, string DisplayName, UnitRef? Home, string? Phone, string? Email,
    IReadOnlyList<PlannedRole> Roles);

public sealed record ImportPlan(IReadOnlyList<PlannedUnit> Units, IReadOnlyList<PlannedUser> Users, IReadOnlyList<ImportError> Errors)
{
    public bool IsEmpty => Units.Count == 0 && Users.Count == 0;
}

public sealed record ImportedUser(string UserName, string DisplayName, string? UnitPath, IReadOnlyList<string> Roles, string Password);

public sealed record ImportResult(string FileName, IReadOnlyList<string> UnitPaths, IReadOnlyList<ImportedUser> Users, int RoleCount);

/// <summary>文件中有错：一个都不导入，列出全部错误。</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors) : Exception("Import.Rejected")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
