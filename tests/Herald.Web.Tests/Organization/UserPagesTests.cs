using System.Net;
using System.Net.Http.Headers;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

public sealed class UserPagesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task UsersList_SearchAndUnitFilter_ExactMatches()
    {
        using var admin = await factory.SignInAsync("admin");
        var xingfu = await factory.UnitIdAsync("幸福社区");

        var (_, byName) = await admin.GetPageAsync("/org/users?q=" + Uri.EscapeDataString("李文"));
        UserNames(byName).ShouldBe(["officer"]);
        var (_, byUserName) = await admin.GetPageAsync("/org/users?q=HEAD");
        UserNames(byUserName).ShouldBe(["head", "head2", "head3"]);
        var (_, byUnit) = await admin.GetPageAsync($"/org/users?unitId={xingfu}");
        UserNames(byUnit).ShouldBe(["head2", "leader", "officer2"]);
    }

    [Fact]
    public async Task CreateUser_GeneratedPasswordShownOnce_MustChangeAtFirstSignIn()
    {
        using var admin = await factory.SignInAsync("admin");
        var xingfu = await factory.UnitIdAsync("幸福社区");

        var response = await admin.PostFormAsync("/org/users/new", "/org/users/new", new()
        {
            ["UserName"] = "Zhao.Lei", ["DisplayName"] = "赵磊", ["Phone"] = "13805370999", ["Email"] = "zl@example.invalid",
            ["UnitId"] = xingfu.ToString(), ["Role"] = "correspondent",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = OrgTestData.Parse(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector("[data-testid=password-value]")!.TextContent.Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "zhao.lei"));
        user.MustChangePassword.ShouldBeTrue();
        user.UnitId.ShouldBe(xingfu);
        user.Phone.ShouldBe("13805370999");
        (await factory.QueryAsync(db => db.RoleAssignments.Where(r => r.UserId == user.Id).Select(r => new { r.Role, r.UnitId }).ToListAsync()))
            .ShouldBe([new { Role = Role.Correspondent, UnitId = (long?)xingfu }]);
        (await factory.AuditActionsAsync("User", user.Id)).ShouldBe(["role.assign", "user.create"]);

        using var newcomer = factory.AnonymousSession();
        var signIn = await newcomer.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "zhao.lei", ["Password"] = password, ["ReturnUrl"] = "/" });
        signIn.ShouldRedirectTo("/account/password");
        (await newcomer.Client.GetAsync("/manuscripts/new")).Headers.Location!.OriginalString.ShouldBe("/account/password");
    }

    [Fact]
    public async Task CreateUser_DuplicateOrInvalidUserName_RefusedInChinese()
    {
        using var admin = await factory.SignInAsync("admin");

        var duplicate = await admin.PostFormAsync("/org/users/new", "/org/users/new", new() { ["UserName"] = "officer", ["DisplayName"] = "重名" });
        await duplicate.ShouldFailWithAsync("用户名“officer”已被使用。");
        var invalid = await admin.PostFormAsync("/org/users/new", "/org/users/new", new() { ["UserName"] = "张三", ["DisplayName"] = "张三" });
        await invalid.ShouldFailWithAsync("用户名：用户名只能用小写字母");
        (await factory.QueryAsync(db => db.Users.CountAsync(u => u.DisplayName == "重名" || u.DisplayName == "张三"))).ShouldBe(0);
    }

    [Fact]
    public async Task EditProfile_SavedAndAudited()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("viewer");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");

        var response = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/profile",
            new() { ["DisplayName"] = "孙伟（副县长）", ["Phone"] = "0537-1234567", ["Email"] = "", ["UnitId"] = bureau.ToString() });

        response.ShouldRedirectTo($"/org/users/{id}?notice=saved");
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Id == id));
        (user.DisplayName, user.Phone, user.Email, user.UnitId).ShouldBe(("孙伟（副县长）", "0537-1234567", (string?)null, (long?)bureau));
        (await factory.AuditActionsAsync("User", id)).ShouldContain("user.update");
    }

    [Fact]
    public async Task Roles_AddSupervisingLeader_ShownAsSupervisedUnit_RemoveAudited()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("principal");
        var lijia = await factory.UnitIdAsync("李家村");

        var add = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles",
            new() { ["Role"] = "supervising_leader", ["UnitId"] = lijia.ToString() });
        add.ShouldRedirectTo($"/org/users/{id}?notice=role-added");
        var (_, page) = await admin.GetPageAsync($"/org/users/{id}");
        page.QuerySelector("[data-testid=supervised-units]")!.TextContent.ShouldContain("示例街道 / 李家村");
        var (_, unitPage) = await admin.GetPageAsync($"/org/units/{lijia}");
        unitPage.QuerySelector("[data-testid=unit-holders] [data-role=supervising_leader]")!.TextContent.ShouldContain("赵立新");

        var again = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles",
            new() { ["Role"] = "supervising_leader", ["UnitId"] = lijia.ToString() });
        await again.ShouldFailWithAsync("此人在该单位上已有这个角色。");

        var assignment = await factory.QueryAsync(db => db.RoleAssignments
            .SingleAsync(r => r.UserId == id && r.Role == Role.SupervisingLeader && r.UnitId == lijia));
        var remove = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles/{assignment.Id}/remove", new());
        remove.ShouldRedirectTo($"/org/users/{id}?notice=role-removed");
        (await factory.QueryAsync(db => db.RoleAssignments.AnyAsync(r => r.Id == assignment.Id))).ShouldBeFalse();
        var actions = await factory.AuditActionsAsync("User", id);
        actions.ShouldContain("role.assign");
        actions.ShouldContain("role.remove");
    }

    [Fact]
    public async Task Roles_GlobalRoleOnUnit_RefusedByDomainRuleInChinese()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("head");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles",
            new() { ["Role"] = "auditor", ["UnitId"] = street.ToString() });

        await response.ShouldFailWithAsync("系统管理员、安全管理员、审计管理员是全局角色，不能挂在单位上。");
        var unitRole = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles", new() { ["Role"] = "unit_head", ["UnitId"] = "" });
        await unitRole.ShouldFailWithAsync("该角色必须指定单位。");
    }

    [Fact]
    public async Task DisableUser_SessionAndExistingApiTokenRejected_CannotSignIn_EnableAllowsSignInAgain()
    {
        using var admin = await factory.SignInAsync("admin");
        using var officer2 = await factory.SignInAsync("officer2");
        var api = await factory.ApiClientAsync("officer2");
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await factory.UserIdAsync("officer2");

        var disable = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/disable", new());

        disable.ShouldRedirectTo($"/org/users/{id}?notice=disabled");
        var page = await officer2.Client.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.AbsolutePath.ShouldBe("/signin");
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = factory.AnonymousSession();
        var signIn = await again.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "officer2", ["Password"] = HeraldFactory.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("账号已停用");
        (await factory.AuditDetailsAsync("user.disable")).Last().ShouldBe("officer2; tokens revoked: 1");

        var enable = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/enable", new());
        enable.ShouldRedirectTo($"/org/users/{id}?notice=enabled");
        using var back = await factory.SignInAsync("officer2");
        // 停用时已撤销：重新启用不会让旧令牌复活。
        (await api.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.AuditActionsAsync("User", id)).ShouldContain("user.enable");
    }

    [Fact]
    public async Task DisableUser_Self_Refused()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("admin");

        var response = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/disable", new());

        await response.ShouldFailWithAsync("不能停用自己的账号。");
    }

    [Fact]
    public async Task ResetPassword_NewPasswordShownOnce_OldFails_ForcesChangeAtNextSignIn()
    {
        using var admin = await factory.SignInAsync("admin");
        using var head2 = await factory.SignInAsync("head2");
        var id = await factory.UserIdAsync("head2");

        var response = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/reset-password", new());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var password = OrgTestData.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=password-value]")!.TextContent.Trim();
        (await head2.Client.GetAsync("/")).Headers.Location!.AbsolutePath.ShouldBe("/signin");
        using var anonymous = factory.AnonymousSession();
        (await anonymous.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "head2", ["Password"] = HeraldFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var signIn = await anonymous.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "head2", ["Password"] = password, ["ReturnUrl"] = "/" });
        signIn.ShouldRedirectTo("/account/password");
        (await factory.AuditActionsAsync("User", id)).ShouldContain("user.password_reset");
    }

    [Fact]
    public async Task Unlock_LockedOutUser_CanSignInAgain()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("leader");
        using var anonymous = factory.AnonymousSession();
        for (var i = 0; i < 5; i++)
            await anonymous.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "leader", ["Password"] = "wrong-Password1" });
        (await anonymous.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "leader", ["Password"] = HeraldFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, page) = await admin.GetPageAsync($"/org/users/{id}");
        page.QuerySelector("[data-testid=flag-locked]").ShouldNotBeNull();

        var unlock = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/unlock", new());

        unlock.ShouldRedirectTo($"/org/users/{id}?notice=unlocked");
        using var leader = await factory.SignInAsync("leader");
        (await factory.AuditActionsAsync("User", id)).ShouldContain("user.unlock");
    }

    private static List<string?> UserNames(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll("[data-testid=user-row]").Select(r => r.GetAttribute("data-user-name")).ToList();
}
