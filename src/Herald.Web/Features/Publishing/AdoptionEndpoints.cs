using Herald.Web.Features.Common;
using Herald.Web.Features.Common.Batches;
using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Files;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Publishing;

/// <summary>用稿登记页的数据。DecideUnits：当前用户作为宣传办可以核实的单位。</summary>
public sealed record AdoptionsPageModel(PagedResult<AdoptionDto> Result, AdoptionQuery Query, string StatusChoice, IReadOnlyList<OutletDto> Outlets,
    bool IsOffice, IReadOnlySet<long> DecideUnits, string? Notice, TableSort Sort, Domain.Organization.OrgTree Tree) : IPageModel<AdoptionsPage>;

/// <summary>用稿与批示的登记、申报、核实、不予认定；用稿登记列表；用稿证明下载（范围同稿件）。</summary>
public static class AdoptionEndpoints
{
    public static void MapAdoptionPages(this RouteGroupBuilder pages)
    {
        // 筛选表单选"全部"媒体时提交 outletId=（空值）：按不筛选处理，而不是因为绑定不了 long? 回答 400。
        pages.MapGet("/adoptions", async (string? status, string? outletId, string? kind, string? from, string? to, int? page, int? pageSize,
            string? sort, string? dir, string? unitId, string? q, string? level, string? notice,
            HttpContext http, ListAdoptions list, ListOutlets outlets, CurrentUser current) =>
        {
            var query = new AdoptionQuery(status, Wire.OptionalId(outletId, "outletId"), kind, from, to, page ?? 1, pageSize ?? 20, sort, dir,
                Wire.OptionalId(unitId, "unitId"), q, level);
            var me = await current.GetAsync(http.RequestAborted);
            var office = PublishingAccess.CanManage(me);
            var choice = StatusChoice(query, office);
            var result = await list.HandleAsync(query with { Status = choice }, http.RequestAborted);
            var model = new AdoptionsPageModel(result, query, choice, await outlets.HandleAsync(new OutletQuery(), http.RequestAborted), office,
                PublishingAccess.OfficeUnits(me), notice, ListAdoptions.SortOf(query), me.Tree);
            return Pages.Render(model);
        });

        pages.MapGet("/adoptions/export.xlsx", async ([AsParameters] AdoptionQuery query, HttpContext http, ListAdoptions list, CurrentUser current,
            Messages messages, Clock clock) =>
        {
            var me = await current.GetAsync(http.RequestAborted);
            return await ExportAsync(query with { Status = StatusChoice(query, PublishingAccess.CanManage(me)) }, http, list, messages, clock);
        });

        // 勾选的几条申报一次核实：逐条检查（待核实、所辖单位、未被别人同时处理），结果逐条列出。
        pages.MapPost("/adoptions/verify-batch", async (HttpContext http, Batch batch, Messages messages) =>
        {
            var values = await FormPost.ValuesAsync(http);
            var results = await VerifyBatchAsync(batch, await Batch.FormIdsAsync(http), http.RequestAborted);
            return Pages.Render(new BatchResultModel(messages["Adoptions.VerifyBatchTitle"], results, code => messages["Batch.Status." + code],
                Pages.SafeLocal(FormPost.Get(values, "returnUrl"), "/adoptions")));
        });

        pages.MapPost("/manuscripts/{id:long}/adoptions", (long id, HttpContext http, RecordAdoption record, ManuscriptDetailPages detail, ProofStaging staging) =>
            RecordAsync(id, "adoption", http, detail, staging, input => record.OutletAsync(id, input, http.RequestAborted)));

        pages.MapPost("/manuscripts/{id:long}/instructions", (long id, HttpContext http, RecordAdoption record, ManuscriptDetailPages detail, ProofStaging staging) =>
            RecordAsync(id, "instruction", http, detail, staging, input => record.InstructionAsync(id, input, http.RequestAborted)));

        pages.MapPost("/adoptions/{id:long}/verify", (long id, HttpContext http, DecideAdoption decide, ManuscriptDetailPages detail) =>
            DecideAsync(id, "adoption-verified", http, decide, detail, _ => decide.VerifyAsync(id, http.RequestAborted)));

        pages.MapPost("/adoptions/{id:long}/refuse", (long id, HttpContext http, DecideAdoption decide, ManuscriptDetailPages detail) =>
            DecideAsync(id, "adoption-refused", http, decide, detail,
                values => decide.RefuseAsync(id, FormPost.Get(values, "reason"), http.RequestAborted)));

        pages.MapGet("/adoptions/{id:long}/proof", (long id, HttpContext http, ListAdoptions list, FileStore files) =>
            ProofAsync(id, http, list, files));
    }

    public static void MapAdoptionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/manuscripts/{id:long}/adoptions", async Task<Created<AdoptionDto>> (long id, HttpContext http, RecordAdoption record) =>
            {
                var adoption = await record.OutletAsync(id, await AdoptionInput.ReadAsync(http.Request, http.RequestAborted), http.RequestAborted);
                return TypedResults.Created($"/api/v1/adoptions?status={Wire.Code(adoption.Status)}", adoption);
            })
            .Accepts<AdoptionRequest>("application/json", "multipart/form-data")
            .WithSummary("登记或申报用稿（媒体、政务信息）")
            .WithDescription("JSON {\"outletId\":n,\"adoptedOn\":\"2026-11-20\",\"column\":\"版面/栏目\",\"url\":\"https://…\",\"frontPage\":false}，" +
                             "或 multipart/form-data（字段相同，另可带 proof：JPEG/PNG 截图或 PDF，按内容判断类型）。宣传办登记的即为已核实（status=verified）；" +
                             "作者或稿件单位的信息员、单位负责人申报的待核实（pending），并通知宣传办。只有已审定的稿件可以登记；同一媒体对同一稿件只能登记一次（409）。" +
                             "用稿日期不能晚于今天，也不能早于报送日期。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/manuscripts/{id:long}/instructions", async Task<Created<AdoptionDto>> (long id, HttpContext http, RecordAdoption record) =>
            {
                var adoption = await record.InstructionAsync(id, await AdoptionInput.ReadAsync(http.Request, http.RequestAborted), http.RequestAborted);
                return TypedResults.Created($"/api/v1/adoptions?kind=instruction", adoption);
            })
            .Accepts<InstructionRequest>("application/json", "multipart/form-data")
            .WithSummary("登记或申报领导批示")
            .WithDescription("JSON {\"leader\":\"姓名 职务\",\"level\":\"central|provincial|municipal|county|internal\",\"instructedOn\":\"2026-11-20\",\"url\":\"https://…\"}，" +
                             "或 multipart/form-data（另可带 proof）。核实规则与用稿相同；同一领导同一天对同一稿件的批示只登记一次（409）。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/adoptions/{id:long}/verify", async Task<Ok<AdoptionDto>> (long id, HttpContext http, DecideAdoption decide) =>
                TypedResults.Ok(await decide.VerifyAsync(id, http.RequestAborted)))
            .WithSummary("核实申报的用稿（宣传办）")
            .WithDescription("只有待核实的可以核实；已核实或已不予认定的再核实得到 409，不作任何改变。申报人收到通知。")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapPost("/adoptions/{id:long}/refuse", async Task<Ok<AdoptionDto>> (long id, ReasonRequest request, HttpContext http, DecideAdoption decide) =>
                TypedResults.Ok(await decide.RefuseAsync(id, request.Reason, http.RequestAborted)))
            .WithSummary("不予认定（或撤销已核实的）用稿（宣传办）")
            .WithDescription("{\"reason\":\"…\"}，理由必填。已不予认定的再操作得到 409。申报人收到通知。")
            .ProducesCommandProblems();

        api.MapGet("/adoptions", async Task<Ok<PagedResult<AdoptionDto>>> ([AsParameters] AdoptionQuery query, HttpContext http, ListAdoptions list) =>
                TypedResults.Ok(await list.HandleAsync(query, http.RequestAborted)))
            .WithSummary("用稿登记列表（分页；只含调用者可见稿件的登记）")
            .WithDescription("status：pending|verified|refused（空或 all 为全部）；kind：outlet|instruction；outletId；from/to：用稿日期 yyyy-MM-dd；page、pageSize（≤100）。按申报时间倒序。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/adoptions/export.xlsx", (([AsParameters] AdoptionQuery query, HttpContext http, ListAdoptions list, Messages messages, Clock clock) =>
                ExportAsync(query, http, list, messages, clock)))
            .WithSummary("导出用稿登记（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/adoptions（不分页）；只含调用者可见稿件的登记。流式写出，超过 500000 行 400 Export.TooManyRows。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/adoptions/verify-batch", async Task<Ok<IReadOnlyList<BatchItemResult>>> (BatchRequest request, HttpContext http, Batch batch) =>
                TypedResults.Ok(await VerifyBatchAsync(batch, request.Ids, http.RequestAborted)))
            .WithSummary("批量核实申报的用稿（宣传办）")
            .WithDescription("{\"ids\":[…]}（1–100 个）。逐条核实，每条照常检查：待核实、在所辖单位、未被同时处理。结果逐条列出：" +
                             "[{\"id\":n,\"status\":\"verified\",\"title\":\"稿件标题\"} 或 {\"id\":n,\"error\":\"中文说明\",\"code\":\"Adoption.NotPending\"}]；" +
                             "看不到的为 NotFound，不透露是否存在。重复提交无害：已核实的报 409 的代码，不会再核实一次。")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/adoptions/{id:long}/proof", (long id, HttpContext http, ListAdoptions list, FileStore files) => ProofAsync(id, http, list, files))
            .WithSummary("下载用稿证明（范围同稿件，看不到的 404）")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>宣传办打开时先看待核实的；选"全部"传 status=all。</summary>
    private static string StatusChoice(AdoptionQuery query, bool office) =>
        string.IsNullOrWhiteSpace(query.Status) ? (office ? "pending" : "all") : query.Status.Trim().ToLowerInvariant();

    private static async Task<IResult> ExportAsync(AdoptionQuery query, HttpContext http, ListAdoptions list, Messages messages, Clock clock) =>
        ListExport.Xlsx(messages["Export.Adoptions"], clock.UtcNow, AdoptionExport.Columns(messages), await list.ExportAsync(query, http.RequestAborted));

    private static Task<IReadOnlyList<BatchItemResult>> VerifyBatchAsync(Batch batch, IReadOnlyList<long>? ids, CancellationToken ct) =>
        batch.RunAsync<DecideAdoption>(ids, async (decide, id, token) =>
        {
            var adoption = await decide.VerifyAsync(id, token);
            return (Wire.Code(adoption.Status), adoption.ManuscriptTitle);
        }, ct);

    private static async Task<IResult> ProofAsync(long id, HttpContext http, ListAdoptions list, FileStore files)
    {
        var (hash, fileName, contentType) = await list.ProofAsync(id, http.RequestAborted);
        return Results.Stream(files.OpenRead(hash), contentType, fileName);
    }

    /// <summary>网页登记：出错时表单展开、填回所填的值，已选的证明暂存起来（<see cref="ProofStaging"/>）。</summary>
    private static async Task<IResult> RecordAsync(long id, string form, HttpContext http, ManuscriptDetailPages detail, ProofStaging staging,
        Func<AdoptionInput, Task<AdoptionDto>> record)
    {
        var values = await FormPost.ValuesAsync(http);
        AdoptionInput? input = null;
        return await FormPost.RunAsync(http, async () =>
            {
                input = await AdoptionInput.ReadAsync(http.Request, http.RequestAborted);
                await staging.RestoreAsync(input, http.RequestAborted);
                var adoption = await record(input);
                var notice = adoption.Status == Domain.Publishing.AdoptionStatus.Verified ? "adoption-recorded" : "adoption-claimed";
                return FormPost.ReturnTo(values, $"/manuscripts/{id}#adoptions", notice);
            },
            async failure =>
            {
                if (input is not null) await staging.KeepAsync(input, values, http.RequestAborted);
                return await EditorialEndpoints.ShowErrorAsync(http, detail, id, form, failure, values);
            });
    }

    private static async Task<IResult> DecideAsync(long id, string notice, HttpContext http, DecideAdoption decide, ManuscriptDetailPages detail,
        Func<IReadOnlyDictionary<string, string?>, Task<AdoptionDto>> action)
    {
        var values = await FormPost.ValuesAsync(http);
        return await FormPost.RunAsync(http, async () =>
            {
                var adoption = await action(values);
                return FormPost.ReturnTo(values, $"/manuscripts/{adoption.ManuscriptId}#adoptions", notice);
            },
            async failure => await EditorialEndpoints.ShowErrorAsync(http, detail, await decide.ManuscriptOfAsync(id, http.RequestAborted),
                "decide-" + id, failure, values));
    }
}
