using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Account;

/// <summary>Herald:Demo:Enabled=false：只有三员账号 admin、secadmin、auditor，初始口令必须先修改，其他页面和 API 令牌在此之前都不可用。</summary>
public sealed class MustChangePasswordTests(NoDemoFactory factory) : IClassFixture<NoDemoFactory>
{
    private const string NewPassword = "Fresh#2026Secret";

    [Theory]
    [InlineData("admin", Herald.Domain.Organization.Role.SysAdmin)]
    [InlineData("secadmin", Herald.Domain.Organization.Role.SecAdmin)]
    [InlineData("auditor", Herald.Domain.Organization.Role.Auditor)]
    public async Task Bootstrap_ThreeSeparateAdministrators_EachOneRoleMustChangePassword(string userName, Herald.Domain.Organization.Role role)
    {
        var roles = await factory.QueryAsync(db => db.RoleAssignments.Where(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == userName))
            .Select(r => r.Role).ToListAsync());
        roles.ShouldBe([role]);
        // admin 的首次登录见下一个测试（它会改掉 admin 的口令）。
        if (userName == "admin") return;
        using var session = factory.AnonymousSession();

        var signIn = await session.PostFormAsync("/signin", "/signin",
            new() { ["UserName"] = userName, ["Password"] = NoDemoFactory.InitialPassword, ["ReturnUrl"] = "/" });

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/password");
    }

    [Fact]
    public async Task FirstSignIn_InitialPassword_MustChangeBeforeAnythingElse()
    {
        (await factory.QueryAsync(db => db.Users.Select(u => u.UserName).ToListAsync())).ShouldBe(["admin", "secadmin", "auditor"], ignoreOrder: true);
        using var session = factory.AnonymousSession();

        var signIn = await session.PostFormAsync("/signin", "/signin",
            new() { ["UserName"] = "admin", ["Password"] = NoDemoFactory.InitialPassword, ["ReturnUrl"] = "/manuscripts" });

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/account/password");
        foreach (var page in new[] { "/", "/manuscripts", "/notifications", "/account/tokens" })
        {
            var blocked = await session.Client.GetAsync(page);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, page);
            blocked.Headers.Location!.OriginalString.ShouldBe("/account/password", page);
        }
        var (form, document) = await session.GetPageAsync("/account/password");
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=alert-warning]")!.TextContent.Trim().ShouldBe("这是初始口令、已被重置或已到期的口令，请先修改口令再使用系统。");

        // API 令牌同样要求先改口令。
        var token = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = NoDemoFactory.InitialPassword });
        await token.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Token.MustChangePassword", "请先在网页上修改初始口令，再申请访问令牌。");

        // 不合策略的新口令被拒绝，仍须修改。
        var weak = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = NoDemoFactory.InitialPassword, ["NewPassword"] = "password", ["ConfirmPassword"] = "password",
        });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(weak)).QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim()
            .ShouldBe("口令须包含大写字母、小写字母、数字、符号中的至少三类。");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var changed = await session.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = NoDemoFactory.InitialPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(changed)).QuerySelector("[data-testid=alert-success]")!.TextContent.Trim().ShouldBe("口令已修改。");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.ApiClientAsync("admin", NewPassword)).ShouldNotBeNull();
        using var fresh = await factory.SignInAsync("admin", NewPassword);
        (await fresh.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "admin"))).MustChangePassword.ShouldBeFalse();
    }
}
