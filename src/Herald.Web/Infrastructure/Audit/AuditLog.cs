using Herald.Domain.Auditing;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;

namespace Herald.Web.Infrastructure.Audit;

/// <summary>把审计记录加入当前工作单元，与业务变更在同一次 SaveChanges 中提交。</summary>
public sealed class AuditLog(HeraldDbContext db, CurrentUser current, Clock clock)
{
    public void Add(string action, string? entityType = null, long? entityId = null, string? detail = null) =>
        Add(null, null, action, entityType, entityId, detail);

    /// <summary>未登录时（如登录失败）显式给出用户。</summary>
    public void Add(long? userId, string? userName, string action, string? entityType = null, long? entityId = null, string? detail = null)
    {
        if (userId is null && current.IsAuthenticated)
        {
            var principal = current.Principal!;
            userId = long.TryParse(principal.FindFirst(HeraldClaims.UserId)?.Value, out var id) ? id : null;
            userName ??= principal.FindFirst(HeraldClaims.UserName)?.Value;
        }
        if (userName is { Length: > 32 }) userName = userName[..32];
        db.AuditEntries.Add(AuditEntry.Create(clock.UtcNow, userId, userName, action, entityType, entityId, detail, current.IpAddress));
    }
}
