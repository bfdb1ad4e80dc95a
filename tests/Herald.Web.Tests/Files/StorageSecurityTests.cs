using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Files;

/// <summary>
/// 议题 9 第 16 项（存储）：数据目录 0700、其中的文件 0600；SQLite 默认 synchronous=FULL（可配置）；API 的回答和下载 no-store；
/// 配置了证书时数据保护的密钥在数据库里是密文，换一个进程（同一数据库、同一证书）仍能解开。
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StorageSecurityTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task DataDirectory_ExistingWorldReadableDirAfterUploadsAndSignIn_Dirs0700Files0600()
    {
        using var app = new HeraldFactory();
        Directory.CreateDirectory(app.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var officer = await app.ApiClientAsync("officer");
        await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Photos = { new Upload(TestImages.Png(9, 7, seed: 77), "现场.png", Caption: "现场") } });
        using var session = await app.SignInAsync("officer");

        var directories = Directory.GetDirectories(app.DataDir, "*", SearchOption.AllDirectories).Append(app.DataDir).ToList();
        var files = Directory.GetFiles(app.DataDir, "*", SearchOption.AllDirectories);

        if (!TestPostgres.IsProvider) files.Select(Path.GetFileName).ShouldContain("herald.db");
        files.ShouldContain(f => f.Contains($"{Path.DirectorySeparatorChar}files{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        directories.Where(d => File.GetUnixFileMode(d) != (Owner | UnixFileMode.UserExecute)).ShouldBeEmpty();
        files.Where(f => File.GetUnixFileMode(f) != Owner).Select(f => $"{f} {File.GetUnixFileMode(f)}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Sqlite_Default_SynchronousFull()
    {
        (await SynchronousAsync(factory)).ShouldBe(2);
    }

    [Fact]
    public async Task Sqlite_ConfiguredNormal_SynchronousNormal()
    {
        using var app = new HeraldFactory();
        app.Settings["Herald:Database:Synchronous"] = "normal";

        (await SynchronousAsync(app)).ShouldBe(1);
    }

    [Fact]
    public async Task ApiAnswersAndDownloads_CacheControlNoStore()
    {
        var officer = await factory.ApiClientAsync("officer");
        var created = await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Photos = { new Upload(TestImages.Png(9, 8, seed: 78), "现场.png", Caption: "现场") },
            Document = new Upload(TestDocx.Build(d => d.Add(TestDocx.P("正文。"))), "稿件.docx", ManuscriptApi.DocxType),
        });
        using var session = await factory.SignInAsync("officer");

        foreach (var response in new[]
                 {
                     await officer.GetAsync("/api/v1/me"),
                     await officer.GetAsync("/api/v1/manuscripts/999999"),
                     await officer.GetAsync(created.Items("photos").Single().Str("url")),
                     await session.Client.GetAsync($"/manuscripts/{created.Long("id")}/document"),
                 })
        {
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NotFound);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(response.RequestMessage!.RequestUri!.ToString());
            response.Headers.CacheControl.MaxAge.ShouldBeNull();
        }
        var stylesheet = await session.Client.GetAsync("/lib/bootstrap/bootstrap.min.css?v=1");
        stylesheet.Headers.CacheControl!.NoStore.ShouldBeFalse();
    }

    [Fact]
    public async Task KeyRing_CertificateConfigured_KeyXmlInDatabaseEncryptedAndReadableByTheNextProcess()
    {
        var (path, password) = Certificate();
        using var first = new HeraldFactory();
        first.Settings["Herald:DataProtection:CertificatePath"] = path;
        first.Settings["Herald:DataProtection:CertificatePassword"] = password;
        using (await first.SignInAsync("officer")) { }
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("未公开的稿件");

        var keys = await KeyXmlAsync(first);
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("EncryptedData") && !xml.Contains("<value>") && !xml.Contains("unencrypted"));

        // 下一个进程（同一数据库、同一证书）。
        using var second = new MultiHost.SecondHost(first);
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret).ShouldBe("未公开的稿件");
    }

    [Fact]
    public async Task KeyRing_NoCertificate_KeyXmlInDatabasePlain()
    {
        using (await factory.SignInAsync("officer")) { }

        (await KeyXmlAsync(factory)).ShouldContain(xml => xml.Contains("<value>"));
    }

    private static Task<List<string>> KeyXmlAsync(HeraldFactory app) =>
        app.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

    private static Task<int> SynchronousAsync(HeraldFactory app) => app.QueryAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>自签名证书（与 docs/operations.md 里 openssl 做出的一样：RSA、含私钥的 PKCS#12）。</summary>
    private static (string Path, string Password) Certificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Herald data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"herald-dp-{Guid.NewGuid():N}.pfx");
        const string password = "证书口令-2026";
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
