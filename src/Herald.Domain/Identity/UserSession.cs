using System.Security.Cryptography;

namespace Herald.Domain.Identity;

/// <summary>一次网页登录。登录 Cookie 只带会话号；退出登录即在服务器端结束，重放旧 Cookie 无效。</summary>
public sealed class UserSession
{
    private UserSession() { Id = ""; }

    /// <summary>随机会话号（32 位十六进制）。</summary>
    public string Id { get; private set; }
    public long UserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    public static UserSession Start(long userId, DateTime nowUtc) => new()
    {
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        UserId = userId,
        CreatedAt = nowUtc,
    };

    /// <summary>未结束且未超过绝对时限（不论是否一直在操作）。</summary>
    public static bool IsActive(DateTime createdAt, DateTime? endedAt, TimeSpan lifetime, DateTime nowUtc) =>
        endedAt is null && nowUtc < createdAt + lifetime;

    public void End(DateTime nowUtc) => EndedAt ??= nowUtc;
}
