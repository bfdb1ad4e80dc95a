using System.Net;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>媒体名录：任何登录用户可查（可按级别、类型筛选），只有宣传办能新增；重名一律拒绝。</summary>
public sealed class OutletTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("officer")]
    [InlineData("officer2")]
    [InlineData("viewer")]
    public async Task List_AnySignedInUser_SeesOutletsWithCodes(string user)
    {
        var result = await GetAsync(await factory.ApiClientAsync(user), "/api/v1/outlets");

        result.Status.ShouldBe(HttpStatusCode.OK);
        var paper = result.Json.EnumerateArray().Single(o => o.Str("name") == ProvincialPaper);
        (paper.Str("level"), paper.Str("type"), paper.Bool("disabled")).ShouldBe(("provincial", "newspaper", false));
    }

    [Fact]
    public async Task List_Anonymous_401()
    {
        (await factory.CreateClient().GetAsync("/api/v1/outlets")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_FilterByLevelAndType()
    {
        var officer = await factory.ApiClientAsync("officer");

        var county = await GetAsync(officer, "/api/v1/outlets?level=county");
        var govBulletins = await GetAsync(officer, "/api/v1/outlets?type=gov_bulletin");
        var countyTv = await GetAsync(officer, "/api/v1/outlets?level=county&type=tv");

        county.Json.EnumerateArray().Select(o => o.Str("level")).Distinct().ShouldBe(["county"]);
        county.Json.EnumerateArray().Select(o => o.Str("name")).ShouldContain("示例县融媒体中心");
        govBulletins.Json.EnumerateArray().Select(o => o.Str("name"))
            .ShouldBe(["省政府办公厅《政务信息》", "市委办公室《济宁信息》", CountyGovBulletin, "街道工作简报"], ignoreOrder: true);
        countyTv.Json.EnumerateArray().Select(o => o.Str("name")).ShouldBe(["示例县广播电视台"]);
    }

    [Fact]
    public async Task List_UnknownLevel_400WithAllowedCodes()
    {
        var result = await GetAsync(await factory.ApiClientAsync("officer"), "/api/v1/outlets?level=national");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Publishing.UnknownCode",
            "“national”不是可用的取值，应为 central|provincial|municipal|county|internal 之一。");
    }

    [Fact]
    public async Task Create_Office_201AndListed()
    {
        var name = ManuscriptApi.Marker() + "晚报";
        var office = await factory.ApiClientAsync("office");

        var result = await PostJsonAsync(office, "/api/v1/outlets", new { name, level = "municipal", type = "newspaper" });

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        (result.Json.Str("name"), result.Json.Str("level"), result.Json.Str("type")).ShouldBe((name, "municipal", "newspaper"));
        var listed = await GetAsync(await factory.ApiClientAsync("officer"), "/api/v1/outlets?q=" + Uri.EscapeDataString(name));
        listed.Json.EnumerateArray().Select(o => o.Long("id")).ShouldBe([result.Id]);
        (await factory.AuditActionsAsync("Outlet", result.Id)).ShouldBe(["outlet.create"]);
    }

    [Fact]
    public async Task Create_DuplicateName_409ChineseDetailAndNothingAdded()
    {
        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/outlets",
            new { name = " 大众日报 ", level = "provincial", type = "newspaper" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Outlet.DuplicateName", "媒体名录中已有“大众日报”（含已停用的），不能重名。");
        (await factory.QueryAsync(db => db.Outlets.CountAsync(o => o.Name == ProvincialPaper))).ShouldBe(1);
    }

    [Fact]
    public async Task Create_SameNameAsDisabledOutlet_409()
    {
        var office = await factory.ApiClientAsync("office");
        var name = ManuscriptApi.Marker() + "停用的报纸";
        var id = (await PostJsonAsync(office, "/api/v1/outlets", new { name, level = "county", type = "newspaper" })).Id;
        using (var session = await factory.SignInAsync("office"))
            (await session.PostFormAsync("/publishing/outlets", $"/publishing/outlets/{id}/disable", new())).ShouldRedirectTo("/publishing/outlets?notice=disabled");

        var again = await PostJsonAsync(office, "/api/v1/outlets", new { name, level = "county", type = "newspaper" });

        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Outlet.DuplicateName");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("principal")]
    [InlineData("viewer")]
    public async Task Create_NotOffice_403(string user)
    {
        var name = ManuscriptApi.Marker();

        var result = await PostJsonAsync(await factory.ApiClientAsync(user), "/api/v1/outlets", new { name, level = "county", type = "tv" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await factory.QueryAsync(db => db.Outlets.AnyAsync(o => o.Name == name))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null, "county", "tv", "name", "Required")]
    [InlineData("某报", null, "tv", "level", "Required")]
    [InlineData("某报", "county", null, "outletType", "Required")]
    [InlineData("某报", "county", "magazine", "outletType", "Publishing.UnknownCode")]
    public async Task Create_MissingOrUnknownField_400(string? name, string? level, string? type, string field, string code)
    {
        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/outlets", new { name, level, type });

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Disabled_HiddenFromCorrespondentsButListedForOfficePage()
    {
        var office = await factory.ApiClientAsync("office");
        var name = ManuscriptApi.Marker() + "电视台";
        var id = (await PostJsonAsync(office, "/api/v1/outlets", new { name, level = "county", type = "tv" })).Id;
        using var session = await factory.SignInAsync("office");
        (await session.PostFormAsync("/publishing/outlets", $"/publishing/outlets/{id}/disable", new())).ShouldRedirectTo("/publishing/outlets?notice=disabled");

        var forOfficer = await GetAsync(await factory.ApiClientAsync("officer"), "/api/v1/outlets?includeDisabled=true&q=" + Uri.EscapeDataString(name));
        var forOffice = await GetAsync(office, "/api/v1/outlets?includeDisabled=true&q=" + Uri.EscapeDataString(name));
        var (_, page) = await session.GetPageAsync("/publishing/outlets?q=" + Uri.EscapeDataString(name));

        forOfficer.Json.GetArrayLength().ShouldBe(0);
        forOffice.Json.EnumerateArray().Single().Bool("disabled").ShouldBeTrue();
        page.QuerySelector($"[data-outlet-id='{id}']")!.GetAttribute("data-disabled").ShouldBe("true");
        (await factory.AuditActionsAsync("Outlet", id)).ShouldBe(["outlet.create", "outlet.disable"]);
    }

    [Fact]
    public async Task Page_OfficeAddsAndEdits_FiltersWork()
    {
        using var office = await factory.SignInAsync("office");
        var name = ManuscriptApi.Marker() + "日报";

        (await office.PostFormAsync("/publishing/outlets", "/publishing/outlets", new() { ["Name"] = name, ["Level"] = "municipal", ["Type"] = "newspaper" }))
            .ShouldRedirectTo("/publishing/outlets?notice=added");
        var id = await factory.OutletIdAsync(name);
        var (edit, editPage) = await office.GetPageAsync($"/publishing/outlets/{id}/edit");
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        editPage.QuerySelector("#Level option[selected]")!.GetAttribute("value").ShouldBe("municipal");
        (await office.PostFormAsync($"/publishing/outlets/{id}/edit", $"/publishing/outlets/{id}/edit", new() { ["Name"] = name, ["Level"] = "provincial", ["Type"] = "web" }))
            .ShouldRedirectTo("/publishing/outlets?notice=updated");

        var (_, provincialWeb) = await office.GetPageAsync("/publishing/outlets?level=provincial&type=web");
        var (_, municipal) = await office.GetPageAsync("/publishing/outlets?level=municipal");
        provincialWeb.QuerySelector($"[data-outlet-id='{id}']").ShouldNotBeNull();
        municipal.QuerySelector($"[data-outlet-id='{id}']").ShouldBeNull();
        municipal.QuerySelectorAll("[data-testid=outlet-row]").Select(r => r.TextContent).ShouldAllBe(t => t.Contains("市级"));
        (await factory.AuditActionsAsync("Outlet", id)).ShouldBe(["outlet.create", "outlet.update"]);
    }

    [Fact]
    public async Task Page_DuplicateName_409MessageAndValuesKept()
    {
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync("/publishing/outlets", "/publishing/outlets", new() { ["Name"] = ProvincialPaper, ["Level"] = "county", ["Type"] = "radio" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("媒体名录中已有“大众日报”（含已停用的），不能重名。");
        page.QuerySelector("#Type option[selected]")!.GetAttribute("value").ShouldBe("radio");
    }

    [Fact]
    public async Task Page_Correspondent_403()
    {
        using var officer = await factory.SignInAsync("officer");

        (await officer.Client.GetAsync("/publishing/outlets")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
