namespace Herald.Domain.Organization;

/// <summary>角色。除三员（系统/安全/审计管理员）外，每个角色都限定在组织树的某个单位上。</summary>
public enum Role
{
    /// <summary>系统管理员（全局）</summary>
    SysAdmin = 0,
    /// <summary>宣传办（所辖单位子树）</summary>
    Office = 1,
    /// <summary>信息员/通讯员（本单位）</summary>
    Correspondent = 2,
    /// <summary>单位负责人（本单位；下级单位未设负责人时由其审核）</summary>
    UnitHead = 3,
    /// <summary>分管领导（所分管的单位）</summary>
    SupervisingLeader = 4,
    /// <summary>主要负责人/副书记（所辖单位子树）</summary>
    Principal = 5,
    /// <summary>领导（只读查看，所辖单位子树）</summary>
    Viewer = 6,
    /// <summary>舆情信息员</summary>
    OpinionOfficer = 7,
    /// <summary>安全管理员（全局）</summary>
    SecAdmin = 8,
    /// <summary>审计管理员（全局）</summary>
    Auditor = 9,
}

public static class RoleRules
{
    /// <summary>三员角色是全局的，不挂在单位上。</summary>
    public static bool IsGlobal(this Role role) => role is Role.SysAdmin or Role.SecAdmin or Role.Auditor;

    /// <summary>审核步骤可使用的角色。</summary>
    public static bool IsReviewerRole(this Role role) =>
        role is Role.UnitHead or Role.SupervisingLeader or Role.Principal;

    /// <summary>API 与配置中使用的代码：snake_case，如 unit_head、supervising_leader。</summary>
    public static string Code(this Role role) => role switch
    {
        Role.SysAdmin => "sys_admin",
        Role.Office => "office",
        Role.Correspondent => "correspondent",
        Role.UnitHead => "unit_head",
        Role.SupervisingLeader => "supervising_leader",
        Role.Principal => "principal",
        Role.Viewer => "viewer",
        Role.OpinionOfficer => "opinion_officer",
        Role.SecAdmin => "sec_admin",
        Role.Auditor => "auditor",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            var trimmed = code?.Trim();
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
