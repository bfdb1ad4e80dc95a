using System.Net;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.MultiHost;

/// <summary>
/// 密钥环在数据库里（docs/adr/0030）：两个主机共用数据库、各用自己的数据目录，一个签发的登录 Cookie 和防伪令牌、
/// 加密的动态码密钥，另一个都认。
/// </summary>
public sealed class SharedKeyRingTests(PostgresHostFactory first) : IClassFixture<PostgresHostFactory>
{
    private static WebSession Session(HeraldFactory host, CookieContainer cookies) =>
        new(host.CreateDefaultClient(host.ClientOptions.BaseAddress, new CookieContainerHandler(cookies)));

    [SkippableFact]
    public async Task SignIn_OnFirstHost_CookieAndAntiforgeryAcceptedBySecond()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first, shareDataDir: false);
        var cookies = new CookieContainer();
        using var onFirst = Session(first, cookies);
        (await onFirst.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "officer", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var onSecond = Session(second, cookies);
        var (response, page) = await onSecond.GetPageAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("李文静");
        // 第一个主机发的防伪 Cookie 配第二个主机页面上的令牌：表单照常提交（退出登录）。
        (await onSecond.PostFormAsync("/", "/signout", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Session(first, cookies).GetPageAsync("/")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out for both hosts");
    }

    [SkippableFact]
    public void TotpSecret_ProtectedByFirstHost_ReadBySecond()
    {
        PostgresHostFactory.SkipWithoutServer();
        using var second = new SecondHost(first, shareDataDir: false);
        var secret = TotpCodes.NewSecret();

        var stored = first.Services.GetRequiredService<TotpCodes>().Protect(secret);

        second.Services.GetRequiredService<TotpCodes>().Unprotect(stored).ShouldBe(secret);
    }

    [Fact]
    public async Task KeyRing_StoredInDatabase_NoKeyFilesInDataDir()
    {
        using (await first.SignInAsync("officer")) { }

        (await first.QueryAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
        Directory.Exists(Path.Combine(first.DataDir, "keys")).ShouldBeFalse();
    }

    [Fact]
    public async Task KeyFilesFromBeforeUpgrade_ImportedAtFirstStart_OldProtectedDataStillReadable()
    {
        var old = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("升级前加密的");
        var keys = await first.QueryAsync(db => db.DataProtectionKeys.Select(k => new { k.FriendlyName, k.Xml }).ToListAsync());
        using var upgraded = new HeraldFactory();
        var directory = Directory.CreateDirectory(Path.Combine(upgraded.DataDir, "keys"));
        foreach (var key in keys) File.WriteAllText(Path.Combine(directory.FullName, key.FriendlyName + ".xml"), key.Xml);

        upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(old).ShouldBe("升级前加密的");
        (await upgraded.QueryAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBe(keys.Count);
    }
}
