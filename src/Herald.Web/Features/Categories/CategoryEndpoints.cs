using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Categories;

public static class CategoryEndpoints
{
    public static void MapCategoryPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/admin/categories", async (string? notice, HttpContext http, ListCategories list) =>
            Pages.Render<CategoriesPage>(new { Items = await list.HandleAsync(http.RequestAborted), Notice = notice }));

        pages.MapPost("/admin/categories", ([FromForm] CategoryForm form, HttpContext http, AddCategory add, ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "added", () => add.HandleAsync(form.Name, http.RequestAborted), form.Name));

        pages.MapPost("/admin/categories/{id:long}/rename", (long id, [FromForm] CategoryForm form, HttpContext http, RenameCategory rename,
                ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "renamed", () => rename.HandleAsync(id, form.Name, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/up", (long id, HttpContext http, MoveCategory move, ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "moved", () => move.HandleAsync(id, up: true, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/down", (long id, HttpContext http, MoveCategory move, ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "moved", () => move.HandleAsync(id, up: false, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/disable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/admin/categories/{id:long}/enable", (long id, HttpContext http, SetCategoryDisabled set, ListCategories list, Messages messages) =>
            RunAsync(http, list, messages, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    private static async Task<IResult> RunAsync(HttpContext http, ListCategories list, Messages messages, string notice,
        Func<Task> action, string? newName = null)
    {
        try
        {
            await action();
            return Results.LocalRedirect("/admin/categories?notice=" + notice);
        }
        catch (Exception ex) when (FormErrors.IsUserError(ex))
        {
            return Pages.Render<CategoriesPage>(new
            {
                Items = await list.HandleAsync(http.RequestAborted),
                Error = messages.DescribeWithField(ex),
                NewName = newName,
            }, StatusCodes.Status400BadRequest);
        }
    }
}
