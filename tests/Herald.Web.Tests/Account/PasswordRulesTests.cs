using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Account;

/// <summary>
/// 议题 9 第 11 项：常见口令拒收，最近 5 次口令不得重复使用，口令有效期（本类配置 90 天），
/// 修改口令页上输错当前口令计入锁定并记审计。
/// </summary>
public sealed class PasswordRulesTests(PasswordRulesTests.Factory factory) : IClassFixture<PasswordRulesTests.Factory>
{
    public sealed class Factory : HeraldFactory
    {
        public Factory()
        {
            Settings["Herald:Security:PasswordMaxAgeDays"] = "90";
            Settings["Herald:RateLimits:Enabled"] = "false";
        }
    }

    [Theory]
    [InlineData("P@ssw0rd")]
    [InlineData("Qwerty123")]
    [InlineData("Aa1aaaaa")]
    [InlineData("Zhangwei2026!")]
    public async Task ChangePassword_CommonPassword_400CommonAndUnchanged(string next)
    {
        using var client = await factory.ApiClientAsync("viewer");

        var response = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = HeraldFactory.Password, newPassword = next });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Password.Common");
        problem.FieldErrors("newPassword").ShouldNotBeEmpty();
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "viewer", password = HeraldFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_OneOfLastFive_RefusedButSixthBackAllowed()
    {
        await factory.AddUserAsync("pw.history", "口令历史", "幸福社区", Role.Correspondent);
        string[] passwords = [HeraldFactory.Password, "Kvmtrp#2026a", "Kvmtrp#2026b", "Kvmtrp#2026c", "Kvmtrp#2026d", "Kvmtrp#2026e"];
        for (var i = 1; i < passwords.Length; i++)
            (await ChangeAsync("pw.history", passwords[i - 1], passwords[i])).StatusCode.ShouldBe(HttpStatusCode.NoContent, passwords[i]);

        // 当前是 e；最近 5 次是 e d c b a：a 不能再用，最初的演示口令（第 6 次之前）可以。
        var reused = await ChangeAsync("pw.history", passwords[5], passwords[1]);
        var back = await ChangeAsync("pw.history", passwords[5], passwords[0]);

        await reused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Password.Reused", "新口令不能与最近 5 次用过的口令相同。");
        back.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var history = await factory.QueryAsync(async db =>
        {
            var id = await db.Users.Where(u => u.UserName == "pw.history").Select(u => u.Id).SingleAsync();
            return await db.PasswordHistory.CountAsync(h => h.UserId == id);
        });
        history.ShouldBe(6);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentFiveTimes_LockedAuditedAndWebSessionEnded()
    {
        var id = await factory.AddUserAsync("pw.guess", "猜口令", "幸福社区", Role.Correspondent);
        using var web = await factory.SignInAsync("pw.guess");
        using var client = await factory.ApiClientAsync("pw.guess");
        (await web.Client.GetAsync("/account/password")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            answers.Add(await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = $"Guess#{i}Wrong", newPassword = "Kvmtrp#2026z" }));

        foreach (var early in answers.Take(4)) await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Password.WrongCurrent");
        await answers[4].ShouldBeProblemAsync(HttpStatusCode.BadRequest, "SignIn.LockedOut");
        // 锁定后连正确的当前口令也不接受，登录也被拒，之前的网页会话失效。
        await (await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = HeraldFactory.Password, newPassword = "Kvmtrp#2026z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "SignIn.LockedOut");
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "pw.guess", password = HeraldFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = await web.Client.GetAsync("/account/password");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/signin?");
        var actions = await factory.AuditActionsAsync("User", id);
        actions.Count(a => a == "password.change_failed").ShouldBe(5);
        actions.ShouldContain("signin.lockout");
        actions.ShouldNotContain("password.change");
    }

    [Fact]
    public async Task SignIn_PasswordOlderThanMaxAge_MustChangeFirst()
    {
        await factory.AddUserAsync("pw.old", "旧口令", "幸福社区", Role.Correspondent);
        await factory.AddUserAsync("pw.fresh", "新口令", "幸福社区", Role.Correspondent);
        await factory.QueryAsync(async db =>
        {
            // pw.old 的账号与口令是 91 天前设的；pw.fresh 89 天前。
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            await db.Users.Where(u => u.UserName == "pw.old").ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, now.AddDays(-91)));
            return await db.Users.Where(u => u.UserName == "pw.fresh").ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, now.AddDays(-89)));
        });
        using var old = factory.AnonymousSession();
        using var fresh = factory.AnonymousSession();

        var oldSignIn = await old.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "pw.old", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" });
        var freshSignIn = await fresh.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "pw.fresh", ["Password"] = HeraldFactory.Password, ["ReturnUrl"] = "/" });

        oldSignIn.Headers.Location!.OriginalString.ShouldBe("/account/password");
        freshSignIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await old.Client.GetAsync("/manuscripts")).Headers.Location!.OriginalString.ShouldBe("/account/password");
        var changed = await old.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = HeraldFactory.Password, ["NewPassword"] = "Kvmtrp#2026y", ["ConfirmPassword"] = "Kvmtrp#2026y",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await old.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.AuditActionsAsync("User", await factory.UserIdAsync("pw.old"))).ShouldContain("password.expired");
    }

    private async Task<HttpResponseMessage> ChangeAsync(string userName, string current, string next)
    {
        using var client = await factory.ApiClientAsync(userName, current);
        return await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = next });
    }
}
