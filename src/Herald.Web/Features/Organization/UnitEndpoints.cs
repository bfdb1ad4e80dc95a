using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Organization;

public static class UnitEndpoints
{
    public static void MapUnitPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/units", async (string? notice, HttpContext http, ListUnits list) =>
            Pages.Render<UnitsPage>(new { Rows = await list.HandleAsync(http.RequestAborted), Notice = notice }));

        pages.MapGet("/org/units/new", async (long? parentId, HttpContext http, CurrentUser current) =>
            Pages.Render<UnitFormPage>(new { Tree = await current.ManagerTreeAsync(http.RequestAborted), Form = new UnitForm { ParentId = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) } }));

        pages.MapPost("/org/units/new", async ([FromForm] UnitForm form, HttpContext http, CreateUnit create, CurrentUser current, Messages messages) =>
        {
            try
            {
                var id = await create.HandleAsync(new UnitInput(form.Name, form.Type ?? "", FormValues.OptionalId(form.ParentId, "ParentId")), http.RequestAborted);
                return Results.LocalRedirect($"/org/units/{id}?notice=created");
            }
            catch (Exception ex) when (FormErrors.IsUserError(ex))
            {
                return (IResult)Pages.Render<UnitFormPage>(new { Tree = await current.ManagerTreeAsync(http.RequestAborted), Form = form, Error = messages.DescribeWithField(ex) },
                    StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/org/units/{id:long}", async (long id, string? notice, HttpContext http, GetUnit get, CurrentUser current) =>
            Pages.Render<UnitDetailPage>(new { Unit = await get.HandleAsync(id, http.RequestAborted), Tree = await current.ManagerTreeAsync(http.RequestAborted), Notice = notice }));

        pages.MapPost("/org/units/{id:long}/edit", (long id, [FromForm] UnitForm form, HttpContext http, UpdateUnit update, GetUnit get, CurrentUser current, Messages messages) =>
            RunAsync(id, http, get, current, messages, "saved",
                () => update.HandleAsync(id, form.Name, form.Type ?? "", http.RequestAborted),
                form.Name));

        pages.MapPost("/org/units/{id:long}/move", (long id, [FromForm] MoveUnitForm form, HttpContext http, MoveUnit move, GetUnit get, CurrentUser current, Messages messages) =>
            RunAsync(id, http, get, current, messages, "moved",
                () => move.HandleAsync(id, FormValues.OptionalId(form.ParentId, "ParentId"), http.RequestAborted)));

        pages.MapPost("/org/units/{id:long}/disable", (long id, HttpContext http, SetUnitDisabled set, GetUnit get, CurrentUser current, Messages messages) =>
            RunAsync(id, http, get, current, messages, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/org/units/{id:long}/enable", (long id, HttpContext http, SetUnitDisabled set, GetUnit get, CurrentUser current, Messages messages) =>
            RunAsync(id, http, get, current, messages, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    /// <summary>执行一个单位操作：成功跳回详情页并提示；输入错误时带中文说明重新显示详情页。</summary>
    private static async Task<IResult> RunAsync(long id, HttpContext http, GetUnit get, CurrentUser current, Messages messages,
        string notice, Func<Task> action, string? nameInput = null)
    {
        try
        {
            await action();
            return Results.LocalRedirect($"/org/units/{id}?notice={notice}");
        }
        catch (Exception ex) when (FormErrors.IsUserError(ex))
        {
            return Pages.Render<UnitDetailPage>(new
            {
                Unit = await get.HandleAsync(id, http.RequestAborted),
                Tree = await current.ManagerTreeAsync(http.RequestAborted),
                Error = messages.DescribeWithField(ex),
                NameInput = nameInput,
            }, StatusCodes.Status400BadRequest);
        }
    }
}
