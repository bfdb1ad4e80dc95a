using Herald.Domain.Common;

namespace Herald.Domain.Organization;

/// <summary>某人在某单位上担任某角色。分管领导的"分管单位"就是其 SupervisingLeader 角色所挂的单位。</summary>
public sealed class RoleAssignment
{
    private RoleAssignment() { }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public Role Role { get; private set; }
    public long? UnitId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static RoleAssignment Create(long userId, Role role, long? unitId, DateTime nowUtc)
    {
        if (role.IsGlobal() && unitId is not null)
            throw new DomainValidationException(nameof(UnitId), "Role.GlobalHasNoUnit");
        if (!role.IsGlobal() && unitId is null)
            throw new DomainValidationException(nameof(UnitId), "Role.UnitRequired");
        return new RoleAssignment { UserId = userId, Role = role, UnitId = unitId, CreatedAt = nowUtc };
    }
}
