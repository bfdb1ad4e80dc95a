using System.Text.RegularExpressions;
using Herald.Browser.Tests.Support;

namespace Herald.Browser.Tests.Session;

/// <summary>30 分钟无操作后会话超时：下一次操作回到登录页并提示"登录已超时"；重新登录后，报送页上打的字还在（本机暂存）。</summary>
public sealed class SessionExpiryTests(HeraldServer server) : IClassFixture<HeraldServer>
{
    [Fact]
    public async Task Submit_AfterIdleTimeout_ShowsExpiredSignInAndRestoresTypedTitle()
    {
        const string title = "示例街道开展冬季安全生产大检查";
        const string body = "近日，示例街道组织安监、消防等部门对辖区企业开展冬季安全生产大检查。";
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = "工作动态" });
        await page.Locator("#body-editor").ClickAsync();
        await page.Keyboard.InsertTextAsync(body);

        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await page.GetByTestId("submit-manuscript").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/signin\?.*expired=1"));
        await Expect(page.GetByTestId("alert-warning")).ToHaveTextAsync("登录已超时或已失效，请重新登录。");
        await page.SignInAsync("officer");

        await Expect(page).ToHaveURLAsync(new Regex("/manuscripts/new$"));
        await Expect(page.Locator("#title")).ToHaveValueAsync(title);
        await Expect(page.Locator("#body-editor")).ToHaveTextAsync(body);

        await page.GetByTestId("submit-manuscript").ClickAsync();
        await Expect(page.GetByTestId("manuscript-detail")).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);

        // 报送成功后本机暂存随之清除：再开报送页是空白的。
        await page.OpenMenuAsync("/manuscripts/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("报送稿件");
        await Expect(page.Locator("#title")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Autosave_AnotherCorrespondentOnSameBrowser_DoesNotSeeTheDraft()
    {
        var page = await server.SignedInPageAsync("officer", Device.Desktop);
        await page.OpenMenuAsync("/manuscripts/new");
        await page.Locator("#title").FillAsync("只属于李文静的草稿标题");
        await page.Locator("#body-editor").ClickAsync();
        await page.Keyboard.InsertTextAsync("正文");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('herald.form.') && localStorage.getItem(k).includes('只属于李文静'))");
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("signout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));

        await page.SignInAsync("officer2");
        await page.OpenMenuAsync("/manuscripts/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("报送稿件");
        await Expect(page.Locator("#title")).ToHaveValueAsync("");
        await Expect(page.Locator("#body-editor")).ToHaveTextAsync("");
    }
}
