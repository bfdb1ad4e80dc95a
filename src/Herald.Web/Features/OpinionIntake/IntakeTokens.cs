using Herald.Domain.Identity;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake;

public sealed record IntakeTokenSummary(long Id, string Vendor, string IssuedBy, DateTime CreatedAt, DateTime ExpiresAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, bool Active);

/// <summary>令牌明文只在签发时显示这一次。</summary>
public sealed record IssuedIntakeToken(long Id, string Vendor, string AccessToken, DateTime ExpiresAt);

/// <summary>
/// 监测厂商的推送令牌（范围 opinion.intake）：宣传办为指定厂商签发、撤销。令牌代表签发人推送，
/// 只能调用 POST /api/v1/opinion/items；签发人不再是宣传办时令牌随之失效。
/// </summary>
public sealed class IntakeTokens(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock, IOptions<OpinionIntakeOptions> options)
{
    public const int MaxDays = 730;

    public async Task<IssuedIntakeToken> IssueAsync(string? vendor, int? days, CancellationToken ct = default)
    {
        var me = await RequireOfficeAsync(ct);
        var name = vendor?.Trim() ?? "";
        if (name.Length == 0) throw AppException.Invalid("vendor", "Required");
        if (name.Length > 64) throw AppException.Invalid("vendor", "TooLong", 64);
        if (name.Any(char.IsControl)) throw AppException.Invalid("vendor", "Text.ControlCharacters");
        var lifetime = days ?? options.Value.IntakeTokenDays;
        if (lifetime is < 1 or > MaxDays) throw AppException.Invalid("days", "OutOfRange", 1, MaxDays);
        var (token, hash) = TokenHashing.NewToken();
        var issued = ApiToken.Issue(me.Id, hash, name, ApiToken.IntakeScope, clock.UtcNow, TimeSpan.FromDays(lifetime));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ApiTokens.Add(issued);
        await db.SaveChangesAsync(ct);
        audit.Add("token.issue.intake", "ApiToken", issued.Id, $"{name}，{lifetime} 天");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new IssuedIntakeToken(issued.Id, issued.Name, token, issued.ExpiresAt);
    }

    public async Task<IReadOnlyList<IntakeTokenSummary>> ListAsync(CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        var now = clock.UtcNow;
        var rows = await (
                from t in db.ApiTokens.AsNoTracking()
                join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                where t.Scope == ApiToken.IntakeScope
                orderby t.Id descending
                select new { Token = t, u.DisplayName })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new IntakeTokenSummary(r.Token.Id, r.Token.Name, r.DisplayName, r.Token.CreatedAt, r.Token.ExpiresAt,
            r.Token.LastUsedAt, r.Token.RevokedAt, r.Token.IsUsable(now))).ToList();
    }

    /// <summary>撤销厂商令牌（任何宣传办人员都可撤销，不限签发人）；撤销后立即不能再推送。</summary>
    public async Task RevokeAsync(long id, CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.Scope == ApiToken.IntakeScope, ct)
                    ?? throw AppException.NotFound();
        if (token.RevokedAt is not null) throw AppException.Conflict("IntakeToken.AlreadyRevoked");
        token.Revoke(clock.UtcNow);
        audit.Add("token.revoke.intake", "ApiToken", token.Id, token.Name);
        await db.SaveChangesAsync(ct);
    }

    private async Task<UserContext> RequireOfficeAsync(CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        return me;
    }
}
