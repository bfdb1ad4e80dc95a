using System.Security.Cryptography;
using Herald.Web.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace Herald.Web.Infrastructure.Auth;

/// <summary>
/// TOTP（RFC 6238，30 秒、6 位，兼容微信小程序"腾讯身份验证器"、Google Authenticator 等）：生成密钥、
/// 加密保存（数据保护）、校验动态码（前后各容一个时间片）、登记用的二维码。恢复码也在这里生成与散列。
/// </summary>
public sealed class TotpCodes(IDataProtectionProvider protection, Clock clock)
{
    public const string Issuer = "先声";
    private const int RecoveryCodeCount = 10;
    private const string RecoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly IDataProtector _secrets = protection.CreateProtector("Herald.Totp.Secret");
    private readonly ITimeLimitedDataProtector _enrolment = protection.CreateProtector("Herald.Totp.Enrolment").ToTimeLimitedDataProtector();

    /// <summary>新密钥（Base32，20 字节）。</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Protect(string secret) => _secrets.Protect(secret);

    public string Unprotect(string protectedSecret) => _secrets.Unprotect(protectedSecret);

    /// <summary>登记过程中把密钥放在表单里来回传：绑定账号，20 分钟内有效。</summary>
    public string EnrolmentToken(long userId, string secret) =>
        _enrolment.Protect($"{userId}:{secret}", TimeSpan.FromMinutes(20));

    public string? SecretFromEnrolmentToken(long userId, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var payload = _enrolment.Unprotect(token);
            var colon = payload.IndexOf(':');
            return colon > 0 && payload[..colon] == userId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? payload[(colon + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>动态码对上了返回它的时间片，否则 null。只接受 6 位数字。</summary>
    public long? Verify(string secret, string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.UtcNow, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>当前时刻的动态码（测试与演示说明用）。</summary>
    public string Compute(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(clock.UtcNow);

    public static string OtpAuthUri(string userName, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>二维码（SVG 文本，内嵌在页面里，不经过任何外部服务）。</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }

    /// <summary>一组新的恢复码（XXXX-XXXX），明文只给用户看一次。</summary>
    public static IReadOnlyList<string> NewRecoveryCodes() =>
        Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetItems<char>(RecoveryAlphabet, 8);
            return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
        }).ToList();

    /// <summary>恢复码散列：不分大小写、忽略空白和连字符。</summary>
    public static string HashRecoveryCode(string code) =>
        TokenHashing.Hash(new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray()));
}
