using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Categories;

public static class CategoryEndpoints
{
    public static void MapCategoryPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/admin/categories", async (string? notice, HttpContext http, ListCategories list) =>
            Pages.Render(new CategoriesPageModel { Items = await list.HandleAsync(http.RequestAborted), Notice = notice }));

        pages.MapPost("/admin/categories", ([FromForm] CategoryForm form, HttpContext http, AddCategory add, ListCategories list) =>
            RunAsync(http, list, "added", () => add.HandleAsync(form.Name, http.RequestAborted), form.Name));

        pages.MapPost("/admin/categories/{id:long}/rename", (long id, [FromForm] CategoryForm form, HttpContext http, RenameCategory rename,
                ListCategories list) =>
            RunAsync(http, list, "renamed", () => rename.HandleAsync(id, form.Name, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/up", (long id, HttpContext http, MoveCategory move, ListCategories list) =>
            RunAsync(http, list, "moved", () => move.HandleAsync(id, up: true, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/down", (long id, HttpContext http, MoveCategory move, ListCategories list) =>
            RunAsync(http, list, "moved", () => move.HandleAsync(id, up: false, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/disable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list) =>
            RunAsync(http, list, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/enable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list) =>
            RunAsync(http, list, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    private static async Task<IResult> RunAsync(HttpContext http, ListCategories list, string notice,
        Func<Task> action, string? newName = null)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await action();
                return "/admin/categories?notice=" + notice;
            },
            async failure => Pages.Render(new CategoriesPageModel
            {
                Items = await list.HandleAsync(http.RequestAborted),
                Error = failure.Message,
                NewName = newName,
            }, StatusCodes.Status400BadRequest));
    }
}
