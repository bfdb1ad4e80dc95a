namespace Herald.Domain.Auditing;

/// <summary>审计记录：登录、登录失败和每一次状态变化。只追加（数据库触发器禁止修改和删除）。</summary>
public sealed class AuditEntry
{
    private AuditEntry() { Action = ""; }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public long? UserId { get; private set; }
    public string? UserName { get; private set; }
    /// <summary>动作代码，如 "signin.success"、"manuscript.approve"。</summary>
    public string Action { get; private set; }
    public string? EntityType { get; private set; }
    public long? EntityId { get; private set; }
    public string? Detail { get; private set; }
    public string? IpAddress { get; private set; }

    public static AuditEntry Create(DateTime at, long? userId, string? userName, string action,
        string? entityType = null, long? entityId = null, string? detail = null, string? ipAddress = null) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        IpAddress = ipAddress,
    };
}
