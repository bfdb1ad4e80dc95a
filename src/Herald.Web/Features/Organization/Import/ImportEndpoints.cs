using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Spreadsheets;
using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Organization.Import;

public static class ImportEndpoints
{
    public static void MapImportPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/org/import", async (HttpContext http, CurrentUser current) =>
        {
            await current.ManagerTreeAsync(http.RequestAborted);
            return Pages.Render<ImportPage>();
        });

        pages.MapGet("/org/import/template", async (HttpContext http, CurrentUser current, ImportTemplate template) =>
        {
            await current.ManagerTreeAsync(http.RequestAborted);
            return Results.File(template.Build(), XlsxWriter.ContentType, template.FileName);
        });

        pages.MapPost("/org/import", async (HttpContext http, RunImport import, Messages messages) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            try
            {
                var result = await import.HandleAsync(form.Files.GetFile("file"), http.RequestAborted);
                // 结果页上有初始口令：不跳转、不缓存。
                http.Response.Headers.CacheControl = "no-store";
                return (IResult)Pages.Render<ImportResultPage>(new { Result = result });
            }
            catch (ImportRejectedException ex)
            {
                return Pages.Render<ImportPage>(new { Errors = ex.Errors }, StatusCodes.Status400BadRequest);
            }
            catch (Exception ex) when (FormErrors.IsUserError(ex))
            {
                return Pages.Render<ImportPage>(new { Error = messages.DescribeWithField(ex) }, StatusCodes.Status400BadRequest);
            }
        });
    }
}
