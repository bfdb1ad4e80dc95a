namespace Herald.Domain.Identity;

/// <summary>API 访问令牌。只保存令牌的 SHA-256 散列；令牌本身仅在签发时返回一次。</summary>
public sealed class ApiToken
{
    private ApiToken() { TokenHash = ""; Name = ""; Scope = ""; }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public string TokenHash { get; private set; }
    public string Name { get; private set; }
    /// <summary>"full"：与本人权限相同；"opinion.intake"：只能推送舆情信息（监测厂商用）。</summary>
    public string Scope { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public const string FullScope = "full";

    /// <summary>只能调用 POST /api/v1/opinion/items（签发给舆情监测厂商）。</summary>
    public const string IntakeScope = "opinion.intake";

    public static ApiToken Issue(long userId, string tokenHash, string name, string scope, DateTime nowUtc, TimeSpan lifetime) => new()
    {
        UserId = userId,
        TokenHash = tokenHash,
        Name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim()[..Math.Min(name.Trim().Length, 64)],
        Scope = scope,
        CreatedAt = nowUtc,
        ExpiresAt = nowUtc + lifetime,
    };

    public bool IsUsable(DateTime nowUtc) => RevokedAt is null && ExpiresAt > nowUtc;

    public void Revoke(DateTime nowUtc) => RevokedAt ??= nowUtc;

    public void Touch(DateTime nowUtc) => LastUsedAt = nowUtc;
}
