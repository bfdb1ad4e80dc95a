using Herald.Domain.Submission;
using Herald.Web.Features.Categories;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Manuscripts;

public static class ManuscriptEndpoints
{
    public static void MapManuscriptPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/manuscripts", async ([AsParameters] ManuscriptQuery query, HttpContext http, ListManuscripts list, CurrentUser current) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var result = await list.HandleAsync(query, http.RequestAborted);
            return Pages.Render(new ManuscriptListModel(query, result, ListManuscripts.SortOf(query), me.Tree, UnitScope.Manuscripts(me),
                me.SubmitUnits.Count > 0, http.Request.Query["notice"].ToString()));
        });

        pages.MapGet("/manuscripts/export.xlsx", ExportAsync);

        pages.MapGet("/manuscripts/new", async (long? followUpOf, HttpContext http, ManuscriptFormBuilder forms) =>
            Pages.Render(await forms.NewAsync(followUpOf, http.RequestAborted)));

        pages.MapPost("/manuscripts/new", (HttpContext http, SaveManuscript save, ManuscriptFormBuilder forms, TextCheckStop textCheck) =>
            SaveFromFormAsync(null, http, save, forms, textCheck));

        pages.MapGet("/manuscripts/{id:long}/edit", async (long id, string? notice, HttpContext http, ManuscriptFormBuilder forms) =>
        {
            var model = await forms.EditAsync(id, http.RequestAborted);
            model.Notice = notice;
            return Pages.Render(model);
        });

        pages.MapPost("/manuscripts/{id:long}/edit", (long id, HttpContext http, SaveManuscript save, ManuscriptFormBuilder forms, TextCheckStop textCheck) =>
            SaveFromFormAsync(id, http, save, forms, textCheck));

        // 选择 Word 原件或图片后（htmx）：暂存文件、导入正文，重新渲染正文与图片区域。
        pages.MapPost("/manuscripts/form/refresh", async (HttpContext http, CurrentUser current, ManuscriptStager stager,
            ManuscriptFormBuilder forms) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var input = await ManuscriptInput.ReadAsync(http.Request, submitByDefault: false, http.RequestAborted);
            var id = long.TryParse(http.Request.Form["manuscriptId"], out var mid) ? mid : (long?)null;
            var errors = new List<FieldError>();
            var state = await stager.StageAsync(me.Id, input, errors, http.RequestAborted);
            var model = await forms.FromInputAsync(id, input, state, errors, http.RequestAborted);
            return Pages.Render(new ManuscriptContentSectionModel(model, TitleOutOfBand: state.ImportedTitle is not null));
        });

        pages.MapGet("/manuscripts/{id:long}", (long id, string? notice, HttpContext http, ManuscriptDetailPages detail) =>
            detail.RenderAsync(id, notice, ct: http.RequestAborted));

        pages.MapPost("/manuscripts/{id:long}/delete", async (long id, HttpContext http, DeleteDraft delete) =>
        {
            await delete.HandleAsync(id, http.RequestAborted);
            return Results.LocalRedirect("/manuscripts?mine=true&notice=deleted");
        });

        pages.MapGet("/uploads/{id:long}", async (long id, HttpContext http, CurrentUser current, HeraldDbContext db, FileStore files) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var row = await db.StagedUploads.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == me.Id, http.RequestAborted)
                      ?? throw AppException.NotFound();
            return Results.Stream(files.OpenRead(row.Hash), row.ContentType, row.Kind == UploadStaging.DocumentKind ? row.FileName : null);
        });
    }

    /// <summary>导出当前筛选和排序下的全部稿件（网页与 API 共用）。</summary>
    private static async Task<IResult> ExportAsync([AsParameters] ManuscriptQuery query, HttpContext http, ListManuscripts list, Messages messages,
        Infrastructure.Time.Clock clock) =>
        Common.Tables.ListExport.Xlsx(messages["Export.Manuscripts"], clock.UtcNow, ManuscriptExport.Columns(messages),
            await list.ExportAsync(query, http.RequestAborted));

    private static async Task<IResult> SaveFromFormAsync(long? id, HttpContext http, SaveManuscript save, ManuscriptFormBuilder forms, TextCheckStop textCheck)
    {
        var input = await ManuscriptInput.ReadAsync(http.Request, submitByDefault: false, http.RequestAborted);
        if (input.Submit && await textCheck.ShowHitsFirstAsync(id, input, http) is { } stop) return stop;
        try
        {
            var view = await save.HandleAsync(id, input, http.RequestAborted);
            return Results.LocalRedirect(input.Submit
                ? $"/manuscripts/{view.Detail.Id}?notice=submitted"
                : $"/manuscripts/{view.Detail.Id}/edit?notice=saved");
        }
        catch (ManuscriptFormException ex)
        {
            var model = await forms.FromInputAsync(id, input, ex.State, ex.Errors, http.RequestAborted);
            return Pages.Render(model, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>图片与 Word 原件：网页（Cookie）和 API（令牌）都可下载，权限同稿件。</summary>
    public static void MapManuscriptFiles(this RouteGroupBuilder files)
    {
        files.MapGet("/manuscripts/{id:long}/photos/{photoId:long}", async (long id, long photoId, HttpContext http, CurrentUser current,
            HeraldDbContext db, FileStore store) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var attachment = await db.Manuscripts.AsNoTracking().VisibleTo(me).Where(m => m.Id == id)
                .SelectMany(m => m.Attachments).FirstOrDefaultAsync(a => a.Id == photoId && a.Kind == AttachmentKind.Photo, http.RequestAborted)
                ?? throw AppException.NotFound();
            return Results.Stream(store.OpenRead(attachment.FileHash), attachment.ContentType, enableRangeProcessing: true);
        }).WithSummary("下载稿件图片");

        files.MapGet("/manuscripts/{id:long}/document", async (long id, HttpContext http, CurrentUser current, HeraldDbContext db, FileStore store,
            Infrastructure.Time.Clock clock) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            var m = await db.Manuscripts.AsNoTracking().Include(x => x.Attachments).VisibleTo(me).FirstOrDefaultAsync(x => x.Id == id, http.RequestAborted)
                    ?? throw AppException.NotFound();
            var document = m.Document ?? throw AppException.NotFound();
            return Results.Stream(store.OpenRead(document.FileHash), document.ContentType, GetManuscript.DownloadName(m, me.Tree, clock.UtcNow));
        }).WithSummary("下载 Word 原件（文件名为规范名称）");
    }

    public static void MapManuscriptApi(this RouteGroupBuilder api)
    {
        api.MapPost("/manuscripts", async Task<Created<ManuscriptDetail>> (HttpContext http, SaveManuscript save) =>
            {
                var input = await ManuscriptInput.ReadAsync(http.Request, submitByDefault: true, http.RequestAborted);
                var view = await save.HandleAsync(null, input, http.RequestAborted);
                return TypedResults.Created($"/api/v1/manuscripts/{view.Detail.Id}", view.Detail);
            })
            .Accepts<ManuscriptApiForm>("multipart/form-data")
            .WithSummary("报送稿件")
            .WithDescription("multipart/form-data：title, body（纯文本，空行分段）, category（编号或名称）, importance（routine|important|major）, eventDate（yyyy-MM-dd）, emergency, knownAt（突发事件获知时间，ISO 8601）, document（.docx，正文为空时由其生成正文和图片；importDocument=true 时即使填了正文也由它生成）, documentCaptions（Word 原件中图片的说明，按文档中的顺序每张一项，只数能导入的 JPEG/PNG；空项沿用文档里的说明——图片的替代文字，或紧贴图片上下、写成图注的段落如“图为…”“图1 …”，被取作说明的段落不再留在正文里；仍缺说明时 400，errors[\"documentCaptions[i]\"] 指出第几张）, photos（JPEG/PNG，可多个）+ captions（与 photos 一一对应，必填）, followUpOf（续报所接续的稿件）, draft=true 只保存草稿。请求头 Idempotency-Key（或字段 submissionKey）可防止重复提交。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/manuscripts", async Task<Ok<PagedResult<ManuscriptListItem>>> ([AsParameters] ManuscriptQuery query, HttpContext http, ListManuscripts list) =>
                TypedResults.Ok(await list.HandleAsync(query, http.RequestAborted)))
            .WithSummary("稿件列表（分页；只含调用者可见的稿件）")
            .WithDescription("status: draft|in_review|returned|rejected|approved；unitId（含下级）；from/to：报送日期 yyyy-MM-dd；q：标题关键词；mine=true 只看本人；" +
                             "sort：updatedAt（默认）|submittedAt|title|unit|status|eventDate，dir：asc|desc（其他值 400）；page、pageSize（≤100）。" +
                             "total 最多数到 10000 条（且至少到当前页之后十页），超过时 totalCapped 为 true。");

        api.MapGet("/manuscripts/export.xlsx", ExportAsync)
            .WithSummary("导出稿件列表（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/manuscripts（status、unitId、from、to、q、mine、sort、dir；不分页）。只含调用者可见的稿件。" +
                             "边读边写（流式），超过 500000 行时 400 Export.TooManyRows。文件名如 稿件列表-2026年12月7日.xlsx（Content-Disposition filename*）。")
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/manuscripts/{id:long}", async Task<Ok<ManuscriptDetail>> (long id, HttpContext http, GetManuscript get) =>
                TypedResults.Ok((await get.HandleAsync(id, http.RequestAborted)).Detail))
            .WithSummary("稿件详情：状态、当前步骤、审核路线、流转记录")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/manuscripts/{id:long}/diff", async Task<Results<Ok<VersionDiff>, NoContent>> (long id, HttpContext http, GetManuscript get) =>
                (await get.HandleAsync(id, http.RequestAborted)).Diff is { } diff ? TypedResults.Ok(diff) : TypedResults.NoContent())
            .WithSummary("最近两个报送版本的差异（只有一个版本时 204）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/manuscripts/{id:long}/resubmit", async Task<Ok<ManuscriptDetail>> (long id, HttpContext http, SaveManuscript save) =>
            {
                var input = await ManuscriptInput.ReadAsync(http.Request, submitByDefault: true, http.RequestAborted);
                input.Submit = true;
                return TypedResults.Ok((await save.HandleAsync(id, input, http.RequestAborted)).Detail);
            })
            .Accepts<ManuscriptApiForm>("multipart/form-data")
            .WithSummary("修改后重新报送（退回修改的稿件或草稿），重新从第一级审核开始")
            .WithDescription("字段同报送；另可带 revision（乐观并发，与当前不符时 409）。未提供的图片保持不变。")
            .ProducesCommandProblems();

        api.MapDelete("/manuscripts/{id:long}", async Task<NoContent> (long id, HttpContext http, DeleteDraft delete) =>
            {
                await delete.HandleAsync(id, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("删除从未报送过的草稿（只限作者本人）")
            .WithDescription("报送过的稿件（包括退回修改的）不能删除（409）。")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGet("/categories", async (CategoryLookup categories, HttpContext http) =>
                TypedResults.Ok((await categories.ListAsync(includeDisabled: false, http.RequestAborted)).Select(c => new { c.Id, c.Name })))
            .WithSummary("可用的稿件类别");
    }
}

/// <summary>仅用于 OpenAPI 文档：报送表单的字段。</summary>
public sealed class ManuscriptApiForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Category { get; set; }
    public string? Importance { get; set; }
    public string? EventDate { get; set; }
    public bool? Emergency { get; set; }
    public string? KnownAt { get; set; }
    public long? UnitId { get; set; }
    public long? FollowUpOf { get; set; }
    public IFormFile? Document { get; set; }
    public IFormFileCollection? Photos { get; set; }
    public string[]? Captions { get; set; }
    public string[]? DocumentCaptions { get; set; }
    public bool? ImportDocument { get; set; }
    public int? Revision { get; set; }
    public bool? Draft { get; set; }
    public string? SubmissionKey { get; set; }
}
