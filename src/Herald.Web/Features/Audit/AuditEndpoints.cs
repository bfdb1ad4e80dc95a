using Herald.Web.Infrastructure.Web;

namespace Herald.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/audit", async ([AsParameters] AuditQuery query, HttpContext http, SearchAudit search) =>
            Pages.Render<AuditPage>(new { Query = query, Result = await search.HandleAsync(query, http.RequestAborted) }));
    }
}
