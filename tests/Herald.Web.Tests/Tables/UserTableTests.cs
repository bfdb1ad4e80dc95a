using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Tables;

/// <summary>账号数据表：按角色、状态筛选，排序（白名单），导出为中文的角色与状态、不含凭据，只有管理员能导出。</summary>
public sealed class UserTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    /// <summary>三个新账号（姓名乙、甲、丙；角色领导、信息员、领导），第三个停用；返回标记和编号。</summary>
    private async Task<(string Marker, long[] Ids)> ThreeAsync()
    {
        var admin = await factory.ApiClientAsync("admin");
        var marker = "t" + Guid.NewGuid().ToString("N")[..8];
        var unit = await factory.UnitIdAsync("幸福社区");
        var ids = new List<long>();
        foreach (var (suffix, name, role) in new[] { ("a", "乙", "viewer"), ("b", "甲", "correspondent"), ("c", "丙", "viewer") })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = marker + suffix, displayName = marker + name, unitId = unit, role });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            ids.Add((await response.ReadJsonAsync()).Long("userId"));
        }
        (await admin.PostAsync($"/api/v1/users/{ids[2]}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (marker, ids.ToArray());
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/users?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Items("items").Select(i => i.Long("id")).ToList();
    }

    [Fact]
    public async Task List_RoleStateAndSort_FilterAndOrder()
    {
        var (marker, ids) = await ThreeAsync();
        var admin = await factory.ApiClientAsync("admin");

        (await IdsAsync(admin, $"q={marker}")).ShouldBe(ids); // 默认按用户名
        (await IdsAsync(admin, $"q={marker}&role=viewer")).ShouldBe([ids[0], ids[2]]);
        (await IdsAsync(admin, $"q={marker}&state=disabled")).ShouldBe([ids[2]]);
        (await IdsAsync(admin, $"q={marker}&state=active&role=viewer")).ShouldBe([ids[0]]);
        (await IdsAsync(admin, $"q={marker}&sort=displayName&dir=desc")).ShouldBe([ids[1], ids[0], ids[2]]); // 甲 U+7532 > 乙 U+4E59 > 丙 U+4E19
    }

    [Theory]
    [InlineData("state=gone", "Users.UnknownState")]
    [InlineData("role=chief", "Publishing.UnknownCode")]
    [InlineData("sort=passwordHash", "Paging.UnknownSort")]
    public async Task List_BadFilterOrSort_Chinese400(string query, string code)
    {
        var admin = await factory.ApiClientAsync("admin");

        var response = await admin.GetAsync("/api/v1/users?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Export_FilteredSorted_ChineseRolesAndStatesNoCredentials()
    {
        factory.Clock.SetChina(2026, 11, 20, 9, 0);
        var (marker, ids) = await ThreeAsync();

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("admin"), $"/api/v1/users/export.xlsx?q={marker}&sort=displayName&page=2&pageSize=1");

        sheet.FileName.ShouldBe("账号列表-2026年11月20日.xlsx");
        sheet.Header.ShouldBe(["用户名", "姓名", "单位", "角色", "状态", "最近登录"]);
        sheet.Column("用户名").ShouldBe([marker + "c", marker + "a", marker + "b"]);
        sheet.Column("角色").Select(r => r[..r.IndexOf(" · ", StringComparison.Ordinal)]).ShouldBe(["领导（查看）", "领导（查看）", "信息员"]);
        sheet.Column("角色").ShouldAllBe(r => r.EndsWith("幸福社区"));
        sheet.Column("状态").ShouldBe(["已停用、待改初始口令", "待改初始口令", "待改初始口令"]);
        sheet.FrozenTopLeft.ShouldBe("A2");
        await sheet.ShouldOpenInCalcAsync(output);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("officer")]
    public async Task Export_NotAdmin_403(string userName)
    {
        var client = await factory.ApiClientAsync(userName);

        var response = await client.GetAsync("/api/v1/users/export.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_SortHeadersFiltersAndExportLinkKeepTheQuery()
    {
        var (marker, ids) = await ThreeAsync();
        using var session = await factory.SignInAsync("admin");

        var (_, page) = await session.GetPageAsync($"/org/users?q={marker}&role=viewer&sort=displayName&dir=desc");

        page.QuerySelectorAll("[data-testid=user-row]").Select(r => r.GetAttribute("data-user-name")).ShouldBe([marker + "a", marker + "c"]);
        page.QuerySelector("th[data-sort-key=displayName]")!.GetAttribute("aria-sort").ShouldBe("descending");
        page.QuerySelector("#role option[selected]")!.GetAttribute("value").ShouldBe("viewer");
        page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")
            .ShouldBe($"/org/users/export.xlsx?q={marker}&role=viewer&sort=displayName&dir=desc");
        page.QuerySelector("[data-user-name=" + marker + "c]")!.TextContent.ShouldContain("已停用");
    }
}
