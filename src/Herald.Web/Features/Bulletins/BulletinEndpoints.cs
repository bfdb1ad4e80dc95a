using System.Globalization;
using Herald.Domain.Common;
using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Web.Features.Bulletins;

public static class BulletinEndpoints
{
    public static void MapBulletinPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/bulletins", async (string? notice, HttpContext http, ListBulletins list, CurrentUser current, Clock clock) =>
            Pages.Render(await ListModelAsync(http, list, current, clock, null, null, notice)));

        pages.MapPost("/bulletins", async ([FromForm] BulletinCreateForm form, HttpContext http, CreateBulletin create, ListBulletins list,
            CurrentUser current, Clock clock) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var request = new CreateBulletinRequest(Number(form.Year, "year"), Number(form.Quarter, "quarter"), form.Kind,
                        Wire.OptionalId(form.RootUnitId, "rootUnitId"));
                    var bulletin = await create.HandleAsync(request, http.RequestAborted);
                    return $"/bulletins/{bulletin.Id}?notice=created";
                },
                async failure =>
                {
                    var model = await ListModelAsync(http, list, current, clock, form, failure.Message, null);
                    return Pages.Render(model, StatusCodes.Status400BadRequest);
                });
        });

        pages.MapGet("/bulletins/{id:long}", async (long id, string? notice, HttpContext http, GetBulletin get) =>
            Pages.Render(new BulletinPageModel { Detail = await get.HandleAsync(id, http.RequestAborted), Notice = notice }));

        pages.MapPost("/bulletins/{id:long}/edit", async (long id, [FromForm] BulletinEditForm form, HttpContext http, EditBulletin edit,
            GetBulletin get) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    await edit.HandleAsync(id, EditBulletin.FromForm(form), http.RequestAborted);
                    return $"/bulletins/{id}?notice=saved";
                },
                async failure =>
                {
                    // 重新显示刚填写的内容（包括打开时的版本号），不丢失输入。
                    return Pages.Render(new BulletinPageModel
                    {
                        Detail = await get.HandleAsync(id, http.RequestAborted),
                        Form = form,
                        Error = failure.Message,
                    }, StatusCodes.Status400BadRequest);
                });
        });

        pages.MapPost("/bulletins/{id:long}/publish", async (long id, [FromForm] BulletinEditForm form, HttpContext http,
            PublishBulletin publish, GetBulletin get) =>
        {
            return await FormPost.RunAsync(http, async () =>
                {
                    var revision = int.TryParse(form.Revision, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
                    await publish.HandleAsync(id, revision, http.RequestAborted);
                    return $"/bulletins/{id}?notice=published";
                },
                async failure => Pages.Render(new BulletinPageModel
                {
                    Detail = await get.HandleAsync(id, http.RequestAborted),
                    PublishError = failure.Message,
                }, StatusCodes.Status409Conflict));
        });

        pages.MapGet("/bulletins/{id:long}/document.docx", (long id, HttpContext http, GetBulletinFile file, FileStore store) =>
            DownloadAsync(id, BulletinFileKind.Document, http, file, store));
        pages.MapGet("/bulletins/{id:long}/workbook.xlsx", (long id, HttpContext http, GetBulletinFile file, FileStore store) =>
            DownloadAsync(id, BulletinFileKind.Workbook, http, file, store));
    }

    public static void MapBulletinApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bulletins", async Task<Ok<IReadOnlyList<BulletinSummary>>> (int? year, HttpContext http, ListBulletins list) =>
                TypedResults.Ok(await list.HandleAsync(year, http.RequestAborted)))
            .WithSummary("通报列表：本人范围内已发布的季度通报和年终考核；宣传办另见所辖范围的草稿")
            .WithDescription("year 可选，按年份过滤。新的在前，最多 500 条。已发布的通报所有人都看到同一份冻结的内容。");

        api.MapPost("/bulletins", async Task<Created<BulletinDetail>> (CreateBulletinRequest request, HttpContext http, CreateBulletin create,
                GetBulletin get) =>
            {
                var bulletin = await create.HandleAsync(request, http.RequestAborted);
                return TypedResults.Created($"/api/v1/bulletins/{bulletin.Id}", await get.HandleAsync(bulletin.Id, http.RequestAborted));
            })
            .WithSummary("新建通报草稿（宣传办）")
            .WithDescription("季度通报 {\"year\":2026,\"quarter\":3,\"rootUnitId\":1}；年终考核 {\"year\":2026,\"kind\":\"annual\"}。" +
                             "rootUnitId 为统计范围的根单位，缺省为宣传办所在单位（在多个单位任宣传办时必填）。" +
                             "同一时期、同一范围再建即为新版本（version 加 1）。草稿的 figures 随数据实时变化。")
            .ProducesCommandProblems();

        api.MapGet("/bulletins/{id:long}", async Task<Ok<BulletinDetail>> (long id, HttpContext http, GetBulletin get) =>
                TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted)))
            .WithSummary("通报详情与数字（已发布的为发布时冻结的快照，草稿为实时统计）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/bulletins/{id:long}", async Task<Ok<BulletinDetail>> (long id, EditBulletinRequest request, HttpContext http,
                EditBulletin edit, GetBulletin get) =>
            {
                await edit.HandleAsync(id, request, http.RequestAborted);
                return TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted));
            })
            .WithSummary("修改通报草稿的文字（宣传办）")
            .WithDescription("{\"issuingOffice\":\"…\",\"issueDate\":\"2026-10-08\",\"opening\":\"…\",\"requirements\":\"…（每行一段）\"," +
                             "\"praiseUnitCount\":3,\"praiseCorrespondentCount\":5,\"revision\":n}。revision 必填，与当前不符时 409（请重新取得后再改）；" +
                             "已发布的不能修改（409）。")
            .ProducesCommandProblems();

        api.MapPost("/bulletins/{id:long}/publish", async Task<Ok<BulletinDetail>> (long id, HttpContext http, PublishBulletin publish,
                GetBulletin get, [FromBody] PublishBulletinRequest? request = null) =>
            {
                await publish.HandleAsync(id, request?.Revision, http.RequestAborted);
                return TypedResults.Ok(await get.HandleAsync(id, http.RequestAborted));
            })
            .WithSummary("发布通报（宣传办）：生成并冻结 Word、Excel 和全部数字")
            .WithDescription("时期结束后才能发布，否则 409（detail 给出时期结束日期）；已发布的再发布 409。" +
                             "可选请求体 {\"revision\":n}：与当前不符时 409。发布后的下载始终是同一份文件，之后的数据或规则变化不影响它。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGet("/bulletins/{id:long}/document.docx", (long id, HttpContext http, GetBulletinFile file, FileStore store) =>
                DownloadAsync(id, BulletinFileKind.Document, http, file, store))
            .WithSummary("下载通报 Word（已发布的为发布时生成的原文件；草稿为实时生成的预览，页眉标“草稿”）")
            .Produces(StatusCodes.Status200OK, contentType: Documents.BulletinDocument.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/bulletins/{id:long}/workbook.xlsx", (long id, HttpContext http, GetBulletinFile file, FileStore store) =>
                DownloadAsync(id, BulletinFileKind.Workbook, http, file, store))
            .WithSummary("下载通报 Excel 附表（单位排名、信息员排名、表扬、通报批评、说明）")
            .Produces(StatusCodes.Status200OK, contentType: Documents.BulletinWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> DownloadAsync(long id, BulletinFileKind kind, HttpContext http, GetBulletinFile file, FileStore store)
    {
        var result = await file.HandleAsync(id, kind, http.RequestAborted);
        return result.Content is { } bytes
            ? Results.File(bytes, result.ContentType, result.FileName)
            : Results.Stream(store.OpenRead(result.Hash!), result.ContentType, result.FileName);
    }

    private static async Task<BulletinListModel> ListModelAsync(HttpContext http, ListBulletins list, CurrentUser current, Clock clock,
        BulletinCreateForm? form, string? error, string? notice)
    {
        var me = await current.GetAsync(http.RequestAborted);
        var today = ChinaTime.DateOf(clock.UtcNow);
        // 缺省为最近结束的一个季度。
        var quarter = (today.Month - 1) / 3;
        var (year, lastQuarter) = quarter == 0 ? (today.Year - 1, 4) : (today.Year, quarter);
        var roots = BulletinAccess.OfficeRoots(me);
        return new BulletinListModel
        {
            Items = await list.HandleAsync(null, http.RequestAborted),
            CanCreate = me.IsOffice,
            Tree = me.Tree,
            Managed = BulletinAccess.ManagedUnits(me),
            Form = form ?? new BulletinCreateForm
            {
                Kind = "quarterly",
                Year = year.ToString(CultureInfo.InvariantCulture),
                Quarter = lastQuarter.ToString(CultureInfo.InvariantCulture),
                RootUnitId = roots.Count > 0 ? roots[0].ToString(CultureInfo.InvariantCulture) : null,
            },
            Error = error,
            Notice = notice,
        };
    }

    private static int? Number(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw AppException.Invalid(field, "Form.NotANumber");
    }
}

/// <summary>通报列表页的内容。</summary>
public sealed class BulletinListModel : IPageModel<BulletinsPage>
{
    public IReadOnlyList<BulletinSummary> Items { get; init; } = [];
    public bool CanCreate { get; init; }
    public Herald.Domain.Organization.OrgTree Tree { get; init; } = default!;
    public IReadOnlySet<long> Managed { get; init; } = new HashSet<long>();
    public BulletinCreateForm Form { get; init; } = new();
    public string? Error { get; init; }
    public string? Notice { get; init; }
}
