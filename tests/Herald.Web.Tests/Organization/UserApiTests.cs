using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>/api/v1/users：与 /org/users 页面同样的处理器；口令只在这一次的响应里出现。</summary>
public sealed class UserApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Create_WithRole_PasswordOnceNoStore_AuditedAndMustChange()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var xingfu = await factory.UnitIdAsync("幸福社区");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = "Qian.Hong", displayName = "钱红", phone = "13805370888", email = "qh@example.invalid", unitId = xingfu, role = "correspondent",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var issued = await response.ReadJsonAsync();
        issued.Str("userName").ShouldBe("qian.hong");
        issued.Bool("isNewUser").ShouldBeTrue();
        var password = issued.Str("password");
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        var id = issued.Long("userId");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/users/{id}");
        (await factory.AuditActionsAsync("User", id)).ShouldBe(["role.assign", "user.create"]);
        var detail = await (await admin.GetAsync($"/api/v1/users/{id}")).ReadJsonAsync();
        detail.Bool("mustChangePassword").ShouldBeTrue();
        detail.Items("roles").Single().Str("role").ShouldBe("correspondent");

        using var newcomer = factory.AnonymousSession();
        var signIn = await newcomer.PostFormAsync("/signin", "/signin", new() { ["UserName"] = "qian.hong", ["Password"] = password, ["ReturnUrl"] = "/" });
        signIn.ShouldRedirectTo("/account/password");
    }

    [Theory]
    [InlineData("officer", "新人", null, "userName", "User.DuplicateUserName")]
    [InlineData("张三", "张三", null, "userName", "User.InvalidUserName")]
    [InlineData("newbie1", null, null, "displayName", "Required")]
    [InlineData("newbie2", "新\t人", null, "displayName", "Text.ControlCharacters")]
    [InlineData("newbie3", "新人", "chief", "role", "Role.Unknown")]
    public async Task Create_BadField_Chinese400NothingSaved(string userName, string? displayName, string? role, string field, string code)
    {
        using var admin = await factory.ApiClientAsync("admin");
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName, displayName, role });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors(field).ShouldNotBeEmpty();
        (await factory.QueryAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Create_UnknownUnit_400()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "nounit", displayName = "无单位", unitId = 999999 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Unit.UnknownParent")).FieldErrors("unitId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Update_ReplacesProfile_Audited()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("profile.api", "资料前", "幸福社区");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "资料后", phone = "0537-7654321", unitId = bureau });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await response.ReadJsonAsync();
        detail.Str("displayName").ShouldBe("资料后");
        detail.Str("phone").ShouldBe("0537-7654321");
        detail.Long("unitId").ShouldBe(bureau);
        (await factory.AuditActionsAsync("User", id)).ShouldBe(["user.update"]);
        (await admin.PutAsJsonAsync("/api/v1/users/999999", new { displayName = "无" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Roles_AssignDuplicateRemove_ConflictsAndAudit()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("roles.api", "角色测试", "幸福社区");
        var heping = await factory.UnitIdAsync("和平社区");

        var assigned = await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "supervising_leader", unitId = heping });
        var again = await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "SupervisingLeader", unitId = heping });
        var noUnit = await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "unit_head" });

        assigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        var role = (await assigned.ReadJsonAsync()).Items("supervisedUnits").Single();
        role.Long("unitId").ShouldBe(heping);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Role.AlreadyAssigned");
        (await noUnit.ReadJsonAsync()).Int("status").ShouldBe(400);

        var removed = await admin.DeleteAsync($"/api/v1/users/{id}/roles/{role.Long("assignmentId")}");
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.ReadJsonAsync()).Items("roles").ShouldBeEmpty();
        (await factory.AuditActionsAsync("User", id)).ShouldBe(["role.assign", "role.remove"]);
        (await admin.DeleteAsync($"/api/v1/users/{id}/roles/{role.Long("assignmentId")}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveRole_OwnAdminRole_ConflictNoRequest()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var me = await factory.UserIdAsync("admin");
        var own = await factory.QueryAsync(db => db.RoleAssignments.Where(r => r.UserId == me && r.Role == Role.SysAdmin).Select(r => r.Id).SingleAsync());

        var response = await admin.DeleteAsync($"/api/v1/users/{me}/roles/{own}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "User.CannotChangeOwnAccount");
        (await factory.QueryAsync(db => db.AdminRoleRequests.AnyAsync(r => r.UserId == me))).ShouldBeFalse();
    }

    [Fact]
    public async Task Disable_RevokesTokens_EnableRestores_SelfRefused()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("disable.api", "停用测试", "幸福社区", Role.Correspondent);
        using var victim = await factory.ApiClientAsync("disable.api");
        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await admin.PostAsync($"/api/v1/users/{id}/disable", null);

        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("User", id)).Where(a => a.StartsWith("user.")).ShouldBe(["user.disable", "user.enable"]);
        var self = await admin.PostAsync($"/api/v1/users/{await factory.UserIdAsync("admin")}/disable", null);
        await self.ShouldBeProblemAsync(HttpStatusCode.Conflict, "User.CannotDisableSelf");
    }

    [Fact]
    public async Task ResetPassword_NewPasswordOnce_OldTokensRevoked_SelfRefused()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("reset.api", "重置测试", "幸福社区", Role.Correspondent);
        using var before = await factory.ApiClientAsync("reset.api");

        var response = await admin.PostAsync($"/api/v1/users/{id}/reset-password", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var issued = await response.ReadJsonAsync();
        issued.Bool("isNewUser").ShouldBeFalse();
        issued.Str("password").ShouldNotBe(HeraldFactory.Password);
        (await before.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Id == id))).MustChangePassword.ShouldBeTrue();
        var self = await admin.PostAsync($"/api/v1/users/{await factory.UserIdAsync("admin")}/reset-password", null);
        await self.ShouldBeProblemAsync(HttpStatusCode.Conflict, "User.ResetOwnPassword");
    }

    [Fact]
    public async Task Unlock_LockedOutUser_Unlocked()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("locked.api", "锁定测试", "幸福社区");
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 6; i++)
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "locked.api", password = "wrong-password" });
        (await (await admin.GetAsync($"/api/v1/users/{id}")).ReadJsonAsync()).Bool("lockedOut").ShouldBeTrue();

        var response = await admin.PostAsync($"/api/v1/users/{id}/unlock", null);

        (await response.ReadJsonAsync()).Bool("lockedOut").ShouldBeFalse();
        (await factory.AuditActionsAsync("User", id)).ShouldContain("user.unlock");
    }

    [Fact]
    public async Task List_SearchAndUnitFilter_SameAsPage()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var xingfu = await factory.UnitIdAsync("幸福社区");

        var byName = await (await admin.GetAsync("/api/v1/users?q=HEAD")).ReadJsonAsync();
        var byUnit = await (await admin.GetAsync($"/api/v1/users?unitId={xingfu}&pageSize=100")).ReadJsonAsync();

        byName.Items("items").Select(u => u.Str("userName")).ShouldBe(["head", "head2", "head3"]);
        byUnit.Items("items").Select(u => u.Str("userName")).ShouldContain("officer2");
        byUnit.Items("items").Select(u => u.Str("userName")).ShouldNotContain("officer");
    }

    [Fact]
    public async Task WriteOperations_BadBodies_Chinese400()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.UserIdAsync("viewer");

        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/users");
        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Put, $"/api/v1/users/{id}");
        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Post, $"/api/v1/users/{id}/roles");
        (await admin.GetAsync("/api/v1/users?page=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
