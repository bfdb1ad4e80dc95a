using Herald.Domain.Options;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.OptionLists;

/// <summary>选项表（舆情类别、舆情平台）的维护页（/admin/option-lists/{key}）和 API。</summary>
public static class OptionListEndpoints
{
    public static void MapOptionListPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/admin/option-lists", () => Results.LocalRedirect("/admin/option-lists/" + OptionListKeys.CaseCategory));

        pages.MapGet("/admin/option-lists/{key}", async (string key, string? notice, HttpContext http, GetOptionList get) =>
        {
            var view = await get.HandleAsync(key, http.RequestAborted);
            return Pages.Render(new OptionListPageModel { View = view, Form = OptionListForm.From(view), Notice = notice });
        });

        pages.MapPost("/admin/option-lists/{key}", async (string key, HttpContext http, GetOptionList get, SaveOptionList save, Messages messages) =>
        {
            var form = await OptionListForm.ReadAsync(http.Request, http.RequestAborted);
            return await FormPost.RunAsync(http, async () =>
                {
                    await save.HandleAsync(key, form.ToRequest(), http.RequestAborted);
                    return $"/admin/option-lists/{key}?notice=saved";
                },
                async failure => Pages.Render(new OptionListPageModel
                {
                    View = await get.HandleAsync(key, http.RequestAborted),
                    Form = form,
                    Errors = messages.DescribeEach(failure.Exception),
                }, failure.Status));
        });
    }

    public static void MapOptionListApi(this RouteGroupBuilder api)
    {
        api.MapGet("/option-lists/{key}", async Task<Ok<OptionListView>> (string key, HttpContext http, GetOptionList get) =>
                TypedResults.Ok(await get.HandleAsync(key, http.RequestAborted)))
            .WithSummary("选项表：case-category（舆情类别）或 opinion-platform（舆情平台）")
            .WithDescription("只有宣传办可以查看（否则 403）；其他 key 404。entries 按显示顺序：{code, name, disabled}；revision 为当前内容的指纹，修改时带上。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPut("/option-lists/{key}", async Task<Ok<OptionListView>> (string key, OptionListRequest request, HttpContext http, SaveOptionList save) =>
                TypedResults.Ok(await save.HandleAsync(key, request, http.RequestAborted)))
            .WithSummary("整表替换一张选项表（增加、改名、排序、停用）")
            .WithDescription("{\"entries\":[{\"code\":\"1\",\"name\":\"公共服务\",\"disabled\":false},{\"name\":\"新增的类别\"}],\"revision\":\"…\"}。" +
                             "entries 的顺序即显示顺序；已有的项带上原 code（改名保留 code），新项不给 code。名称必填、不重复、不含控制字符，" +
                             "所有问题一次报告（errors.entries）；revision 与当前不符时 409。已保存的数据存的是名称，不受改名、停用影响；停用的项不再供新填写选择。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
