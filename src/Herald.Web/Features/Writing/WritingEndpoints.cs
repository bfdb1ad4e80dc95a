using System.Text;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Html;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Writing;

/// <summary>文字检查（报送页的“检查”、API）与规范表述表的维护页（/admin/usage-rules）和 API。</summary>
public static class WritingEndpoints
{
    public static void MapWritingPages(this RouteGroupBuilder pages)
    {
        // 报送页的“检查”（htmx）：只收标题和正文，返回检查结果区域。
        pages.MapPost("/manuscripts/text-check", async (HttpContext http, CheckText check) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var title = form["title"].ToString();
            var body = BodyHtml.Sanitize(form["bodyHtml"].ToString()).Text;
            var result = await check.HandleAsync(new TextCheckRequest { Title = title, Body = body }, http.RequestAborted);
            return Pages.Render(new TextCheckPanelModel { Result = result, Title = title, Body = body, ConfirmRevision = CheckText.Fingerprint(title, body) });
        });

        pages.MapGet("/admin/usage-rules", async (string? notice, HttpContext http, GetUsageRules get) =>
        {
            var view = await get.HandleAsync(http.RequestAborted);
            return Pages.Render(new UsageRulesPageModel { View = view, Form = UsageRulesForm.From(view), Notice = notice });
        });

        pages.MapPost("/admin/usage-rules", async (HttpContext http, GetUsageRules get, SaveUsageRules save, Messages messages) =>
        {
            var form = await UsageRulesForm.ReadAsync(http.Request, http.RequestAborted);
            return await FormPost.RunAsync(http, async () =>
                {
                    await save.HandleAsync(await form.ToRequestAsync(http.RequestAborted), http.RequestAborted);
                    return "/admin/usage-rules?notice=saved";
                },
                async failure => Pages.Render(new UsageRulesPageModel
                {
                    View = await get.HandleAsync(http.RequestAborted),
                    Form = form,
                    Errors = messages.DescribeEach(failure.Exception),
                }, failure.Status));
        });

        pages.MapGet("/admin/usage-rules/export", (HttpContext http, GetUsageRules get, Messages messages) => ExportAsync(http, get, messages));
    }

    public static void MapWritingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/text-check", async Task<Ok<TextCheckResult>> (TextCheckRequest request, HttpContext http, CheckText check) =>
                TypedResults.Ok(await check.HandleAsync(request, http.RequestAborted)))
            .WithSummary("报送前的文字检查：敏感词与常见差错（规范表述）")
            .WithDescription("{\"title\":\"…\",\"body\":\"纯文本正文\"} → {sensitive:[{field: title|body, text, keyword, list, category, blocking, offset, length}], " +
                             "errors:[{field, text, suggestion, offset, length, note, category}]}。offset/length 以该字段原文的 UTF-16 码元计。" +
                             "只报告，不保存、不阻止报送；阻断类敏感词仍在审核时把关。")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapGet("/usage-rules", async Task<Ok<UsageRulesView>> (HttpContext http, GetUsageRules get) =>
                TypedResults.Ok(await get.HandleAsync(http.RequestAborted)))
            .WithSummary("规范表述表（易错词）：错误写法、正确写法、说明、分类")
            .WithDescription("只有宣传办可以查看（否则 403）。revision 为当前内容的指纹，修改时带上。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/usage-rules", async Task<Ok<UsageRulesView>> (UsageRulesRequest request, HttpContext http, SaveUsageRules save) =>
                TypedResults.Ok(await save.HandleAsync(request, http.RequestAborted)))
            .WithSummary("整表替换规范表述表")
            .WithDescription("{\"rules\":[{\"wrong\":\"十九届四中全会\",\"correct\":\"党的十九届四中全会\",\"note\":\"…\",\"category\":\"会议名称\"}],\"revision\":\"…\"}；" +
                             "也可用 rulesText（每行“错误写法 | 正确写法 | 说明 | 分类”）代替 rules。所有问题一次报告（errors.rules）；revision 与当前不符时 409。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        api.MapGet("/usage-rules/export", (HttpContext http, GetUsageRules get, Messages messages) => ExportAsync(http, get, messages))
            .WithSummary("导出规范表述表文本（UTF-8，每行“错误写法 | 正确写法 | 说明 | 分类”，可再导入）")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, GetUsageRules get, Messages messages)
    {
        var view = await get.HandleAsync(http.RequestAborted);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(view.Text + "\n")).ToArray();
        return Results.File(bytes, "text/plain; charset=utf-8", messages["Usage.ExportFileName"] + ".txt");
    }
}
