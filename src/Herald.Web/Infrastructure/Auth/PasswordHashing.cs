using System.Security.Cryptography;
using Herald.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>口令散列（ASP.NET Core PasswordHasher，PBKDF2）与随机口令生成。</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly Lazy<string> _dummyHash;

    public PasswordHashing() =>
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(UserAccount user, string password) => Verify(user.PasswordHash, password);

    /// <summary>与某个散列（当前口令或口令历史里的）比对。</summary>
    public bool Verify(string hash, string password)
    {
        if (string.IsNullOrEmpty(hash)) return false;
        return _hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>用户名不存在时也核对一次（随机口令的散列，永不通过）：与真账号耗时相同，不能凭响应时间判断账号是否存在。</summary>
    public bool VerifyDummy(string password)
    {
        _hasher.VerifyHashedPassword(null!, _dummyHash.Value, password);
        return false;
    }

    /// <summary>满足口令策略的随机口令（大小写字母、数字、符号各至少一个）。</summary>
    public static string Generate(int length = 14)
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "@#%+=!";
        const string all = upper + lower + digits + symbols;
        var chars = new char[length];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
