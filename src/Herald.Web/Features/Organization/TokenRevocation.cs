using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Organization;

/// <summary>
/// 停用或重置口令时撤销此人全部有效的 API 令牌：令牌不带安全戳，
/// 若只靠"账号已停用"拦截，重新启用后旧令牌会复活。
/// </summary>
public static class TokenRevocation
{
    public static async Task<int> RevokeAllAsync(HeraldDbContext db, long userId, DateTime nowUtc, CancellationToken ct)
    {
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > nowUtc).ToListAsync(ct);
        foreach (var token in tokens) token.Revoke(nowUtc);
        return tokens.Count;
    }
}
