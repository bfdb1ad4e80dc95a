using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Publishing;

/// <summary>媒体名录管理页的数据。EditingId 不为空时表单用于修改该媒体。</summary>
public sealed record OutletsPageModel(IReadOnlyList<OutletDto> Items, OutletQuery Query, OutletForm Form, long? EditingId = null,
    string? Error = null, string? Notice = null) : IPageModel<OutletsPage>;

public static class OutletEndpoints
{
    public static void MapOutletPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/publishing/outlets", async ([AsParameters] OutletQuery filter, string? notice, HttpContext http, ListOutlets list,
                CurrentUser current) =>
            Pages.Render(await ModelAsync(list, current, filter, new OutletForm(), null, null, notice, http.RequestAborted)));

        pages.MapGet("/publishing/outlets/{id:long}/edit", async (long id, HttpContext http, ListOutlets list, CurrentUser current) =>
        {
            var all = await list.HandleAsync(new OutletQuery(IncludeDisabled: true), http.RequestAborted);
            var outlet = all.FirstOrDefault(o => o.Id == id) ?? throw AppException.NotFound();
            var form = new OutletForm { Name = outlet.Name, Level = Wire.Code(outlet.Level), Type = Wire.Code(outlet.Type) };
            return Pages.Render(await ModelAsync(list, current, new OutletQuery(), form, id, null, null, http.RequestAborted));
        });

        pages.MapPost("/publishing/outlets", ([FromForm] OutletForm form, HttpContext http, SaveOutlet save, ListOutlets list,
                CurrentUser current) =>
            RunAsync(http, list, current, form, null, "added", () => save.HandleAsync(null, form, http.RequestAborted)));

        pages.MapPost("/publishing/outlets/{id:long}/edit", (long id, [FromForm] OutletForm form, HttpContext http, SaveOutlet save,
                ListOutlets list, CurrentUser current) =>
            RunAsync(http, list, current, form, id, "updated", () => save.HandleAsync(id, form, http.RequestAborted)));

        pages.MapPost("/publishing/outlets/{id:long}/disable", (long id, HttpContext http, SetOutletDisabled set, ListOutlets list,
                CurrentUser current) =>
            RunAsync(http, list, current, new OutletForm(), null, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/publishing/outlets/{id:long}/enable", (long id, HttpContext http, SetOutletDisabled set, ListOutlets list,
                CurrentUser current) =>
            RunAsync(http, list, current, new OutletForm(), null, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    public static void MapOutletApi(this RouteGroupBuilder api)
    {
        api.MapGet("/outlets", async Task<Ok<IReadOnlyList<OutletDto>>> ([AsParameters] OutletQuery filter, HttpContext http, ListOutlets list) =>
                TypedResults.Ok(await list.HandleAsync(filter, http.RequestAborted)))
            .WithSummary("媒体名录（申报用稿时选择媒体）")
            .WithDescription("level：central|provincial|municipal|county|internal；type：newspaper|tv|radio|web|newmedia|xuexi|gov_bulletin（政务信息刊物）；q：名称关键词。停用的媒体只有宣传办带 includeDisabled=true 时列出。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/outlets", async Task<Created<OutletDto>> (OutletForm form, HttpContext http, SaveOutlet save) =>
            {
                var outlet = await save.HandleAsync(null, form, http.RequestAborted);
                return TypedResults.Created($"/api/v1/outlets?q={Uri.EscapeDataString(outlet.Name)}", outlet);
            })
            .WithSummary("新增媒体（宣传办）")
            .WithDescription("{\"name\":\"…\",\"level\":\"provincial\",\"type\":\"newspaper\"}。名称与已有媒体（含停用的）相同时 409。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        api.MapPut("/outlets/{id:long}", async Task<Ok<OutletDto>> (long id, OutletForm form, HttpContext http, SaveOutlet save) =>
                TypedResults.Ok(await save.HandleAsync(id, form, http.RequestAborted)))
            .WithSummary("修改媒体（宣传办）")
            .WithDescription("字段同新增，整体替换。名称与其他媒体相同时 409。")
            .ProducesCommandProblems();

        api.MapPost("/outlets/{id:long}/disable", (long id, HttpContext http, SetOutletDisabled set, ListOutlets list) =>
                SetDisabledAsync(id, true, http, set, list))
            .WithSummary("停用媒体（宣传办；不能再登记它的用稿，已有登记保留）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/outlets/{id:long}/enable", (long id, HttpContext http, SetOutletDisabled set, ListOutlets list) =>
                SetDisabledAsync(id, false, http, set, list))
            .WithSummary("重新启用媒体（宣传办）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<OutletDto>> SetDisabledAsync(long id, bool disabled, HttpContext http, SetOutletDisabled set, ListOutlets list)
    {
        await set.HandleAsync(id, disabled, http.RequestAborted);
        return TypedResults.Ok((await list.HandleAsync(new OutletQuery(IncludeDisabled: true), http.RequestAborted)).First(o => o.Id == id));
    }

    private static async Task<OutletsPageModel> ModelAsync(ListOutlets list, CurrentUser current, OutletQuery filter, OutletForm form,
        long? editingId, string? error, string? notice, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.RequireManager();
        var query = filter with { IncludeDisabled = true };
        return new OutletsPageModel(await list.HandleAsync(query, ct), query, form, editingId, error, notice);
    }

    private static async Task<IResult> RunAsync(HttpContext http, ListOutlets list, CurrentUser current, OutletForm form,
        long? editingId, string notice, Func<Task> action)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await action();
                return "/publishing/outlets?notice=" + notice;
            },
            async failure =>
            {
                var model = await ModelAsync(list, current, new OutletQuery(), form, editingId, failure.Message, null, http.RequestAborted);
                return Pages.Render(model, failure.Status);
            });
    }
}
