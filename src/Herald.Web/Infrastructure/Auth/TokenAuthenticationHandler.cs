using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>"Authorization: Bearer hld_…"：按散列查令牌，未撤销、未过期且账号未停用才通过。</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HeraldDbContext db,
    Clock clock,
    ProblemWriter problems,
    TokenCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    /// <summary>每个 API 请求都要查一次：预编译，省去每次翻译 LINQ 表达式树的开销。</summary>
    private static readonly Func<HeraldDbContext, string, CancellationToken, Task<TokenRow?>> FindToken = CompiledQueries.PerModel(
        (HeraldDbContext db, string hash, CancellationToken ct) => (
                from t in db.ApiTokens.AsNoTracking()
                join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                where t.TokenHash == hash
                select new TokenRow(t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.Scope, u.Id, u.UserName, u.DisplayName, u.Disabled))
            .FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[7..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("malformed token");

        var hash = TokenHashing.Hash(token);
        var now = clock.UtcNow;
        var row = cache.Find(hash, now);
        if (row is null)
        {
            var generation = cache.Generation;
            row = await FindToken(db, hash, Context.RequestAborted);
            if (row is not null) cache.Store(hash, row, now, generation);
        }
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now || row.Disabled)
            return AuthenticateResult.Fail("invalid token");

        if (row.LastUsedAt is null || now - row.LastUsedAt > TouchEvery)
        {
            await db.ApiTokens.Where(t => t.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            cache.Store(hash, row with { LastUsedAt = now }, now, cache.Generation);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(HeraldClaims.UserId, row.UserId.ToString(CultureInfo.InvariantCulture)),
            new Claim(HeraldClaims.UserName, row.UserName),
            new Claim(HeraldClaims.DisplayName, row.DisplayName),
            new Claim(HeraldClaims.TokenId, row.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(TokenScopeHandler.Claim, row.Scope),
        ], Scheme.Name, HeraldClaims.UserName, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return problems.WriteAsync(Context, ProblemKind.Unauthorized, "Unauthorized");
    }

    /// <summary>范围受限的令牌调用了别的接口时说明原因。</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.WriteAsync(Context, ProblemKind.Forbidden,
            Context.User.FindFirst(TokenScopeHandler.Claim)?.Value is { } scope && scope != Herald.Domain.Identity.ApiToken.FullScope
                ? "Token.ScopeForbidden" : "Forbidden");
}
