namespace Herald.Domain.Identity;

/// <summary>第二因素的恢复码：手机不在身边时代替动态码登录一次。只存散列，用过即作废。</summary>
public sealed class RecoveryCode
{
    private RecoveryCode() { CodeHash = ""; }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    public static RecoveryCode Create(long userId, string codeHash, DateTime nowUtc) =>
        new() { UserId = userId, CodeHash = codeHash, CreatedAt = nowUtc };

    public bool Use(DateTime nowUtc)
    {
        if (UsedAt is not null) return false;
        UsedAt = nowUtc;
        return true;
    }
}
