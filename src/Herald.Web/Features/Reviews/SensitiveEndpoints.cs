using Herald.Web.Features.Keywords;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reviews;

public sealed record SensitiveHitDto(string Field, string Keyword, string List, string Category, bool Blocking, int Start, int Length);

public sealed record SensitiveResult(bool Blocked, IReadOnlyList<string> BlockingWords, IReadOnlyList<SensitiveHitDto> Hits);

/// <summary>稿件的敏感词检查结果（API）：能看到稿件的人都可以查；在审核模块，关键词模块因此不依赖稿件。</summary>
public static class SensitiveEndpoints
{
    public static void MapSensitiveApi(this RouteGroupBuilder api)
    {
        api.MapGet("/manuscripts/{id:long}/sensitive", async Task<Ok<SensitiveResult>> (long id, HttpContext http, CurrentUser current,
                HeraldDbContext db, SensitiveCheck check) =>
            {
                var me = await current.GetAsync(http.RequestAborted);
                var m = await db.Manuscripts.AsNoTracking().VisibleTo(me).Where(x => x.Id == id)
                            .Select(x => new { x.Title, x.BodyText }).FirstOrDefaultAsync(http.RequestAborted)
                        ?? throw AppException.NotFound();
                var report = await check.CheckAsync(m.Title, m.BodyText, http.RequestAborted);
                var hits = report.Title.Select(h => Dto("title", h)).Concat(report.Body.Select(h => Dto("body", h))).ToList();
                return TypedResults.Ok(new SensitiveResult(report.Blocked, report.BlockingWords, hits));
            })
            .WithSummary("稿件的敏感词命中（标题、正文）")
            .WithDescription("hits：{field: title|body, keyword, list, category, blocking, start, length}，位置以原文（正文为纯文本）的 UTF-16 码元计。" +
                             "blocked=true 时审核通过须 override=true 并说明理由。")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static SensitiveHitDto Dto(string field, ListedHit h) =>
        new(field, h.Keyword, h.List, h.Category, h.Blocking, h.Hit.Start, h.Hit.Length);
}
