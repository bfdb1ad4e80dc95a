using Herald.Domain.Options;
using Herald.Web.Features.Common;
using Herald.Web.Features.OptionLists;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

/// <summary>上报页的数据：可以以哪些单位名义上报、已填的值与已暂存的截图（出错重显时）。</summary>
public sealed record ReportPageModel(IReadOnlyList<(long Id, string Name)> Units, ReportInput Form,
    IReadOnlyList<StagedUpload> Staged, IReadOnlyList<string> Errors, string SubmissionKey) : IPageModel<ReportPage>;

/// <summary>仅用于 OpenAPI 文档：人工上报的 multipart 字段。</summary>
public sealed class OpinionReportUpload
{
    public long? UnitId { get; set; }
    public string? Platform { get; set; }
    public string? Source { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Author { get; set; }
    public string? PublishedAt { get; set; }
    public string? SubmissionKey { get; set; }
    public IFormFileCollection? Screenshots { get; set; }
}

/// <summary>人工上报（/opinion/report）、舆情信息列表与详情（/opinion/items），以及对应的只读 API。</summary>
public static class OpinionItemEndpoints
{
    public static void MapOpinionItemPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/opinion/report", async (HttpContext http, OpinionAccess access) =>
        {
            var model = await ModelAsync(access, new ReportInput(), [], [], Guid.NewGuid().ToString("N"), http.RequestAborted);
            return Pages.Render(model);
        });

        pages.MapPost("/opinion/report", async (HttpContext http, ReportOpinionItem report, OpinionAccess access, Messages messages) =>
        {
            var input = await ReportInput.ReadAsync(http.Request, http.RequestAborted);
            try
            {
                var result = await report.HandleAsync(input, http.RequestAborted);
                return Results.LocalRedirect($"/opinion/items/{result.Item.Id}?notice={(result.DuplicateOf is null ? "reported" : "reported-duplicate")}");
            }
            catch (OpinionReportException ex)
            {
                var errors = ex.Errors.Select(e => messages.DescribeWithField(new AppException(ProblemKind.Validation, e.Code, e.Field, e.Args))).ToList();
                var model = await ModelAsync(access, input, ex.Staged, errors, input.SubmissionKey ?? Guid.NewGuid().ToString("N"), http.RequestAborted);
                return (IResult)Pages.Render(model, StatusCodes.Status400BadRequest);
            }
            catch (AppException ex) when (ex.Kind == ProblemKind.Conflict)
            {
                var model = await ModelAsync(access, input, [], [messages.Describe(ex)], Guid.NewGuid().ToString("N"), http.RequestAborted);
                return Pages.Render(model, StatusCodes.Status409Conflict);
            }
        });

        pages.MapGet("/opinion/items", async ([AsParameters] OpinionItemQuery query, HttpContext http, ListOpinionItems list, OpinionAccess access,
            OptionChoices choices) =>
        {
            var scope = await access.GetAsync(http.RequestAborted);
            return Pages.Render(new OpinionItemsPageModel
            {
                Query = query,
                Result = await list.HandleAsync(query, http.RequestAborted),
                Sort = ListOpinionItems.SortOf(query),
                SeesAll = scope.All,
                CanReport = scope.ReportUnits.Count > 0,
                Platforms = await choices.AllAsync(OptionListKeys.OpinionPlatform, http.RequestAborted),
            });
        });

        pages.MapGet("/opinion/items/export.xlsx", ExportItemsAsync);

        pages.MapGet("/opinion/items/{id:long}", async (long id, string? notice, HttpContext http, GetOpinionItem get, CurrentUser current) =>
            Pages.Render(new OpinionItemPageModel
            {
                Item = await get.HandleAsync(id, http.RequestAborted),
                Notice = notice,
                CanOpenCase = (await current.GetAsync(http.RequestAborted)).IsOffice,
            }));

        pages.MapGet("/opinion/items/{id:long}/screenshots/{shotId:long}", ScreenshotAsync);
    }

    public static void MapOpinionItemApi(this RouteGroupBuilder api)
    {
        api.MapGet("/opinion/items", async Task<Ok<PagedResult<OpinionListItem>>> ([AsParameters] OpinionItemQuery query, HttpContext http, ListOpinionItems list) =>
                TypedResults.Ok(await list.HandleAsync(query, http.RequestAborted)))
            .WithSummary("舆情信息列表（收到时间倒序，分页）；有 q 而没有 from 时只查最近 30 天")
            .WithDescription("platform；hits=true|false（有无命中）；from/to：收到日期 yyyy-MM-dd（北京时间）；q：标题或内容包含；page、pageSize（≤100）。" +
                             "kind：manual|api|feed；sort：receivedAt（默认）|publishedAt|hitWeight|platform，dir：asc|desc。" +
                             "宣传办和主要负责人看全部，近似重复的一组只列组首（duplicateCount 为组内另有几条）；其他人只看本单位上报的。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/opinion/items/export.xlsx", ExportItemsAsync)
            .WithSummary("导出舆情信息（Excel）：与列表相同的范围、筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/opinion/items（不分页；有 q 而没有 from 时同样只查最近 30 天）。流式写出，超过 500000 行 400 Export.TooManyRows。")
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/opinion/items/{id:long}", async Task<Ok<OpinionItemDetail>> (long id, HttpContext http, GetOpinionItem get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("一条舆情信息：原文、命中、截图、所在的近似重复组")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/opinion/items/{id:long}/screenshots/{shotId:long}", ScreenshotAsync)
            .WithSummary("下载舆情信息的截图（范围同信息本身，看不到的 404）")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/opinion/reports", async Task<Created<OpinionItemDetail>> (HttpContext http, ReportOpinionItem report, GetOpinionItem get) =>
            {
                var input = await ReportInput.ReadAsync(http.Request, http.RequestAborted);
                var result = await report.HandleAsync(input, http.RequestAborted);
                return TypedResults.Created($"/api/v1/opinion/items/{result.Item.Id}", await get.HandleAsync(result.Item.Id, http.RequestAborted));
            })
            .Accepts<OpinionReportUpload>("multipart/form-data")
            .WithSummary("舆情信息员人工上报（可带截图）")
            .WithDescription("multipart：unitId（以哪个单位名义，缺省为第一个可上报的单位）、platform（必填）、source、url、title、content（标题与内容至少一项）、author、" +
                             "publishedAt（yyyy-MM-ddTHH:mm，北京时间）、screenshots（JPEG/PNG，可多个）、submissionKey（同一键重复提交 409，不重复收录）。" +
                             "收录时同样标出命中、查近似重复（duplicateGroup）。没有可上报的单位时 403。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>截图：网页与 API 同一个查询，范围同信息本身。</summary>
    private static async Task<IResult> ScreenshotAsync(long id, long shotId, HttpContext http, OpinionAccess access, HeraldDbContext db, FileStore files)
    {
        var scope = await access.GetAsync(http.RequestAborted);
        var shot = await OpinionAccess.VisibleTo(db.OpinionItems.AsNoTracking(), scope).Where(i => i.Id == id)
                       .SelectMany(i => i.Attachments).FirstOrDefaultAsync(a => a.Id == shotId, http.RequestAborted)
                   ?? throw AppException.NotFound();
        return Results.Stream(files.OpenRead(shot.FileHash), shot.ContentType);
    }

    private static async Task<IResult> ExportItemsAsync([AsParameters] OpinionItemQuery query, HttpContext http, ListOpinionItems list,
        Infrastructure.Localization.Messages messages, Infrastructure.Time.Clock clock) =>
        Common.Tables.ListExport.Xlsx(messages["Export.OpinionItems"], clock.UtcNow, OpinionItemExport.Columns(messages),
            await list.ExportAsync(query, http.RequestAborted));

    private static async Task<ReportPageModel> ModelAsync(OpinionAccess access, ReportInput input, IReadOnlyList<StagedUpload> staged,
        IReadOnlyList<string> errors, string submissionKey, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.ReportUnits.Count == 0) throw AppException.Forbidden("OpinionItem.NoReportUnit");
        var units = scope.ReportUnits.Select(u => (u, scope.Me.Tree.PathName(u))).ToList();
        return new ReportPageModel(units, input, staged, errors, submissionKey);
    }
}
