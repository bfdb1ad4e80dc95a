using Herald.Domain.Organization;

namespace Herald.Domain.Identity;

/// <summary>哪些角色必须使用第二因素：配置里以逗号分隔的角色代码（如 sys_admin,sec_admin,auditor,office）；空表示都不强制。</summary>
public sealed class SecondFactorPolicy
{
    private readonly HashSet<Role> _required;

    public SecondFactorPolicy(IEnumerable<Role> required) => _required = required.ToHashSet();

    public IReadOnlySet<Role> RequiredRoles => _required;

    /// <summary>解析配置；不认识的代码报出来，不静默忽略（配置写错等于没有保护）。</summary>
    public static SecondFactorPolicy Parse(string? codes)
    {
        var roles = new List<Role>();
        foreach (var code in (codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RoleRules.TryParse(code, out var role))
                throw new ArgumentException($"Herald:Security:SecondFactorRoles: unknown role code '{code}'");
            roles.Add(role);
        }
        return new SecondFactorPolicy(roles);
    }

    public bool IsRequiredFor(IEnumerable<Role> roles) => roles.Any(_required.Contains);
}
