using System.Text;
using Herald.Domain.Keywords;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Keywords;

/// <summary>词表维护页（/admin/keywords）与 API（/api/v1/keyword-lists）。</summary>
public static class KeywordEndpoints
{
    /// <summary>导入的文本文件最大 5 MB（10 万个词绰绰有余）。</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static void MapKeywordPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/admin/keywords", async (string? notice, HttpContext http, ListKeywordLists list) =>
            Pages.Render(new KeywordListsPageModel { Lists = await list.HandleAsync(http.RequestAborted), Notice = notice }));

        pages.MapPost("/admin/keywords", async ([FromForm] NewKeywordListForm form, HttpContext http, SaveKeywordList save,
            ListKeywordLists list, Messages messages) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var created = await save.HandleAsync(null, new KeywordListRequest { Name = form.Name, Purpose = form.Purpose }, http.RequestAborted);
                    return $"/admin/keywords/{created.Id}?notice=created";
                },
                async failure => Pages.Render(new KeywordListsPageModel
                {
                    Lists = await list.HandleAsync(http.RequestAborted),
                    Error = failure.Message,
                    NewForm = form,
                }, StatusCodes.Status400BadRequest));
        });

        pages.MapGet("/admin/keywords/{id:long}", async (long id, string? notice, HttpContext http, GetKeywordList get) =>
        {
            var detail = await get.HandleAsync(id, http.RequestAborted);
            return Pages.Render(new KeywordListPageModel { List = detail, Form = KeywordListForm.From(detail), Notice = notice });
        });

        pages.MapPost("/admin/keywords/{id:long}", async (long id, HttpContext http, SaveKeywordList save, GetKeywordList get,
            Messages messages) =>
        {
            var form = await KeywordListForm.ReadAsync(http.Request, http.RequestAborted);
            return await FormPost.RunAsync(http, async () =>
                {
                    var request = await form.ToRequestAsync(http.RequestAborted);
                    await save.HandleAsync(id, request, http.RequestAborted);
                    return $"/admin/keywords/{id}?notice=saved";
                },
                async failure => Pages.Render(new KeywordListPageModel
                {
                    List = await get.HandleAsync(id, http.RequestAborted),
                    Form = form,
                    Errors = messages.DescribeEach(failure.Exception),
                }, StatusCodes.Status400BadRequest));
        });

        pages.MapGet("/admin/keywords/{id:long}/export", (long id, HttpContext http, GetKeywordList get) => ExportAsync(id, http, get));
    }

    public static void MapKeywordApi(this RouteGroupBuilder api)
    {
        api.MapGet("/keyword-lists", async Task<Ok<IReadOnlyList<KeywordListSummary>>> (HttpContext http, ListKeywordLists list) =>
                TypedResults.Ok(await list.HandleAsync(http.RequestAborted)))
            .WithSummary("词表列表（舆情监测词表 watch、敏感词表 sensitive）")
            .WithDescription("只有宣传办可以查看（否则 403）。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/keyword-lists", async Task<Created<KeywordListDetail>> (KeywordListRequest request, HttpContext http, SaveKeywordList save) =>
            {
                var created = await save.HandleAsync(null, request, http.RequestAborted);
                return TypedResults.Created($"/api/v1/keyword-lists/{created.Id}", created);
            })
            .WithSummary("新建词表")
            .WithDescription("{\"name\":\"本地热点\",\"purpose\":\"watch|sensitive\",\"description\":\"…\",\"words\":[{\"text\":\"塌方\",\"weight\":5,\"category\":\"安全事故\"}]," +
                             "\"allowList\":[\"过敏感冒\"],\"blockingCategories\":[\"政治\"]}。也可用 wordsText（每行“词 权重 分类”）代替 words。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapGet("/keyword-lists/{id:long}", async Task<Ok<KeywordListDetail>> (long id, HttpContext http, GetKeywordList get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("词表内容：词（权重、分类）、白名单短语、阻断类别")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPut("/keyword-lists/{id:long}", async Task<Ok<KeywordListDetail>> (long id, KeywordListRequest request, HttpContext http, SaveKeywordList save) =>
                TypedResults.Ok(await save.HandleAsync(id, request, http.RequestAborted)))
            .WithSummary("修改词表（整表替换）")
            .WithDescription("字段同新建（purpose 不能改）；未给出的字段保持不变，给出的 words/wordsText、allowList、blockingCategories 整体替换。" +
                             "disabled=true 停用整张词表。revision 与当前不符时 409。校验一次报告全部问题（errors.words 等，“第 n 行”为粘贴文本的行号或 words 中的第 n 个）。" +
                             "保存后新的匹配器立即生效（其他实例最迟 30 秒）。")
            .ProducesCommandProblems();

        api.MapGet("/keyword-lists/{id:long}/export", (long id, HttpContext http, GetKeywordList get) => ExportAsync(id, http, get))
            .WithSummary("导出词表文本（UTF-8，每行“词 权重 分类”，可再导入）")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ExportAsync(long id, HttpContext http, GetKeywordList get)
    {
        var detail = await get.HandleAsync(id, http.RequestAborted);
        var text = KeywordListText.Format(detail.Words.Select(w => new KeywordEntry(w.Text, w.Weight, w.Category))) + "\n";
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), "text/plain; charset=utf-8",
            detail.Name + ".txt");
    }
}

public sealed class NewKeywordListForm
{
    public string? Name { get; set; }
    public string? Purpose { get; set; }
}
