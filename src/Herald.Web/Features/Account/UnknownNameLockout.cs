using System.Collections.Concurrent;
using Herald.Domain.Identity;

namespace Herald.Web.Features.Account;

/// <summary>
/// 不存在的用户名也像真账号一样累计失败、锁定（同一套领域规则，只存在内存里）：
/// 否则"已锁定"的提示本身就说明这个账号存在。
/// </summary>
public sealed class UnknownNameLockout
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, UserAccount> _names = new(StringComparer.Ordinal);

    /// <summary>这个不存在的用户名的影子账号（只用到锁定相关的字段）。</summary>
    public UserAccount For(string userName, DateTime now)
    {
        if (_names.TryGetValue(userName, out var known)) return known;
        if (_names.Count >= MaxEntries) _names.Clear();
        return _names.GetOrAdd(userName, _ => UserAccount.Create("unknown", "unknown", null, "", false, now));
    }
}
