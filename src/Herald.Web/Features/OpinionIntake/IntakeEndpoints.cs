using Herald.Domain.Identity;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>厂商推送 API 与厂商令牌页（/opinion/intake-tokens）。</summary>
public static class IntakeEndpoints
{
    public static void MapIntakeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/opinion/items", async (HttpContext http, PushOpinionItems push, IOptions<OpinionIntakeOptions> options) =>
            {
                await push.RequireAllowedAsync(http.RequestAborted);
                var (isBatch, items) = await IntakeRequestReader.ReadAsync(http.Request, options.Value, http.RequestAborted);
                var results = await push.HandleAsync(new IntakePush(isBatch, items), http.RequestAborted);
                if (isBatch) return Results.Ok(results);
                var r = results[0];
                return Results.Created($"/api/v1/opinion/items/{r.Id}", new { r.Id, r.DuplicateOf, r.Hits });
            })
            .AllowTokenScope(ApiToken.IntakeScope)
            .Accepts<OpinionItemRequest[]>("application/json")
            .Produces<IntakeResult[]>(StatusCodes.Status200OK)
            .Produces<IntakeResult>(StatusCodes.Status201Created)
            .WithSummary("推送舆情信息（监测厂商）：一条或一批")
            .WithDescription("请求体为一条 {\"source\",\"platform\",\"url\",\"title\",\"content\",\"author\",\"publishedAt\"}，或这样的数组（一批最多 500 条、请求体最大 1 MB，" +
                             "超过时整批拒绝：400 OpinionIntake.BatchTooLarge / 413 OpinionIntake.BodyTooLarge）。platform 必填，title 与 content 至少一项；" +
                             "publishedAt 为 ISO 8601，不带时区时按北京时间。一条：成功 201 {id, duplicateOf, hits}，不合规 400。一批：200，按原顺序逐条返回 " +
                             "{index, id, duplicateOf, hits}，不合规的那条为 {index, errors}（其余照常收录）。duplicateOf：与已收录信息近似重复（3-gram Jaccard ≥ 0.8）" +
                             "时为该组最早一条的编号。hits：监测词表命中 {field: title|content, keyword, list, category, weight, start, length}，位置以原文的 UTF-16 码元计。" +
                             "可用宣传办签发的厂商令牌（范围 opinion.intake，只能调用本接口）或宣传办人员的完整令牌。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/opinion/intake-tokens", async Task<Ok<IReadOnlyList<IntakeTokenSummary>>> (HttpContext http, IntakeTokens tokens) =>
                TypedResults.Ok(await tokens.ListAsync(http.RequestAborted)))
            .WithSummary("厂商推送令牌（最近 200 个）")
            .WithDescription("只有宣传办可以查看。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/opinion/intake-tokens", async Task<Created<IssuedIntakeToken>> (IntakeTokenForm request, HttpContext http, IntakeTokens tokens) =>
            {
                var issued = await tokens.IssueAsync(request.Vendor, request.Days, http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Created("/api/v1/opinion/intake-tokens", issued);
            })
            .WithSummary("为监测厂商签发推送令牌（明文只返回这一次）")
            .WithDescription("{\"vendor\":\"某某舆情监测\",\"days\":365}；days 1–730，省略时取配置的默认值。令牌只能调用 POST /api/v1/opinion/items。只有宣传办可以签发。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

        api.MapPost("/opinion/intake-tokens/{id:long}/revoke", async Task<Ok<IntakeTokenSummary>> (long id, HttpContext http, IntakeTokens tokens) =>
            {
                await tokens.RevokeAsync(id, http.RequestAborted);
                return TypedResults.Ok((await tokens.ListAsync(http.RequestAborted)).First(t => t.Id == id));
            })
            .WithSummary("撤销厂商推送令牌（立即不能再推送）")
            .WithDescription("任何宣传办人员都可撤销；已撤销的 409。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    public static void MapIntakeTokenPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/opinion/intake-tokens", async (HttpContext http, IntakeTokens tokens) =>
            Pages.Render(new IntakeTokensPageModel { Tokens = await tokens.ListAsync(http.RequestAborted), Notice = http.Request.Query["notice"].ToString() }));

        pages.MapPost("/opinion/intake-tokens", async ([FromForm] IntakeTokenForm form, HttpContext http, IntakeTokens tokens) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var issued = await tokens.IssueAsync(form.Vendor, form.Days, http.RequestAborted);
                    return Pages.Render(new IntakeTokensPageModel { Tokens = await tokens.ListAsync(http.RequestAborted), Issued = issued });
                },
                async failure => Pages.Render(new IntakeTokensPageModel
                {
                    Tokens = await tokens.ListAsync(http.RequestAborted),
                    Error = failure.Message,
                    Form = form,
                }, StatusCodes.Status400BadRequest));
        });

        pages.MapPost("/opinion/intake-tokens/{id:long}/revoke", async (long id, HttpContext http, IntakeTokens tokens) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    await tokens.RevokeAsync(id, http.RequestAborted);
                    return "/opinion/intake-tokens?notice=revoked";
                },
                async failure => Pages.Render(new IntakeTokensPageModel
                {
                    Tokens = await tokens.ListAsync(http.RequestAborted),
                    Error = failure.Message,
                }, StatusCodes.Status409Conflict));
        });
    }
}

public sealed class IntakeTokenForm
{
    public string? Vendor { get; set; }
    public int? Days { get; set; }
}
