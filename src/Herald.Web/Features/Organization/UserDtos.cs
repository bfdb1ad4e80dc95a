using Herald.Domain.Organization;
using Herald.Web.Features.Common;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 账号列表的查询条件：q 按姓名或用户名；unitId 含下级单位（所属单位或在其上担任角色）；role 为担任的角色代码；
/// state 为 active（正常）|disabled（停用）|locked（锁定）|must_change（须改口令）；sort 为 userName（默认）|displayName|unit|lastSignInAt。
/// </summary>
public sealed record UserQuery(
    string? Q = null,
    long? UnitId = null,
    int Page = 1,
    int PageSize = 20,
    string? Role = null,
    string? State = null,
    string? Sort = null,
    string? Dir = null) : IPagedQuery;

public sealed record RoleOnUnit(long AssignmentId, Role Role, long? UnitId, string? UnitPath);

public sealed record UserListItem(
    long Id,
    string UserName,
    string DisplayName,
    string? UnitPath,
    IReadOnlyList<RoleOnUnit> Roles,
    bool Disabled,
    bool LockedOut,
    bool MustChangePassword,
    DateTime? LastSignInAt);

public sealed record LinkedCorrespondentRecord(long Id, string UnitPath, DateOnly AppointedOn, DateOnly? EndedOn);

public sealed record UserDetail(
    long Id,
    string UserName,
    string DisplayName,
    string? Phone,
    string? Email,
    long? UnitId,
    string? UnitPath,
    bool Disabled,
    bool LockedOut,
    DateTime? LockoutEndUtc,
    bool MustChangePassword,
    DateTime CreatedAt,
    DateTime? LastSignInAt,
    IReadOnlyList<RoleOnUnit> Roles,
    int ActiveTokens,
    IReadOnlyList<LinkedCorrespondentRecord> CorrespondentRecords,
    bool SecondFactorEnabled = false)
{
    /// <summary>分管单位：此人以分管领导身份挂的单位。</summary>
    public IReadOnlyList<RoleOnUnit> SupervisedUnits => Roles.Where(r => r.Role == Role.SupervisingLeader).ToList();
}

/// <summary>新账号或重置后的口令：只在这一次的结果页上显示。</summary>
public sealed record IssuedPassword(long UserId, string UserName, string DisplayName, string Password, bool IsNewUser);

/// <summary>新建账号或修改资料的输入（页面表单与 API 共用）。Role 为角色代码，由处理器在权限检查之后解析；修改资料时忽略 UserName、Role。</summary>
public sealed record UserInput(string? UserName, string? DisplayName, string? Phone, string? Email, long? UnitId, string? Role = null);

/// <summary>授予角色的输入：角色代码与所挂的单位（三员角色不挂单位）。</summary>
public sealed record RoleInput(string? Role, long? UnitId);

public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? UnitId { get; set; }
    /// <summary>新建时可顺带授予一个角色（挂在所属单位上；三员角色为全局）。</summary>
    public string? Role { get; set; }

    public UserInput ToInput() =>
        new(UserName, DisplayName, Phone, Email, Wire.OptionalId(UnitId, "UnitId"), Role);
}

public sealed class RoleForm
{
    public string? Role { get; set; }
    public string? UnitId { get; set; }

    public RoleInput ToInput() => new(Role, Wire.OptionalId(UnitId, "UnitId"));
}
