using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;

namespace Herald.Web.Infrastructure.Web;

/// <summary>配置节 "Herald:DataProtection"：加密数据库中数据保护密钥的证书（PKCS#12，.pfx/.p12，含私钥）。</summary>
public sealed class KeyRingOptions
{
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// 登录 Cookie、防伪令牌与动态码密钥的加密密钥存在数据库里（<see cref="DatabaseKeyRepository"/>，docs/adr/0030），
/// 重启后已登录的用户不必重新登录，共用数据库的几个进程互认。配置了证书时密钥在库里
/// 用证书加密（ProtectKeysWithCertificate 的做法），只拿到数据库或备份的人读不出密钥；没配置时是明文（docs/operations.md）。
/// </summary>
public static class KeyRingProtection
{
    public static IServiceCollection AddHeraldKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Herald");
        services.AddSingleton<KeyRingCertificate>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider, IOptions<HeraldOptions>, KeyRingCertificate, ILoggerFactory>((keys, sp, herald, certificate, logs) =>
        {
            keys.XmlRepository = new DatabaseKeyRepository(sp, Path.Combine(herald.Value.ResolveDataDir(), "keys"), logs);
            if (certificate.Value is { } cert) keys.XmlEncryptor = new CertificateKeyEncryptor(cert, logs);
        });
        return services;
    }
}

/// <summary>XML 加密（与 ProtectKeysWithCertificate 相同的格式），解密时用配置的证书而不是系统证书库。</summary>
internal sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory logs) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, logs);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}

/// <summary>由数据保护按密钥 XML 里记下的类型创建（构造函数取 IServiceProvider）。</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingCertificate>().Value
            ?? throw new InvalidOperationException("The data-protection key ring is encrypted with a certificate but Herald:DataProtection:CertificatePath is not set.");
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = encryptedElement.CreateReader()) document.Load(reader);
        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The data-protection certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}

/// <summary>配置的证书，启动时读一次；路径或口令不对时启动失败并说明。</summary>
public sealed class KeyRingCertificate(IOptions<HeraldOptions> options)
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() => Load(options.Value.DataProtection));

    public X509Certificate2? Value => _certificate.Value;

    private static X509Certificate2? Load(KeyRingOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath)) return null;
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Herald:DataProtection:CertificatePath '{settings.CertificatePath}' could not be read as a PKCS#12 file with the given password: {ex.Message}", ex);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"Herald:DataProtection:CertificatePath '{settings.CertificatePath}' has no private key.");
        return certificate;
    }
}
