using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>
/// 三员分立（议题 9 第 2 项）的复现：admin 只有系统管理员角色，不能给自己加业务角色、不能给自己授予审计管理员、
/// 不能收回审计管理员的角色；管理员角色之间、与业务角色互斥；没有人能改自己的角色或账号状态。
/// </summary>
public sealed class SeparationOfDutiesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string OwnAccount = "不能修改自己的角色或账号状态";

    [Fact]
    public async Task AssignRolePage_AdminGivesItselfOffice_RefusedInChinese()
    {
        using var admin = await factory.SignInAsync("admin");
        var adminId = await factory.UserIdAsync("admin");
        adminId.ShouldBe(1);

        var response = await admin.PostFormAsync("/org/users/1", "/org/users/1/roles", new() { ["Role"] = "Office", ["UnitId"] = "1" });

        await response.ShouldFailWithAsync(OwnAccount);
        (await RolesOfAsync("admin")).ShouldBe([Role.SysAdmin]);
    }

    [Fact]
    public async Task AssignRoleApi_AdminGivesItselfOffice_Refused409()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users/1/roles", new { role = "office", unitId = 1 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "User.CannotChangeOwnAccount");
        problem.Str("detail").ShouldContain(OwnAccount);
        (await RolesOfAsync("admin")).ShouldBe([Role.SysAdmin]);
    }

    [Fact]
    public async Task AssignRoleApi_AdminGrantsItselfAuditor_RefusedNoRequest()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users/1/roles", new { role = "auditor" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "User.CannotChangeOwnAccount");
        (await factory.QueryAsync(db => db.AdminRoleRequests.AnyAsync(r => r.UserId == 1))).ShouldBeFalse();
    }

    [Fact]
    public async Task RemoveRoleApi_AdminRemovesTheOnlyAuditor_RefusedRoleKept()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var auditorId = await factory.UserIdAsync("auditor");
        var assignment = await factory.QueryAsync(db => db.RoleAssignments.Where(r => r.UserId == auditorId).Select(r => r.Id).SingleAsync());

        var response = await admin.DeleteAsync($"/api/v1/users/{auditorId}/roles/{assignment}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Role.LastAdministrator");
        problem.Str("detail").ShouldContain("审计管理员");
        (await RolesOfAsync("auditor")).ShouldBe([Role.Auditor]);
    }

    [Theory]
    [InlineData("secadmin", "office", true)]
    [InlineData("auditor", "sec_admin", false)]
    [InlineData("officer", "auditor", false)]
    [InlineData("head", "sys_admin", false)]
    public async Task AssignRoleApi_BreaksSeparation_Refused409(string userName, string role, bool withUnit)
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.UserIdAsync(userName);
        var before = await RolesOfAsync(userName);

        var response = await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role, unitId = withUnit ? (long?)1 : null });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Role.AdminExclusive");
        problem.Str("detail").ShouldStartWith("三员分立：");
        (await RolesOfAsync(userName)).ShouldBe(before);
    }

    [Fact]
    public async Task AssignRolePage_ContentRoleToSecurityAdministrator_RefusedInChinese()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UserIdAsync("secadmin");

        var response = await admin.PostFormAsync($"/org/users/{id}", $"/org/users/{id}/roles", new() { ["Role"] = "Office", ["UnitId"] = "1" });

        await response.ShouldFailWithAsync("三员分立：“安全管理员”与“宣传办”不能由同一人担任");
    }

    public static TheoryData<string, string> OwnAccountActions => new()
    {
        { "admin", "disable" }, { "admin", "unlock" }, { "secadmin", "disable" }, { "secadmin", "enable" }, { "secadmin", "unlock" },
        { "secadmin", "reset-password" },
    };

    [Theory]
    [MemberData(nameof(OwnAccountActions))]
    public async Task AccountStateApi_OwnAccount_Refused409(string userName, string action)
    {
        using var client = await factory.ApiClientAsync(userName);
        var id = await factory.UserIdAsync(userName);

        var response = await client.PostAsync($"/api/v1/users/{id}/{action}", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task DisableApi_OnlySecurityAdministrator_Refused()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.UserIdAsync("secadmin");

        var response = await admin.PostAsync($"/api/v1/users/{id}/disable", null);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Role.LastAdministrator")).Str("detail").ShouldContain("安全管理员");
        (await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync())).ShouldBeFalse();
    }

    public static TheoryData<string> ContentUrls => new()
    {
        "/manuscripts/1", "/manuscripts/1/document", "/opinion/cases/1", "/api/v1/manuscripts/1", "/api/v1/opinion/cases/1",
    };

    [Theory]
    [MemberData(nameof(ContentUrls))]
    public async Task ContentRead_SystemAdministrator_NotFound(string url)
    {
        using var session = await factory.SignInAsync("admin");
        using var api = await factory.ApiClientAsync("admin");

        var response = url.StartsWith("/api/", StringComparison.Ordinal) ? await api.GetAsync(url) : await session.Client.GetAsync(url);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/v1/manuscripts")]
    [InlineData("/api/v1/opinion/cases")]
    public async Task ContentList_SystemAdministrator_Empty(string url)
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.GetAsync(url);

        if (response.StatusCode == HttpStatusCode.OK) (await response.ReadJsonAsync()).Long("total").ShouldBe(0);
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<List<Role>> RolesOfAsync(string userName) =>
        factory.QueryAsync(db => db.RoleAssignments.Where(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == userName))
            .OrderBy(r => r.Id).Select(r => r.Role).ToListAsync());
}
