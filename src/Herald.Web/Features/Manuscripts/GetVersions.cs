using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

/// <summary>一个版本：第几版、谁产生的（作者报送，或审核人审改）、何时。</summary>
public sealed record VersionSummary(int Number, long AuthorId, string AuthorName, bool ReviewEdit, DateTime CreatedAt);

/// <summary>稿件的版本记录，以及所选的一版与上一版的差异（第 1 版没有上一版，Diff 为空）。</summary>
public sealed record ManuscriptVersions(long ManuscriptId, string Title, IReadOnlyList<VersionSummary> Versions, int? Selected, VersionDiff? Diff);

/// <summary>版本记录与逐版比对（页面与 API 共用）：谁看得到稿件，谁就看得到它的各版和改动；看不到的一律 404。</summary>
public sealed class GetVersions(HeraldDbContext db, CurrentUser current)
{
    /// <param name="number">要与上一版比较的版本；不给时取最新的一版。</param>
    public async Task<ManuscriptVersions> HandleAsync(long id, int? number, CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var m = await db.Manuscripts.AsNoTracking().VisibleTo(me).Where(x => x.Id == id)
                    .Select(x => new { x.Id, x.Title }).FirstOrDefaultAsync(ct)
                ?? throw AppException.NotFound();
        var rows = await db.ManuscriptVersions.AsNoTracking().Where(v => v.ManuscriptId == id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.AuthorId, v.ReviewEdit, v.CreatedAt }).ToListAsync(ct);
        if (number is { } wanted && rows.All(v => v.Number != wanted))
            throw AppException.NotFound();
        var selected = number ?? (rows.Count > 0 ? rows[^1].Number : null);

        var names = await GetManuscript.NamesAsync(db, rows.Select(v => v.AuthorId).Distinct().ToArray(), me.Tree, ct);
        var versions = rows.Select(v => new VersionSummary(v.Number, v.AuthorId, names.GetValueOrDefault(v.AuthorId, ""), v.ReviewEdit, v.CreatedAt))
            .ToList();

        VersionDiff? diff = null;
        if (selected is { } n && n >= 2)
        {
            var pair = await db.ManuscriptVersions.AsNoTracking()
                .Where(v => v.ManuscriptId == id && (v.Number == n - 1 || v.Number == n))
                .OrderBy(v => v.Number).ToListAsync(ct);
            if (pair.Count == 2)
                diff = VersionDiffer.Compare(pair[0], pair[1]) with
                {
                    ToAuthor = names.GetValueOrDefault(pair[1].AuthorId), ToReviewEdit = pair[1].ReviewEdit,
                };
        }
        return new ManuscriptVersions(m.Id, m.Title, versions, selected, diff);
    }
}

/// <summary>版本记录页（/manuscripts/{id}/versions）与 API。</summary>
public static class VersionEndpoints
{
    public static void MapVersionPage(this RouteGroupBuilder pages) =>
        pages.MapGet("/manuscripts/{id:long}/versions", async (long id, int? number, HttpContext http, GetVersions versions) =>
            Pages.Render(new VersionsModel(await versions.HandleAsync(id, number, http.RequestAborted))));

    public static void MapVersionApi(this RouteGroupBuilder api) =>
        api.MapGet("/manuscripts/{id:long}/versions", async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ManuscriptVersions>> (long id, int? number,
                HttpContext http, GetVersions versions) =>
                TypedResults.Ok(await versions.HandleAsync(id, number, http.RequestAborted)))
            .WithSummary("版本记录：每一版由谁产生（作者报送或审核人审改），以及某一版与上一版的差异")
            .WithDescription("number（可选）：要与上一版比较的版本号，默认最新一版。diff 中 title/body/captions 逐段列出，" +
                             "改动的段落逐字标出 inserted（新增）与 deleted（删除）。看不到这篇稿件或没有这一版时 404。")
            .ProducesProblem(StatusCodes.Status404NotFound);
}

public sealed record VersionsModel(ManuscriptVersions Versions) : IPageModel<VersionsPage>;
