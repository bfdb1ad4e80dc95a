using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Web.Features.Organization.Import;

public static class ImportEndpoints
{
    public static void MapImportPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/import", async (HttpContext http, CurrentUser current) =>
        {
            await current.ManagerTreeAsync(http.RequestAborted);
            return Pages.Render(new ImportPageModel());
        });

        pages.MapGet("/org/import/template", TemplateAsync);

        pages.MapPost("/org/import", async (HttpContext http, RunImport import, Messages messages) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            try
            {
                var result = await import.HandleAsync(form.Files.GetFile("file"), http.RequestAborted);
                // 结果页上有初始口令：不跳转、不缓存。
                http.Response.Headers.CacheControl = "no-store";
                return (IResult)Pages.Render(new ImportResultPageModel { Result = result });
            }
            catch (ImportRejectedException ex)
            {
                return Pages.Render(new ImportPageModel { Errors = ex.Errors }, StatusCodes.Status400BadRequest);
            }
            catch (Exception ex) when (FormErrors.IsUserError(ex))
            {
                return Pages.Render(new ImportPageModel { Error = messages.DescribeWithField(ex) }, StatusCodes.Status400BadRequest);
            }
        });
    }

    public static void MapImportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/org/import/template", TemplateAsync)
            .WithSummary("下载导入模板（.xlsx：说明页、“单位”“账号”两张表）")
            .WithDescription("只有系统管理员、安全管理员可以调用（否则 403）。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxWriter.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/org/import", async Task<Results<Ok<ImportResult>, ProblemHttpResult>> (HttpContext http, RunImport import, ProblemWriter problems,
                Messages messages) =>
            {
                var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file") : null;
                try
                {
                    var result = await import.HandleAsync(file, http.RequestAborted);
                    http.Response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(result);
                }
                catch (ImportRejectedException ex)
                {
                    var problem = problems.Create(http, ProblemKind.Validation, "Import.Rejected", null, ex.Errors.Count);
                    problem.Extensions["rows"] = ex.Errors.Select(e => new
                    {
                        sheet = e.Sheet, row = e.Row, column = e.Column, code = e.Code, message = messages.Error(e.Code, e.Args),
                    }).ToList();
                    return TypedResults.Problem(problem);
                }
            })
            .Accepts<ImportUpload>("multipart/form-data")
            .WithSummary("批量导入单位与账号（上传填好的模板）")
            .WithDescription("multipart 字段 file 为 .xlsx。逐行校验，全部无误才在一个事务里导入；有错时 400 Import.Rejected，rows 列出每处错误" +
                             "（sheet 工作表、row 行号、column 列号、code、message 中文说明），什么都不导入。成功时返回新单位的路径和新账号（password 为只出现这一次的初始口令，" +
                             "首次登录必须修改）。只有系统管理员、安全管理员可以调用。")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> TemplateAsync(HttpContext http, ImportTemplate template) =>
        Results.File(await template.HandleAsync(http.RequestAborted), XlsxWriter.ContentType, template.FileName);
}

/// <summary>仅用于 OpenAPI 文档：导入的 multipart 字段。</summary>
public sealed class ImportUpload
{
    public IFormFile? File { get; set; }
}
