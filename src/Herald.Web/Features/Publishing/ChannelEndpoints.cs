using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Publishing;

/// <summary>发布渠道管理页的数据。EditingId 不为空时表单用于修改该渠道。</summary>
public sealed record ChannelsPageModel(IReadOnlyList<ChannelDto> Items, Domain.Organization.OrgTree Tree, IReadOnlySet<long> OfficeUnits,
    ChannelForm Form, long? EditingId = null, string? Error = null, string? Notice = null) : IPageModel<ChannelsPage>;

public static class ChannelEndpoints
{
    public static void MapChannelPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/publishing/channels", async (string? notice, HttpContext http, ListChannels list, CurrentUser current) =>
            Pages.Render(await ModelAsync(list, current, new ChannelForm(), null, null, notice, http.RequestAborted)));

        pages.MapGet("/publishing/channels/{id:long}/edit", async (long id, HttpContext http, ListChannels list, CurrentUser current) =>
        {
            var items = await list.ForOfficeAsync(http.RequestAborted);
            var channel = items.FirstOrDefault(c => c.Id == id) ?? throw AppException.NotFound();
            var form = new ChannelForm
            {
                UnitId = channel.UnitId, Name = channel.Name, Type = Wire.Code(channel.Type), Url = channel.Url,
                ResponsibleName = channel.ResponsibleName, ResponsiblePhone = channel.ResponsiblePhone,
            };
            return Pages.Render(await ModelAsync(list, current, form, id, null, null, http.RequestAborted));
        });

        pages.MapPost("/publishing/channels", ([FromForm] ChannelForm form, HttpContext http, SaveChannel save, ListChannels list,
                CurrentUser current) =>
            RunAsync(http, list, current, form, null, "added", () => save.HandleAsync(null, form, http.RequestAborted)));

        pages.MapPost("/publishing/channels/{id:long}/edit", (long id, [FromForm] ChannelForm form, HttpContext http, SaveChannel save,
                ListChannels list, CurrentUser current) =>
            RunAsync(http, list, current, form, id, "updated", () => save.HandleAsync(id, form, http.RequestAborted)));

        pages.MapPost("/publishing/channels/{id:long}/disable", (long id, HttpContext http, SetChannelDisabled set, ListChannels list,
                CurrentUser current) =>
            RunAsync(http, list, current, new ChannelForm(), null, "disabled", () => set.HandleAsync(id, true, http.RequestAborted)));

        pages.MapPost("/publishing/channels/{id:long}/enable", (long id, HttpContext http, SetChannelDisabled set, ListChannels list,
                CurrentUser current) =>
            RunAsync(http, list, current, new ChannelForm(), null, "enabled", () => set.HandleAsync(id, false, http.RequestAborted)));
    }

    public static void MapChannelApi(this RouteGroupBuilder api)
    {
        api.MapGet("/channels", async Task<Ok<IReadOnlyList<ChannelDto>>> (long? unitId, HttpContext http, ListChannels list) =>
                TypedResults.Ok(await list.HandleAsync(unitId, http.RequestAborted)))
            .WithSummary("发布渠道（本单位自有平台）")
            .WithDescription("宣传办、主要负责人、领导看到全部渠道；其他人看到其可见稿件所在单位的渠道。unitId 只看某单位。type：website|we_chat|weibo|short_video|xuexi|led_screen|bulletin_board|internal_bulletin。");

        api.MapPost("/channels", async Task<Created<ChannelDto>> (ChannelForm form, HttpContext http, SaveChannel save) =>
            {
                var channel = await save.HandleAsync(null, form, http.RequestAborted);
                return TypedResults.Created($"/api/v1/channels?unitId={channel.UnitId}", channel);
            })
            .WithSummary("登记发布渠道（宣传办）")
            .WithDescription("{\"unitId\":n,\"name\":\"…\",\"type\":\"we_chat\",\"url\":\"https://…\",\"responsibleName\":\"…\",\"responsiblePhone\":\"…\"}。只能为所辖单位登记（否则 403）；同一单位的渠道不能重名（409）。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        api.MapPut("/channels/{id:long}", async Task<Ok<ChannelDto>> (long id, ChannelForm form, HttpContext http, SaveChannel save) =>
                TypedResults.Ok(await save.HandleAsync(id, form, http.RequestAborted)))
            .WithSummary("修改发布渠道（宣传办）")
            .WithDescription("字段同登记，整体替换。只能修改所辖单位的渠道（其他的 404）；同一单位的渠道不能重名（409）。")
            .ProducesCommandProblems();

        api.MapPost("/channels/{id:long}/disable", (long id, HttpContext http, SetChannelDisabled set, ListChannels list) =>
                SetDisabledAsync(id, true, http, set, list))
            .WithSummary("停用发布渠道（宣传办；不能再发布到它，已有发布记录保留）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/channels/{id:long}/enable", (long id, HttpContext http, SetChannelDisabled set, ListChannels list) =>
                SetDisabledAsync(id, false, http, set, list))
            .WithSummary("重新启用发布渠道（宣传办）")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<ChannelDto>> SetDisabledAsync(long id, bool disabled, HttpContext http, SetChannelDisabled set, ListChannels list)
    {
        await set.HandleAsync(id, disabled, http.RequestAborted);
        return TypedResults.Ok((await list.ForOfficeAsync(http.RequestAborted)).First(c => c.Id == id));
    }

    private static async Task<ChannelsPageModel> ModelAsync(ListChannels list, CurrentUser current, ChannelForm form, long? editingId,
        string? error, string? notice, CancellationToken ct)
    {
        var items = await list.ForOfficeAsync(ct);
        var me = await current.GetAsync(ct);
        return new ChannelsPageModel(items, me.Tree, PublishingAccess.OfficeUnits(me), form, editingId, error, notice);
    }

    private static async Task<IResult> RunAsync(HttpContext http, ListChannels list, CurrentUser current, ChannelForm form,
        long? editingId, string notice, Func<Task> action)
    {
        return await FormPost.RunAsync(http, async () =>
            {
                await action();
                return "/publishing/channels?notice=" + notice;
            },
            async failure =>
            {
                var model = await ModelAsync(list, current, form, editingId, failure.Message, null, http.RequestAborted);
                return Pages.Render(model, failure.Status);
            });
    }
}
