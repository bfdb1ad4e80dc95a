using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>管理员角色的授予与收回：先记为待审批的申请，由申请人和当事人以外的安全管理员批准才生效（页面与 API）。</summary>
public sealed class AdminRoleRequestTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task GrantAuditor_PendingUntilSecurityAdministratorApproves_ThenRevokeLikewise()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("audit.two", "审计员二", "示例街道");

        var requested = await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "auditor" });

        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var request = await requested.ReadJsonAsync();
        (request.Str("role"), request.Str("change"), request.Str("status"), request.Str("statusName"), request.Str("changeName"))
            .ShouldBe(("auditor", "grant", "pending", "待审批", "授予"));
        requested.Headers.Location!.OriginalString.ShouldBe($"/api/v1/role-requests/{request.Long("id")}");
        (await HasRoleAsync(id, Role.Auditor)).ShouldBeFalse();
        (await admin.PostAsync($"/api/v1/role-requests/{request.Long("id")}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var secadmin = await factory.SignInAsync("secadmin");
        var page = await secadmin.GetPageAsync("/org/role-requests");
        var row = page.Document.QuerySelector($"[data-request-id='{request.Long("id")}']")!;
        row.QuerySelector("[data-testid=role-request-status]")!.TextContent.ShouldBe("待审批");
        var approved = await secadmin.PostFormAsync("/org/role-requests", $"/org/role-requests/{request.Long("id")}/approve", new());
        approved.ShouldRedirectTo("/org/role-requests?notice=approved");
        (await HasRoleAsync(id, Role.Auditor)).ShouldBeTrue();
        (await factory.AuditActionsAsync("User", id)).ShouldContain("role.request");
        (await factory.AuditDetailsAsync("role.approve")).ShouldContain($"user #{id} audit.two: grant auditor");

        var assignment = await factory.QueryAsync(db => db.RoleAssignments.Where(r => r.UserId == id).Select(r => r.Id).SingleAsync());
        var revoke = await admin.DeleteAsync($"/api/v1/users/{id}/roles/{assignment}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await HasRoleAsync(id, Role.Auditor)).ShouldBeTrue();
        using var secApi = await factory.ApiClientAsync("secadmin");
        var revokeId = (await revoke.ReadJsonAsync()).Long("id");
        (await secApi.PostAsync($"/api/v1/role-requests/{revokeId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await HasRoleAsync(id, Role.Auditor)).ShouldBeFalse();
        var again = await secApi.PostAsync($"/api/v1/role-requests/{revokeId}/approve", null);
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "AdminRequest.NotPending")).Str("detail").ShouldBe("这项申请已经处理过了。");
    }

    [Fact]
    public async Task Approve_OwnRequest_Forbidden()
    {
        using var secadmin = await factory.ApiClientAsync("secadmin");
        var id = await factory.AddUserAsync("sec.two", "安全员二", "示例街道");
        var request = await (await secadmin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "sec_admin" })).ReadJsonAsync();

        var response = await secadmin.PostAsync($"/api/v1/role-requests/{request.Long("id")}/approve", null);

        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "AdminRequest.OwnRequest")).Str("detail").ShouldContain("不能审批自己提出的申请");
        (await HasRoleAsync(id, Role.SecAdmin)).ShouldBeFalse();
    }

    [Fact]
    public async Task Reject_BySecurityAdministrator_NoRoleReasonKept()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("sys.two", "系统员二", "示例街道");
        var request = await (await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "sys_admin" })).ReadJsonAsync();
        await (await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "sys_admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "AdminRequest.AlreadyPending");
        using var secadmin = await factory.ApiClientAsync("secadmin");

        var response = await secadmin.PostAsJsonAsync($"/api/v1/role-requests/{request.Long("id")}/reject", new { reason = "未经党组研究" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var listed = await (await admin.GetAsync("/api/v1/role-requests")).ReadJsonAsync();
        var row = listed.EnumerateArray().Single(r => r.Long("id") == request.Long("id"));
        (row.Str("status"), row.Str("statusName"), row.Str("reason")).ShouldBe(("rejected", "已驳回", "未经党组研究"));
        (await HasRoleAsync(id, Role.SysAdmin)).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateUser_WithAdministratorRole_CreatedWithoutRolePendingRequest()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "audit.new", displayName = "新审计员", role = "auditor" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync()).Long("userId");
        (await HasRoleAsync(id, Role.Auditor)).ShouldBeFalse();
        (await factory.QueryAsync(db => db.AdminRoleRequests.CountAsync(r => r.UserId == id && r.Status == AdminRoleRequestStatus.Pending)))
            .ShouldBe(1);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("auditor")]
    public async Task RoleRequests_NotAnAdministrator_Forbidden(string userName)
    {
        using var session = await factory.SignInAsync(userName);

        (await session.Client.GetAsync("/org/role-requests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RoleRequestsPage_SystemAdministrator_SeesStatusButCannotDecide()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await factory.AddUserAsync("audit.three", "审计员三", "示例街道");
        await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role = "auditor" });
        using var session = await factory.SignInAsync("admin");

        var page = await session.GetPageAsync("/org/role-requests");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("[data-testid=role-request]").ShouldNotBeEmpty();
        page.Document.QuerySelector("[data-testid=role-request-approve]").ShouldBeNull();
    }

    private Task<bool> HasRoleAsync(long userId, Role role) =>
        factory.QueryAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == userId && r.Role == role));
}
