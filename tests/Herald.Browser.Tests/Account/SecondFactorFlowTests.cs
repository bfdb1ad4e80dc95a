using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;
using Herald.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Browser.Tests.Account;

/// <summary>
/// 第二因素在浏览器里：宣传办从账号菜单打开"第二因素"，扫码页上有二维码和密钥，输入动态码后看到 10 个恢复码；
/// 再次登录时先输口令，再输动态码才进得去；手机上同样可用。
/// </summary>
public sealed class SecondFactorFlowTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    private TotpCodes Totp => server.Services.GetRequiredService<TotpCodes>();

    [Theory]
    [InlineData("office", "desktop")]
    [InlineData("viewer", "phone")]
    public async Task Enrol_ThenSignIn_AsksForCode(string userName, string deviceName)
    {
        var device = deviceName == "phone" ? Device.Phone : Device.Desktop;
        var page = await server.SignedInPageAsync(userName, device);
        await page.GotoAsync("/account/second-factor");
        await Expect(page.Locator("h1")).ToHaveTextAsync("第二因素（动态码）");
        await Expect(page.GetByTestId("enrol-qr").Locator("svg")).ToBeVisibleAsync();
        var secret = (await page.GetByTestId("enrol-secret").TextContentAsync())!.Trim();

        await page.Locator("#Code").FillAsync(Totp.Compute(secret));
        await page.GetByTestId("enrol-submit").ClickAsync();

        await Expect(page.GetByTestId("alert-success")).ToHaveTextAsync("第二因素已启用。");
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);

        server.Clock.Advance(TimeSpan.FromSeconds(30));
        var again = await server.NewPageAsync(device);
        await again.GotoAsync("/signin");
        await again.Locator("#UserName").FillAsync(userName);
        await again.Locator("#Password").FillAsync(HeraldServer.Password);
        await again.GetByTestId("signin-submit").ClickAsync();
        await Expect(again).ToHaveURLAsync(new Regex("/signin/second-factor$"));
        await again.Locator("#Code").FillAsync("000000");
        await again.GetByTestId("second-factor-submit").ClickAsync();
        await Expect(again.GetByTestId("alert-danger")).ToHaveTextAsync("动态码或恢复码不正确。");
        await again.Locator("#Code").FillAsync(Totp.Compute(secret));
        await again.GetByTestId("second-factor-submit").ClickAsync();
        await Expect(again.GetByTestId("user-menu")).ToBeVisibleAsync();
    }
}
