using Herald.Domain.Auditing;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Infrastructure.Audit;

/// <summary>哈希链的库内操作：升级时给旧记录补链（只做一次），以及按编号顺序流式验证整条链。</summary>
public static class AuditChainStore
{
    /// <summary>
    /// 链开始之前（升级前）写下的记录按编号补上哈希，并记下"链已开始"。之后再出现没有哈希的记录就是断裂，不再补——
    /// 否则改了内容再清掉哈希，下次启动就被重新"补"成完整的了。
    /// </summary>
    public static async Task SealLegacyAsync(HeraldDbContext db, CancellationToken ct = default)
    {
        if (await db.Settings.AnyAsync(s => s.Key == AppSetting.AuditChainStarted, ct)) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        string? previous = null;
        foreach (var entry in await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
        {
            if (entry.Hash is null)
            {
                entry.Seal(entry.Id, previous);
                await db.AuditEntries.Where(a => a.Id == entry.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.PreviousHash, entry.PreviousHash).SetProperty(a => a.Hash, entry.Hash), ct);
            }
            previous = entry.Hash;
        }
        db.Settings.Add(new AppSetting { Key = AppSetting.AuditChainStarted, Value = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>按编号升序读全部审计记录验证（不跟踪、流式），到第一处断裂为止。</summary>
    public static async Task<AuditChainResult> VerifyAsync(HeraldDbContext db, CancellationToken ct = default)
    {
        var verifier = new AuditChain.Verifier();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            if (!verifier.Add(entry)) break;
        return verifier.Result;
    }
}
