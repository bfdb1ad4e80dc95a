namespace Herald.Domain.Identity;

/// <summary>用过的口令散列：新口令不能与最近几次（含当前）相同。只存散列。</summary>
public sealed class PasswordHistoryEntry
{
    private PasswordHistoryEntry() { PasswordHash = ""; }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public string PasswordHash { get; private set; }
    /// <summary>这个口令被换掉的时间。</summary>
    public DateTime RetiredAt { get; private set; }

    public static PasswordHistoryEntry Create(long userId, string passwordHash, DateTime retiredAtUtc) =>
        new() { UserId = userId, PasswordHash = passwordHash, RetiredAt = retiredAtUtc };
}
