using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Organization;

public static class UnitEndpoints
{
    public static void MapUnitPages(this RouteGroupBuilder pages)
    {
        // warning=no_head 等：只列有这项缺项提醒的单位（工作台的数字链接到这里）。
        pages.MapGet("/org/units", async (string? notice, string? warning, HttpContext http, ListUnits list) =>
        {
            var only = Wire.OptionalCode<UnitWarning>(warning, "warning");
            var rows = await list.HandleAsync(http.RequestAborted);
            return Pages.Render(new UnitsPageModel { Rows = only is { } w ? rows.Where(r => r.Warnings.Contains(w)).ToList() : rows, Notice = notice, Only = only });
        });

        pages.MapGet("/org/units/new", async (long? parentId, HttpContext http, CurrentUser current) =>
            Pages.Render(new UnitFormPageModel { Tree = await current.ManagerTreeAsync(http.RequestAborted), Form = new UnitForm { ParentId = parentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) } }));

        pages.MapPost("/org/units/new", async ([FromForm] UnitForm form, HttpContext http, CreateUnit create, CurrentUser current) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var id = await create.HandleAsync(new UnitInput(form.Name, form.Type ?? "", Wire.OptionalId(form.ParentId, "ParentId")), http.RequestAborted);
                    return $"/org/units/{id}?notice=created";
                },
                async failure => Pages.Render(new UnitFormPageModel { Tree = await current.ManagerTreeAsync(http.RequestAborted), Form = form, Error = failure.Message },
                    StatusCodes.Status400BadRequest));
        });

        pages.MapGet("/org/units/{id:long}", async (long id, string? notice, HttpContext http, GetUnit get, CurrentUser current) =>
            Pages.Render(new UnitDetailPageModel { Unit = await get.HandleAsync(id, http.RequestAborted), Tree = await current.ManagerTreeAsync(http.RequestAborted), Notice = notice }));

        pages.MapPost("/org/units/{id:long}/edit", (long id, [FromForm] UnitForm form, HttpContext http, UpdateUnit update, GetUnit get, CurrentUser current) =>
            RunAsync(id, http, get, current, "saved",
                () => update.HandleAsync(id, form.Name, form.Type ?? "", http.RequestAborted),
                form.Name));

        pages.MapPost("/org/units/{id:long}/move", (long id, [FromForm] MoveUnitForm form, HttpContext http, MoveUnit move, GetUnit get, CurrentUser current) =>
            RunAsync(id, http, get, current, "moved",
                () => move.HandleAsync(id, Wire.OptionalId(form.ParentId, "ParentId"), http.RequestAborted)));

        pages.MapPost("/org/units/{id:long}/disable", (long id, HttpContext http, SetUnitDisabled set, GetUnit get, CurrentUser current) =>
            RunAsync(id, http, get, current, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/org/units/{id:long}/enable", (long id, HttpContext http, SetUnitDisabled set, GetUnit get, CurrentUser current) =>
            RunAsync(id, http, get, current, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    /// <summary>执行一个单位操作：成功跳回详情页并提示；输入错误时带中文说明重新显示详情页。</summary>
    private static async Task<IResult> RunAsync(long id, HttpContext http, GetUnit get, CurrentUser current,
        string notice, Func<Task> action, string? nameInput = null)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await action();
                return $"/org/units/{id}?notice={notice}";
            },
            async failure => Pages.Render(new UnitDetailPageModel
            {
                Unit = await get.HandleAsync(id, http.RequestAborted),
                Tree = await current.ManagerTreeAsync(http.RequestAborted),
                Error = failure.Message,
                NameInput = nameInput,
            }, StatusCodes.Status400BadRequest));
    }
}
