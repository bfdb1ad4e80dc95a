using Herald.Domain.Common;

namespace Herald.Domain.Organization;

/// <summary>
/// 三员分立（GB/T 22239-2019 8.1.4.2）：系统、安全、审计管理员三个角色互斥，也不与任何业务角色并存；
/// 任何人不能改自己的角色与账号状态；管理员角色的变更须另一位安全管理员批准；每个管理员角色至少保留一位在用的人。
/// </summary>
public static class AdminSeparation
{
    /// <summary>授予 <paramref name="added"/> 之前：已有的角色与它不能违反三员分立。</summary>
    public static void EnsureCompatible(IEnumerable<Role> held, Role added)
    {
        foreach (var role in held)
        {
            if (role == added) continue;
            if (role.IsGlobal() || added.IsGlobal())
                throw new DomainException("Role.AdminExclusive", role, added);
        }
    }

    /// <summary>一组角色（如批量导入的一行）内部是否违反三员分立。</summary>
    public static void EnsureCompatible(IReadOnlyCollection<Role> roles)
    {
        var seen = new List<Role>();
        foreach (var role in roles.Distinct())
        {
            EnsureCompatible(seen, role);
            seen.Add(role);
        }
    }

    /// <summary>任何人不能改自己的角色或账号状态（停用、启用、解锁、重置口令）。</summary>
    public static void EnsureNotSelf(long actorId, long targetUserId, string code = "User.CannotChangeOwnAccount")
    {
        if (actorId == targetUserId) throw new DomainException(code);
    }

    /// <summary>管理员角色的授予与收回须安全管理员批准，不直接生效。</summary>
    public static bool NeedsApproval(Role role) => role.IsGlobal();

    /// <summary>收回某人的管理员角色或停用此人之前：<paramref name="otherActiveHolders"/> 为此外还在用（未停用）的持有人数。</summary>
    public static void EnsureNotLastHolder(Role role, int otherActiveHolders)
    {
        if (role.IsGlobal() && otherActiveHolders == 0) throw new DomainException("Role.LastAdministrator", role);
    }
}
