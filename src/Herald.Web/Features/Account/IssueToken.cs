using Herald.Domain.Identity;
using Herald.Web.Infrastructure;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.Account;

public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt, string TokenType = "Bearer");

public sealed record TokenSummary(long Id, string Name, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, bool Active);

/// <summary>签发、列出、撤销 API 令牌。令牌明文只在签发时返回一次。</summary>
public sealed class ApiTokens(HeraldDbContext db, AuditLog audit, Clock clock, IOptions<HeraldOptions> options)
{
    public async Task<TokenResponse> IssueAsync(UserAccount user, string? name, CancellationToken ct = default)
    {
        if (user.MustChangePassword) throw AppException.Forbidden("Token.MustChangePassword");
        var (token, hash) = TokenHashing.NewToken();
        var issued = ApiToken.Issue(user.Id, hash, name ?? "api", ApiToken.FullScope, clock.UtcNow,
            TimeSpan.FromHours(options.Value.Security.TokenLifetimeHours));
        db.ApiTokens.Add(issued);
        await db.SaveChangesAsync(ct);
        audit.Add(user.Id, user.UserName, "token.issue", "ApiToken", issued.Id, issued.Name);
        await db.SaveChangesAsync(ct);
        return new TokenResponse(token, issued.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(long userId, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id).Take(100).ToListAsync(ct);
        return rows.Select(t => new TokenSummary(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.IsUsable(now))).ToList();
    }

    /// <summary>撤销本人的令牌；别人的令牌视为不存在。</summary>
    public async Task RevokeAsync(long userId, long tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
            ?? throw AppException.NotFound();
        token.Revoke(clock.UtcNow);
        audit.Add("token.revoke", "ApiToken", token.Id, token.Name);
        await db.SaveChangesAsync(ct);
    }
}
