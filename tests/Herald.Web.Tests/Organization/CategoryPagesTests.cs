using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

public sealed class CategoryPagesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Categories_AddRenameMove_OrderAndNamesSavedAndAudited()
    {
        using var office = await factory.SignInAsync("office");

        var added = await office.PostFormAsync("/admin/categories", "/admin/categories", new() { ["Name"] = "党建引领" });
        added.ShouldRedirectTo("/admin/categories?notice=added");
        var id = await factory.QueryAsync(db => db.Categories.Where(c => c.Name == "党建引领").Select(c => c.Id).SingleAsync());
        (await Names(office)).Last().ShouldBe("党建引领");

        (await office.PostFormAsync("/admin/categories", $"/admin/categories/{id}/rename", new() { ["Name"] = "党建工作" }))
            .ShouldRedirectTo("/admin/categories?notice=renamed");
        (await office.PostFormAsync("/admin/categories", $"/admin/categories/{id}/up", new()))
            .ShouldRedirectTo("/admin/categories?notice=moved");

        var names = await Names(office);
        names.IndexOf("党建工作").ShouldBe(names.Count - 2);
        names.Last().ShouldBe("工作动态");
        (await office.PostFormAsync("/admin/categories", $"/admin/categories/{id}/down", new()))
            .ShouldRedirectTo("/admin/categories?notice=moved");
        (await Names(office)).Last().ShouldBe("党建工作");
        (await factory.AuditActionsAsync("Category", id)).ShouldBe(["category.create", "category.rename", "category.move", "category.move"]);
    }

    [Fact]
    public async Task DisableCategory_VanishesFromSubmitForm_ExistingManuscriptKeepsIt_EnableRestores()
    {
        using var admin = await factory.SignInAsync("admin");
        using var officer = await factory.SignInAsync("officer");
        var id = await factory.QueryAsync(db => db.Categories.Where(c => c.Name == "工作动态").Select(c => c.Id).SingleAsync());
        var manuscript = await factory.QueryAsync(db => db.Manuscripts.Where(m => m.CategoryId == id).Select(m => m.Id).FirstAsync());
        (await SubmitFormCategories(officer)).ShouldContain("工作动态");

        (await admin.PostFormAsync("/admin/categories", $"/admin/categories/{id}/disable", new()))
            .ShouldRedirectTo("/admin/categories?notice=disabled");

        (await SubmitFormCategories(officer)).ShouldNotContain("工作动态");
        (await officer.Client.GetStringAsync($"/manuscripts/{manuscript}")).ShouldContain("类别：工作动态");
        var (_, list) = await admin.GetPageAsync("/admin/categories");
        list.QuerySelector($"[data-category-id='{id}']")!.GetAttribute("data-disabled").ShouldBe("true");

        (await admin.PostFormAsync("/admin/categories", $"/admin/categories/{id}/enable", new()))
            .ShouldRedirectTo("/admin/categories?notice=enabled");
        (await SubmitFormCategories(officer)).ShouldContain("工作动态");
        (await factory.AuditActionsAsync("Category", id)).TakeLast(2).ShouldBe(["category.disable", "category.enable"]);
    }

    [Fact]
    public async Task AddCategory_DuplicateName_Refused()
    {
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync("/admin/categories", "/admin/categories", new() { ["Name"] = "经济发展" });

        await response.ShouldFailWithAsync("已有名为“经济发展”的类别");
    }

    [Fact]
    public async Task DisableCategory_LastEnabledOne_Refused()
    {
        using var office = await factory.SignInAsync("office");
        var ids = await factory.QueryAsync(db => db.Categories.Where(c => !c.Disabled).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        try
        {
            foreach (var id in ids.SkipLast(1))
                (await office.PostFormAsync("/admin/categories", $"/admin/categories/{id}/disable", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var last = await office.PostFormAsync("/admin/categories", $"/admin/categories/{ids[^1]}/disable", new());

            await last.ShouldFailWithAsync("至少要保留一个可用的类别");
        }
        finally
        {
            foreach (var id in ids.SkipLast(1))
                await office.PostFormAsync("/admin/categories", $"/admin/categories/{id}/enable", new());
        }
    }

    private static async Task<List<string>> Names(WebSession session)
    {
        var (_, page) = await session.GetPageAsync("/admin/categories");
        return page.QuerySelectorAll("[data-testid=category-row] input[name=Name]").Select(i => i.GetAttribute("value")!).ToList();
    }

    private static async Task<List<string>> SubmitFormCategories(WebSession session)
    {
        var (response, page) = await session.GetPageAsync("/manuscripts/new");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelectorAll("#category option").Select(o => o.TextContent.Trim()).ToList();
    }
}
