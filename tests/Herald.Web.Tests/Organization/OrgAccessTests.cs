using System.Net;
using Herald.Web.Tests.Support;

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

    [Fact]
    public async Task Navigation_ShowsOnlyAllowedSections()
    {
        using var office = await factory.SignInAsync("office");
        using var admin = await factory.SignInAsync("admin");

        var (_, officePage) = await office.GetPageAsync("/");
        var (_, adminPage) = await admin.GetPageAsync("/");

        Links(officePage).ShouldBe(["/org/correspondents", "/admin/categories", "/admin/keywords"], ignoreOrder: true);
        Links(adminPage).ShouldBe(["/org/units", "/org/users", "/org/import", "/org/correspondents", "/admin/categories", "/audit"], ignoreOrder: true);
    }

    private static List<string?> Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#sidebar a.nav-link").Select(a => a.GetAttribute("href"))
            .Where(h => h!.StartsWith("/org/") || h.StartsWith("/admin/") || h == "/audit").ToList();
}
