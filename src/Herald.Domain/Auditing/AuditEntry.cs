namespace Herald.Domain.Auditing;

/// <summary>
/// 审计记录：登录、登录失败和每一次状态变化。只追加（数据库触发器禁止修改和删除），并由哈希链串起来
/// （<see cref="AuditChain"/>）：事后改动、删除任何一行都能被验证出来。
/// </summary>
public sealed class AuditEntry
{
    private static long _created;

    private AuditEntry() { Action = ""; }

    /// <summary>在本进程里创建的先后（不存库）：同一次保存里的几条按发生的先后接到链上、定编号。</summary>
    public long CreationOrder { get; } = Interlocked.Increment(ref _created);

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
    /// <summary>上一条（编号减一）记录的 <see cref="Hash"/>；链上第一条为 null。</summary>
    public string? PreviousHash { get; private set; }
    /// <summary>本条内容（含编号与 <see cref="PreviousHash"/>）的 SHA-256，十六进制小写。</summary>
    public string? Hash { get; private set; }

    /// <summary>写入前接到链上：定下编号，记下上一条的哈希，算出本条的哈希。</summary>
    public void Seal(long id, string? previousHash)
    {
        if (Hash is not null) throw new InvalidOperationException("Audit entry already sealed.");
        Id = id;
        PreviousHash = previousHash;
        Hash = AuditChain.ComputeHash(this);
    }

    public static AuditEntry Create(DateTime at, long? userId, string? userName, string action,
        string? entityType = null, long? entityId = null, string? detail = null, string? ipAddress = null) => new()
    {
        // Microseconds, as PostgreSQL stores them: the hash is over the time the database gives back.
        At = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond)),
        UserId = userId,
        UserName = userName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
        IpAddress = ipAddress,
    };
}
