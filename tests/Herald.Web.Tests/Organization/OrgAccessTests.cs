using System.Net;
using System.Text;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>组织管理、备案、类别、审计页面的权限：不该看的人一律 403。</summary>
public sealed class OrgAccessTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    public static TheoryData<string, string> Forbidden => new()
    {
        { "officer", "/org/units" }, { "head", "/org/units" }, { "office", "/org/units" }, { "auditor", "/org/units" },
        { "officer", "/org/units/1" }, { "head", "/org/users" }, { "officer", "/org/users/1" }, { "office", "/org/users" },
        { "head", "/org/import" }, { "officer", "/org/import/template" },
        { "officer", "/org/correspondents" }, { "head", "/org/correspondents" }, { "auditor", "/org/correspondents" },
        { "head", "/org/correspondents/new" },
        { "officer", "/admin/categories" }, { "head", "/admin/categories" }, { "auditor", "/admin/categories" },
        { "officer", "/audit" }, { "head", "/audit" }, { "office", "/audit" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Page_WrongRole_Forbidden(string userName, string url)
    {
        using var session = await factory.SignInAsync(userName);

        var response = await session.Client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("您没有执行此操作的权限。");
    }

    [Fact]
    public async Task Post_WrongRole_ForbiddenAndNothingChanged()
    {
        using var head = await factory.SignInAsync("head");

        var response = await head.PostFormAsync("/", "/org/units/new", new() { ["Name"] = "越权单位", ["Type"] = "Department" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Units, u => u.Name == "越权单位")))
            .ShouldBeFalse();
    }

    /// <summary>
    /// 组织管理、备案、类别的每个 API 操作：无权的角色一律 403，库里什么都没变。
    /// {unit} 为和平社区，{user} 为 viewer，{record} 为示例街道党政办公室的备案记录。
    /// </summary>
    public static TheoryData<string, string, string, string?> ForbiddenApi => new()
    {
        { "office", "POST", "/api/v1/units", "{\"name\":\"越权单位\",\"type\":\"community\"}" },
        { "head", "PUT", "/api/v1/units/{unit}", "{\"name\":\"越权改名\"}" },
        { "officer", "POST", "/api/v1/units/{unit}/move", "{\"parentId\":null}" },
        { "auditor", "POST", "/api/v1/units/{unit}/disable", null },
        { "viewer", "POST", "/api/v1/units/{unit}/enable", null },
        { "office", "GET", "/api/v1/users", null },
        { "head", "GET", "/api/v1/users/{user}", null },
        { "office", "POST", "/api/v1/users", "{\"userName\":\"intruder\",\"displayName\":\"越权\"}" },
        { "auditor", "PUT", "/api/v1/users/{user}", "{\"displayName\":\"越权改名\"}" },
        { "principal", "POST", "/api/v1/users/{user}/roles", "{\"role\":\"sys_admin\"}" },
        { "office", "DELETE", "/api/v1/users/{user}/roles/1", null },
        { "head", "POST", "/api/v1/users/{user}/disable", null },
        { "head", "POST", "/api/v1/users/{user}/enable", null },
        { "officer", "POST", "/api/v1/users/{user}/unlock", null },
        { "office", "POST", "/api/v1/users/{user}/reset-password", null },
        { "head", "GET", "/api/v1/correspondents", null },
        { "auditor", "GET", "/api/v1/correspondents/{record}", null },
        { "officer", "POST", "/api/v1/correspondents", "{\"unitId\":{unit},\"name\":\"越权\",\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\"}" },
        { "principal", "PUT", "/api/v1/correspondents/{record}", "{\"name\":\"越权\",\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\"}" },
        { "head", "POST", "/api/v1/correspondents/{record}/end", "{\"endedOn\":\"2026-11-01\"}" },
        { "head", "GET", "/api/v1/categories/all", null },
        { "officer", "POST", "/api/v1/categories", "{\"name\":\"越权类别\"}" },
        { "auditor", "PUT", "/api/v1/categories/1", "{\"name\":\"越权改名\"}" },
        { "viewer", "POST", "/api/v1/categories/1/move", "{\"direction\":\"down\"}" },
        { "head", "POST", "/api/v1/categories/1/disable", null },
        { "principal", "POST", "/api/v1/categories/1/enable", null },
    };

    [Theory]
    [MemberData(nameof(ForbiddenApi))]
    public async Task Api_WrongRole_ForbiddenAndNothingChanged(string userName, string method, string url, string? body)
    {
        using var client = await factory.ApiClientAsync(userName);
        var unit = (await factory.UnitIdAsync("和平社区")).ToString();
        var user = (await factory.UserIdAsync("viewer")).ToString();
        var record = (await RecordAsync()).ToString();
        string Fill(string text) => text.Replace("{unit}", unit).Replace("{user}", user).Replace("{record}", record);
        url = Fill(url);
        body = body is null ? null : Fill(body);
        var before = await ChangesAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden", "您没有执行此操作的权限。");
        (await ChangesAsync()).ShouldBe(before);
    }

    private async Task<long> RecordAsync()
    {
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        return await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == party).Select(c => c.Id).FirstAsync());
    }

    /// <summary>每次修改都记审计：除登录、令牌、被拒的访问之外的审计条数不变，就是什么都没改。</summary>
    private Task<int> ChangesAsync() =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(a => !a.Action.StartsWith("signin") && !a.Action.StartsWith("token")
                                                                  && a.Action != "access.denied"));

    [Fact]
    public async Task Navigation_ShowsOnlyAllowedSections()
    {
        using var office = await factory.SignInAsync("office");
        using var admin = await factory.SignInAsync("admin");

        var (_, officePage) = await office.GetPageAsync("/");
        var (_, adminPage) = await admin.GetPageAsync("/");

        Links(officePage).ShouldBe(["/org/correspondents", "/admin/categories", "/admin/keywords", "/admin/usage-rules", "/admin/option-lists"], ignoreOrder: true);
        Links(adminPage).ShouldBe(["/org/units", "/org/users", "/org/role-requests", "/org/import", "/org/correspondents", "/admin/categories"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Navigation_SecurityAdministratorAndAuditor_OnlyTheirSections()
    {
        using var secadmin = await factory.SignInAsync("secadmin");
        using var auditor = await factory.SignInAsync("auditor");

        var (_, secPage) = await secadmin.GetPageAsync("/");
        var (_, auditorPage) = await auditor.GetPageAsync("/");

        Links(secPage).ShouldBe(["/org/units", "/org/users", "/org/role-requests", "/org/import", "/audit"], ignoreOrder: true);
        Links(auditorPage).ShouldBe(["/audit"]);
    }

    private static List<string?> Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#sidebar a.nav-link").Select(a => a.GetAttribute("href"))
            .Where(h => h!.StartsWith("/org/") || h.StartsWith("/admin/") || h == "/audit").ToList();
}
