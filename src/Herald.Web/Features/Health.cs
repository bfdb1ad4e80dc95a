using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features;

public static class Health
{
    /// <summary>
    /// 数据目录、文件库能建文件，数据库文件能写、能查询，才算健康；否则 503，checks 里写明哪一部分不行
    /// （ok、unwritable 不能写、unavailable 不能查询）。
    /// </summary>
    public static async Task<IResult> CheckAsync(HeraldDbContext db, StorageGuard storage, CancellationToken ct)
    {
        var checks = new Dictionary<string, HealthCheck>
        {
            ["dataDir"] = Writable(StorageGuard.CheckDirectory(storage.DataDir)),
            ["files"] = Writable(StorageGuard.CheckDirectory(storage.FilesDir)),
            ["database"] = Writable(storage.CheckDatabase()),
        };
        if (checks["database"].Status != "ok") return Answer(checks);
        try
        {
            await db.Settings.AsNoTracking().AnyAsync(ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            checks["database"] = new HealthCheck("unavailable", ex.Message);
        }
        return Answer(checks);
    }

    private static IResult Answer(Dictionary<string, HealthCheck> checks)
    {
        var failing = checks.Where(c => c.Value.Status != "ok").Select(c => c.Key).ToArray();
        return failing.Length == 0
            ? Results.Ok(new { status = "ok", checks })
            : Results.Json(new { status = "unavailable", failing, checks }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static HealthCheck Writable(string? problem) =>
        problem is null ? new HealthCheck("ok", null) : new HealthCheck("unwritable", problem);

    public sealed record HealthCheck(string Status, string? Detail);
}
