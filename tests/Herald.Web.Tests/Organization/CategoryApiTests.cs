using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>/api/v1/categories：与 /admin/categories 页面同样的处理器与规则。</summary>
public sealed class CategoryApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task AddRenameMove_OrderAndNamesSavedAndAudited()
    {
        using var office = await factory.ApiClientAsync("office");

        var added = await office.PostAsJsonAsync("/api/v1/categories", new { name = "乡村振兴" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await added.ReadJsonAsync()).Long("id");
        var renamed = await office.PutAsJsonAsync($"/api/v1/categories/{id}", new { name = "乡村振兴专栏" });
        var moved = await office.PostAsJsonAsync($"/api/v1/categories/{id}/move", new { direction = "up" });

        (await renamed.ReadJsonAsync()).Str("name").ShouldBe("乡村振兴专栏");
        var order = (await moved.ReadJsonAsync()).EnumerateArray().Select(c => c.Str("name")).ToList();
        order.IndexOf("乡村振兴专栏").ShouldBe(order.Count - 2);
        (await factory.AuditActionsAsync("Category", id)).ShouldBe(["category.create", "category.rename", "category.move"]);
        var all = await (await office.GetAsync("/api/v1/categories/all")).ReadJsonAsync();
        all.EnumerateArray().Select(c => c.Str("name")).ShouldBe(order);
    }

    [Fact]
    public async Task DisableEnable_LeavesSubmitListAndReturns()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = (await (await office.PostAsJsonAsync("/api/v1/categories", new { name = "临时类别" })).ReadJsonAsync()).Long("id");

        var disabled = await office.PostAsync($"/api/v1/categories/{id}/disable", null);
        var whileDisabled = await (await office.GetAsync("/api/v1/categories")).ReadJsonAsync();
        var enabled = await office.PostAsync($"/api/v1/categories/{id}/enable", null);

        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        whileDisabled.EnumerateArray().Select(c => c.Long("id")).ShouldNotContain(id);
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("Category", id)).ShouldBe(["category.create", "category.disable", "category.enable"]);
    }

    [Theory]
    [InlineData("经济发展", "Category.DuplicateName")]
    [InlineData(null, "Required")]
    [InlineData("经济\t发展", "Text.ControlCharacters")]
    public async Task Add_BadName_Chinese400(string? name, string code)
    {
        using var office = await factory.ApiClientAsync("office");

        var response = await office.PostAsJsonAsync("/api/v1/categories", new { name });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors("name").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Move_BadDirectionAndUnknownIds()
    {
        using var office = await factory.ApiClientAsync("office");
        var first = await factory.QueryAsync(db => db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync());

        var sideways = await office.PostAsJsonAsync($"/api/v1/categories/{first}/move", new { direction = "left" });

        (await sideways.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Category.UnknownDirection")).FieldErrors("direction").ShouldNotBeEmpty();
        (await office.PostAsJsonAsync("/api/v1/categories/999999/move", new { direction = "up" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PutAsJsonAsync("/api/v1/categories/999999", new { name = "无" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PostAsync("/api/v1/categories/999999/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/categories");
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, $"/api/v1/categories/{first}");
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, $"/api/v1/categories/{first}/move");
    }

    [Fact]
    public async Task Disable_LastEnabledOne_Conflict()
    {
        using var office = await factory.ApiClientAsync("office");
        var ids = await factory.QueryAsync(db => db.Categories.Where(c => !c.Disabled).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        try
        {
            foreach (var id in ids.SkipLast(1))
                (await office.PostAsync($"/api/v1/categories/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            var last = await office.PostAsync($"/api/v1/categories/{ids[^1]}/disable", null);

            await last.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Category.LastEnabled");
        }
        finally
        {
            foreach (var id in ids.SkipLast(1)) await office.PostAsync($"/api/v1/categories/{id}/enable", null);
        }
    }
}
