using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>/api/v1/units：与 /org/units 页面同样的处理器、同样的规则与审计。</summary>
public sealed class UnitApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Create_UnderParent_CreatedWithLocationAndAudited()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name = "示例街道新时代文明实践站", parentId = street, type = "affiliate" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = await response.ReadJsonAsync();
        var id = unit.Long("id");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/units/{id}");
        unit.Long("parentId").ShouldBe(street);
        unit.Str("type").ShouldBe("affiliate");
        unit.Str("path").ShouldBe("示例街道 / 示例街道新时代文明实践站");
        unit.Int("depth").ShouldBe(1);
        (await factory.AuditActionsAsync("Unit", id)).ShouldBe(["unit.create"]);
        (await (await admin.GetAsync($"/api/v1/units/{id}")).ReadJsonAsync()).Str("name").ShouldBe("示例街道新时代文明实践站");
    }

    [Fact]
    public async Task Create_TopLevelWithoutParent_Created()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name = "示例县融媒体中心", type = "Agency" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = await response.ReadJsonAsync();
        unit.IsNull("parentId").ShouldBeTrue();
        unit.Str("type").ShouldBe("agency");
    }

    [Fact]
    public async Task Create_DuplicateNameUnderSameParent_400NamesTheField()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name = "幸福社区", parentId = street, type = "community" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Unit.DuplicateName");
        problem.FieldErrors("name").Single().ShouldContain("幸福社区");
        (await factory.QueryAsync(db => db.Units.CountAsync(u => u.Name == "幸福社区"))).ShouldBe(1);
    }

    [Theory]
    [InlineData(null, "community", "name", "Required")]
    [InlineData("  ", "community", "name", "Required")]
    [InlineData("新\u0000单位", "community", "name", "Text.ControlCharacters")]
    [InlineData("新\n单位", "community", "name", "Text.ControlCharacters")]
    [InlineData("新单位", null, "type", "Required")]
    [InlineData("新单位", "village", "type", "Unit.UnknownType")]
    [InlineData("新单位", "3", "type", "Unit.UnknownType")]
    public async Task Create_BadField_Chinese400WithField(string? name, string? type, string field, string code)
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name, type });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors(field).ShouldNotBeEmpty();
        problem.Str("detail").ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public async Task Create_UnknownParent_400()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name = "新单位", type = "community", parentId = 999999 });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Unit.UnknownParent")).FieldErrors("parentId").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task WriteOperations_BadBodies_Chinese400()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var heping = await factory.UnitIdAsync("和平社区");

        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/units");
        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Put, $"/api/v1/units/{heping}");
        await admin.ShouldRefuseBadBodiesAsync(HttpMethod.Post, $"/api/v1/units/{heping}/move");
        var wrongType = await admin.PostAsJsonAsync("/api/v1/units", new { name = "新单位", type = "community", parentId = "三号" });
        await wrongType.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Update_RenameAndRetype_SavedAudited_TypeOmittedKeepsType()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await CreateAsync(admin, "改名前的社区", "community");

        var renamed = await admin.PutAsJsonAsync($"/api/v1/units/{id}", new { name = "改名后的社区" });
        var retyped = await admin.PutAsJsonAsync($"/api/v1/units/{id}", new { name = "改名后的社区", type = "department" });

        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterRename = await renamed.ReadJsonAsync();
        afterRename.Str("name").ShouldBe("改名后的社区");
        afterRename.Str("type").ShouldBe("community");
        (await retyped.ReadJsonAsync()).Str("type").ShouldBe("department");
        (await factory.AuditActionsAsync("Unit", id)).ShouldBe(["unit.create", "unit.update", "unit.update"]);
    }

    [Fact]
    public async Task Update_UnknownUnit_404()
    {
        using var admin = await factory.ApiClientAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/v1/units/999999", new { name = "无" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Move_UnderAnotherParentAndToTop_PathFollows()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await CreateAsync(admin, "待移动的科室", "department");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");

        var moved = await admin.PostAsJsonAsync($"/api/v1/units/{id}/move", new { parentId = bureau });
        var top = await admin.PostAsJsonAsync($"/api/v1/units/{id}/move", new { parentId = (long?)null });

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.ReadJsonAsync()).Str("path").ShouldBe("示例县科学技术局 / 待移动的科室");
        var atTop = await top.ReadJsonAsync();
        atTop.IsNull("parentId").ShouldBeTrue();
        atTop.Int("depth").ShouldBe(0);
        (await factory.AuditActionsAsync("Unit", id)).ShouldBe(["unit.create", "unit.move", "unit.move"]);
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_400NothingChanged()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");
        var xingfu = await factory.UnitIdAsync("幸福社区");

        var response = await admin.PostAsJsonAsync($"/api/v1/units/{street}/move", new { parentId = xingfu });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Unit.MoveIntoOwnSubtree")).FieldErrors("parentId").ShouldNotBeEmpty();
        (await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Id == street))).ParentId.ShouldBeNull();
    }

    [Fact]
    public async Task DisableEnable_FlagFollowsAndAudited()
    {
        using var admin = await factory.ApiClientAsync("admin");
        var id = await CreateAsync(admin, "临时工作专班", "affiliate");

        var disabled = await admin.PostAsync($"/api/v1/units/{id}/disable", null);
        var enabled = await admin.PostAsync($"/api/v1/units/{id}/enable", null);

        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("Unit", id)).ShouldBe(["unit.create", "unit.disable", "unit.enable"]);
        (await admin.PostAsync("/api/v1/units/999999/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_PageAndApi_SameRules()
    {
        using var admin = await factory.ApiClientAsync("admin");
        using var page = await factory.SignInAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");

        var api = await admin.PostAsJsonAsync("/api/v1/units", new { name = "同规则测试", parentId = street, type = "street" });
        var form = await page.PostFormAsync("/org/units/new", "/org/units/new",
            new() { ["Name"] = "同规则测试", ["Type"] = "Street", ["ParentId"] = street.ToString() });

        api.StatusCode.ShouldBe(HttpStatusCode.Created);
        await form.ShouldFailWithAsync("同一上级单位下已有名为“同规则测试”的单位");
        (await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Name == "同规则测试"))).Type.ShouldBe(UnitType.Street);
    }

    private static async Task<long> CreateAsync(HttpClient admin, string name, string type)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/units", new { name, type });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Long("id");
    }
}
