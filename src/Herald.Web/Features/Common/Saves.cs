using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Common;

/// <summary>保存时的并发情形：重复点击或两人同时操作，后到的一方得到 409 和明确的说明，数据库里不会多出一份。</summary>
public static class Saves
{
    /// <summary>保存；唯一约束冲突转为 duplicate，并发修改（稿件 revision 已变）转为 stale。</summary>
    public static async Task SaveAsync(this HeraldDbContext db, Func<AppException> duplicate, Func<AppException> stale, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw stale();
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw duplicate();
        }
    }

    /// <summary>新对象先保存取得编号，再把引用该编号的审计记录保存；两次在同一事务中。</summary>
    public static async Task SaveNewAsync(this HeraldDbContext db, Action withId, Func<AppException> duplicate, Func<AppException> stale,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveAsync(duplicate, stale, ct);
        withId();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
