using Herald.Domain.Common;
using Herald.Domain.Identity;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Audit;

/// <summary>审计查询条件：user 用户名（精确），action 动作前缀（如 "user." 或 "signin"），from/to 北京时间日期（含当日）。</summary>
public sealed record AuditQuery(string? User = null, string? Action = null, string? From = null, string? To = null, int Page = 1, int PageSize = 50) : IPagedQuery;

public sealed record AuditItem(long Id, DateTime At, long? UserId, string? UserName, string Action, string? EntityType, long? EntityId,
    string? Detail, string? IpAddress);

/// <summary>审计日志（审计管理员、安全管理员）：只读，最新的在前。</summary>
public sealed class SearchAudit(HeraldDbContext db, CurrentUser current)
{
    public async Task<PagedResult<AuditItem>> HandleAsync(AuditQuery query, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.CanAudit);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var name = UserAccount.NormalizeUserName(query.User);
            q = q.Where(a => a.UserName == name);
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var prefix = query.Action.Trim().ToLowerInvariant();
            q = q.Where(a => a.Action.StartsWith(prefix));
        }
        if (Wire.OptionalDate(query.From, "from") is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(a => a.At >= start);
        }
        if (Wire.OptionalDate(query.To, "to") is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.At < end);
        }

        return await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditItem(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Detail, a.IpAddress))
            .ToPageAsync(PageRequest.From(query), ct);
    }
}
