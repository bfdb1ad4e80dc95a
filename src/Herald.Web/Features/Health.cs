using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features;

public static class Health
{
    /// <summary>能查询数据库即健康。</summary>
    public static async Task<IResult> CheckAsync(HeraldDbContext db, CancellationToken ct)
    {
        try
        {
            await db.Settings.AsNoTracking().AnyAsync(ct);
            return Results.Ok(new { status = "ok" });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return Results.Json(new { status = "unavailable", error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
