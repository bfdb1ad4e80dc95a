using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

public sealed class UnitPagesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task UnitsPage_Admin_ShowsIndentedTreeWithHeadsLeadersCountsAndWarnings()
    {
        using var admin = await factory.SignInAsync("admin");

        var (response, document) = await admin.GetPageAsync("/org/units");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = document.QuerySelectorAll("[data-testid=unit-row]")
            .ToDictionary(r => r.QuerySelector(".unit-name")!.TextContent.Trim());
        var names = rows.Keys.ToList();
        names.IndexOf("示例街道").ShouldBeLessThan(names.IndexOf("示例街道党政办公室"));
        names.IndexOf("王庄村").ShouldBeLessThan(names.IndexOf("示例县科学技术局"));
        rows["示例街道"].GetAttribute("data-depth").ShouldBe("0");
        rows["幸福社区"].GetAttribute("data-depth").ShouldBe("1");

        var party = rows["示例街道党政办公室"];
        party.QuerySelector("[data-testid=unit-heads]")!.TextContent.ShouldContain("张建国");
        party.QuerySelector("[data-testid=unit-leaders]")!.TextContent.ShouldContain("陈志强");
        party.QuerySelector("[data-testid=unit-correspondents]")!.GetAttribute("data-count").ShouldBe("1");
        Warnings(party).ShouldBeEmpty();

        Warnings(rows["和平社区"]).ShouldBe(["NoHead", "NoCorrespondent"]);
        Warnings(rows["示例街道"]).ShouldBe(["NoHead", "NoLeader", "NoCorrespondent"]);
        Warnings(rows["示例县科学技术局高新技术科"]).ShouldBe(["NoHead", "NoLeader"]);
        rows["示例县科学技术局高新技术科"].QuerySelector("[data-testid=unit-correspondents]")!.GetAttribute("data-count").ShouldBe("1");
    }

    [Fact]
    public async Task UnitDetail_SupervisedUnit_ShowsWhoSupervisesIt()
    {
        using var admin = await factory.SignInAsync("admin");
        var heping = await factory.UnitIdAsync("和平社区");

        var (_, document) = await admin.GetPageAsync($"/org/units/{heping}");

        var supervisor = document.QuerySelector("[data-testid=unit-holders] [data-role=supervising_leader]")!;
        supervisor.TextContent.ShouldContain("分管领导（分管本单位）");
        supervisor.TextContent.ShouldContain("陈志强");
    }

    [Fact]
    public async Task CreateUnit_UnderParent_CreatedAuditedAndShownInTree()
    {
        using var admin = await factory.SignInAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await admin.PostFormAsync("/org/units/new", "/org/units/new",
            new() { ["Name"] = "示例街道文明实践所", ["Type"] = "Affiliate", ["ParentId"] = street.ToString() });

        var id = await factory.UnitIdAsync("示例街道文明实践所");
        response.ShouldRedirectTo($"/org/units/{id}?notice=created");
        var unit = await factory.QueryAsync(db => db.Units.SingleAsync(u => u.Id == id));
        unit.ParentId.ShouldBe(street);
        unit.Type.ShouldBe(UnitType.Affiliate);
        (await factory.AuditActionsAsync("Unit", id)).ShouldBe(["unit.create"]);
        var (_, tree) = await admin.GetPageAsync("/org/units");
        tree.QuerySelector($"[data-unit-id='{id}']")!.GetAttribute("data-depth").ShouldBe("1");
    }

    [Fact]
    public async Task CreateUnit_DuplicateNameUnderSameParent_RefusedInChinese()
    {
        using var admin = await factory.SignInAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await admin.PostFormAsync("/org/units/new", "/org/units/new",
            new() { ["Name"] = "幸福社区", ["Type"] = "Community", ["ParentId"] = street.ToString() });

        await response.ShouldFailWithAsync("同一上级单位下已有名为“幸福社区”的单位");
        (await factory.QueryAsync(db => db.Units.CountAsync(u => u.Name == "幸福社区"))).ShouldBe(1);
    }

    [Fact]
    public async Task EditUnit_RenameAndChangeType_SavedAndAudited()
    {
        using var admin = await factory.SignInAsync("admin");
        var id = await factory.UnitIdAsync("王庄村");

        var response = await admin.PostFormAsync($"/org/units/{id}", $"/org/units/{id}/edit",
            new() { ["Name"] = "王庄社区", ["Type"] = "Community" });

        response.ShouldRedirectTo($"/org/units/{id}?notice=saved");
        (await factory.QueryAsync(db => db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync())).ShouldBe("王庄社区");
        (await factory.AuditActionsAsync("Unit", id)).ShouldContain("unit.update");
    }

    [Fact]
    public async Task MoveUnit_IntoOwnSubtree_RefusedWithChineseMessageAndUnchanged()
    {
        using var admin = await factory.SignInAsync("admin");
        var street = await factory.UnitIdAsync("示例街道");
        var child = await factory.UnitIdAsync("示例街道社会事务办公室");

        var (_, detail) = await admin.GetPageAsync($"/org/units/{street}");
        var choices = detail.QuerySelectorAll("#ParentId option").Select(o => o.GetAttribute("value")).ToList();
        choices.ShouldNotContain(child.ToString());
        choices.ShouldNotContain(street.ToString());

        var response = await admin.PostFormAsync($"/org/units/{street}", $"/org/units/{street}/move",
            new() { ["ParentId"] = child.ToString() });

        await response.ShouldFailWithAsync("不能把单位移到它自己或它的下级单位之下。");
        (await factory.QueryAsync(db => db.Units.Where(u => u.Id == street).Select(u => u.ParentId).SingleAsync())).ShouldBeNull();
        (await factory.AuditActionsAsync("Unit", street)).ShouldNotContain("unit.move");
    }

    [Fact]
    public async Task MoveUnit_UnderAnotherParent_MovedAndAudited()
    {
        using var admin = await factory.SignInAsync("admin");
        var unit = await factory.UnitIdAsync("示例县科学技术局政策法规科");
        var bureauOffice = await factory.UnitIdAsync("示例县科学技术局办公室");

        var response = await admin.PostFormAsync($"/org/units/{unit}", $"/org/units/{unit}/move",
            new() { ["ParentId"] = bureauOffice.ToString() });

        response.ShouldRedirectTo($"/org/units/{unit}?notice=moved");
        (await factory.QueryAsync(db => db.Units.Where(u => u.Id == unit).Select(u => u.ParentId).SingleAsync())).ShouldBe(bureauOffice);
        var detail = (await factory.AuditDetailsAsync("unit.move")).Last();
        detail.ShouldBe("示例县科学技术局 / 示例县科学技术局政策法规科 -> 示例县科学技术局 / 示例县科学技术局办公室 / 示例县科学技术局政策法规科");
    }

    [Fact]
    public async Task DisableUnit_CannotSubmitAnymore_EnableRestores()
    {
        using var admin = await factory.SignInAsync("admin");
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        var officer = await factory.ApiClientAsync("officer");
        try
        {
            var disabled = await admin.PostFormAsync($"/org/units/{party}", $"/org/units/{party}/disable", new());
            disabled.ShouldRedirectTo($"/org/units/{party}?notice=disabled");
            var (_, tree) = await admin.GetPageAsync("/org/units");
            tree.QuerySelector($"[data-unit-id='{party}'] [data-testid=unit-disabled]").ShouldNotBeNull();

            var submit = await officer.PostAsync("/api/v1/manuscripts", Manuscript(party));
            submit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await submit.Content.ReadAsStringAsync()).ShouldContain("已停用，不能报送");
        }
        finally
        {
            var enabled = await admin.PostFormAsync($"/org/units/{party}", $"/org/units/{party}/enable", new());
            enabled.ShouldRedirectTo($"/org/units/{party}?notice=enabled");
        }
        (await factory.AuditActionsAsync("Unit", party)).ShouldBe(["unit.disable", "unit.enable"]);
        (await officer.PostAsync("/api/v1/manuscripts", Manuscript(party))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task UnitsApi_ListsTreeWithParentTypeAndDisabled()
    {
        var client = await factory.ApiClientAsync("officer");

        var items = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(client, "/api/v1/units");

        var xingfu = items!.Single(i => i.GetProperty("name").GetString() == "幸福社区");
        xingfu.GetProperty("type").GetString().ShouldBe("community");
        xingfu.GetProperty("disabled").GetBoolean().ShouldBeFalse();
        xingfu.GetProperty("path").GetString().ShouldBe("示例街道 / 幸福社区");
        xingfu.GetProperty("parentId").GetInt64().ShouldBe(await factory.UnitIdAsync("示例街道"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/v1/units");
    }

    private static MultipartFormDataContent Manuscript(long unitId) => new()
    {
        { new StringContent("单位停用测试"), "title" },
        { new StringContent("正文内容。"), "body" },
        { new StringContent("工作动态"), "category" },
        { new StringContent(unitId.ToString()), "unitId" },
        { new StringContent("2026-11-19"), "eventDate" },
    };

    private static List<string?> Warnings(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("[data-warning]").Select(w => w.GetAttribute("data-warning")).ToList();
}
