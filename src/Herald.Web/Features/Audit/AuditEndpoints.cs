using Herald.Web.Features.Common.Tables;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Audit;

public sealed record AuditIntegrityPageModel(AuditIntegrity Result) : IPageModel<AuditIntegrityPage>;

public static class AuditEndpoints
{
    public static void MapAuditPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit", async ([AsParameters] AuditQuery query, HttpContext http, SearchAudit search) =>
            Pages.Render(new AuditPageModel
            {
                Query = query,
                Result = await search.HandleAsync(query, http.RequestAborted),
                Sort = SearchAudit.SortOf(query),
            }));
        pages.MapGet("/audit/export.xlsx", ExportAsync);
        pages.MapGet("/audit/integrity", async (HttpContext http, VerifyAuditChain verify) =>
            Pages.Render(new AuditIntegrityPageModel(await verify.HandleAsync(http.RequestAborted))));
    }

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<Ok<Common.PagedResult<AuditItem>>> ([AsParameters] AuditQuery query, HttpContext http, SearchAudit search) =>
                TypedResults.Ok(await search.HandleAsync(query, http.RequestAborted)))
            .WithSummary("审计日志（分页；审计管理员、安全管理员）")
            .WithDescription("user：人员（姓名的一部分或用户名）；userId；action：操作类型代码（如 signin.success）或一类（signin|org|manuscript|" +
                             "publishing|opinion|settings），其他值 400 Audit.UnknownAction；from/to：北京时间日期 yyyy-MM-dd（含当日）；" +
                             "sort：at（默认，倒序）|user|action，dir：asc|desc；page、pageSize（≤100）。actionName、userDisplayName、entityName、" +
                             "detailText 为中文的读法，action、entityType、detail 为存档原文。")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/audit/integrity", async Task<Ok<AuditIntegrity>> (HttpContext http, VerifyAuditChain verify) =>
                TypedResults.Ok(await verify.HandleAsync(http.RequestAborted)))
            .WithSummary("验证审计日志的哈希链（审计管理员、安全管理员）")
            .WithDescription("intact：链是否完好；checked：验证的条数；brokenAt：第一处断裂的记录编号，reason：content（内容被改）|link（与上一条接不上：" +
                             "删除或插入）|unsealed（哈希被清除），reasonText 为中文；headHash：链尾哈希。验证本身记入审计（audit.verify）。" +
                             "命令行：dotnet run --project src/Herald.Web -- verify-audit。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/audit/export.xlsx", ExportAsync)
            .WithSummary("导出审计日志（Excel）：与列表相同的筛选和排序，全部行")
            .WithDescription("参数同 GET /api/v1/audit（不分页）。边读边写（流式），超过 500000 行时 400 Export.TooManyRows。文件名如 审计日志-2026年12月7日.xlsx。")
            .Produces(StatusCodes.Status200OK, contentType: Infrastructure.Spreadsheets.XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>导出当前筛选和排序下的全部审计记录（网页与 API 共用）。</summary>
    private static async Task<IResult> ExportAsync([AsParameters] AuditQuery query, HttpContext http, SearchAudit search, Messages messages, Clock clock) =>
        ListExport.Xlsx(messages["Audit.Title"], clock.UtcNow, AuditExport.Columns(messages), await search.ExportAsync(query, http.RequestAborted));
}
