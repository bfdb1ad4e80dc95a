using System.Xml.Linq;
using Herald.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 数据保护密钥环存在数据库表 data_protection_keys 里（docs/adr/0030）：共用一个数据库的几个进程用同一个密钥环，
/// 一个进程签的 Cookie、加密的动态码密钥另一个进程都认。以前存在数据目录 keys/ 的密钥，表为空时第一次读取前导入，
/// 升级后已登录的用户不必重新登录、已启用的动态码照常可用。
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceProvider services, string legacyDirectory, ILoggerFactory logs) : IXmlRepository
{
    private readonly EntityFrameworkCoreXmlRepository<HeraldDbContext> _inner = new(services, logs);
    private readonly Lazy<bool> _imported = new(() => ImportLegacy(services, legacyDirectory, logs.CreateLogger<DatabaseKeyRepository>()));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _imported.Value;
        return _inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _ = _imported.Value;
        _inner.StoreElement(element, friendlyName);
    }

    private static bool ImportLegacy(IServiceProvider services, string directory, ILogger logger)
    {
        if (!Directory.Exists(directory)) return false;
        var files = Directory.GetFiles(directory, "*.xml");
        if (files.Length == 0) return false;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        if (db.DataProtectionKeys.Any()) return false;
        foreach (var file in files.Order(StringComparer.Ordinal))
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting),
            });
        db.SaveChanges();
        logger.LogInformation("Imported {Count} data-protection keys from {Directory} into the database", files.Length, directory);
        return true;
    }
}
