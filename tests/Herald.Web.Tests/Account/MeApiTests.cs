using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

public sealed class MeApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Me_Officer_ExactIdentityRolesAndUnit()
    {
        var unitId = await factory.UnitIdAsync("示例街道党政办公室");
        var client = await factory.ApiClientAsync("officer");

        var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["userName", "displayName", "roles", "unitId", "assignments"]);
        json.Str("userName").ShouldBe("officer");
        json.Str("displayName").ShouldBe("李文静");
        json.Strings("roles").ShouldBe(["correspondent"]);
        json.Long("unitId").ShouldBe(unitId);
        var assignment = json.Items("assignments").ShouldHaveSingleItem();
        assignment.Str("role").ShouldBe("correspondent");
        assignment.Long("unitId").ShouldBe(unitId);
        assignment.Str("unitName").ShouldBe("示例街道党政办公室");
    }

    [Fact]
    public async Task Me_Leader_OneAssignmentPerSupervisedUnit()
    {
        var client = await factory.ApiClientAsync("leader");

        var json = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();

        json.Str("displayName").ShouldBe("陈志强");
        json.Strings("roles").ShouldBe(["supervising_leader"]);
        json.Long("unitId").ShouldBe(await factory.UnitIdAsync("示例街道"));
        json.Items("assignments").Select(a => a.Str("unitName")).ShouldBe(
            ["示例街道党政办公室", "示例街道经济发展办公室", "幸福社区", "和平社区", "示例街道平安建设办公室"], ignoreOrder: true);
        json.Items("assignments").ShouldAllBe(a => a.Str("role") == "supervising_leader");
    }

    [Theory]
    [InlineData("admin", "sys_admin")]
    [InlineData("secadmin", "sec_admin")]
    [InlineData("auditor", "auditor")]
    public async Task Me_Administrators_OneGlobalRoleEachWithoutUnit(string userName, string role)
    {
        var client = await factory.ApiClientAsync(userName);

        var json = await (await client.GetAsync("/api/v1/me")).ReadJsonAsync();

        json.Strings("roles").ShouldBe([role]);
        json.GetProperty("unitId").ValueKind.ShouldBe(JsonValueKind.Null);
        json.Items("assignments").ShouldAllBe(a => a.GetProperty("unitId").ValueKind == JsonValueKind.Null);
    }
}
