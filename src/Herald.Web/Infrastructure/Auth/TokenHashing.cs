using System.Security.Cryptography;
using System.Text;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>不透明的 API 令牌：32 字节随机数；数据库只存 SHA-256。</summary>
public static class TokenHashing
{
    public const string Prefix = "hld_";

    public static (string Token, string Hash) NewToken()
    {
        var token = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
