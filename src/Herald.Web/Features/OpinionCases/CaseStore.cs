using Herald.Domain.Opinion.Cases;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>一件舆情及操作它的人：按可见范围取出（看不到的 404），保存时把并发冲突转为 409。</summary>
public sealed record CaseContext(UserContext Me, CaseScope Scope, OpinionCase Case);

public sealed class CaseStore(HeraldDbContext db, CurrentUser current)
{
    public async Task<CaseContext> LoadAsync(long id, CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        var scope = CaseScope.Of(me);
        if (!scope.SeesAnything) throw AppException.NotFound();
        var c = await db.OpinionCases.Where(scope.Filter()).WithEverything().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw AppException.NotFound();
        return new CaseContext(me, scope, c);
    }

    /// <summary>表单或请求带来的修改序号与当前不同：别人（或重复点击的第一次）已经改过。</summary>
    public static void CheckRevision(OpinionCase c, int? expected)
    {
        if (expected is { } revision && revision != c.Revision) throw AppException.Conflict("OpinionCase.Stale");
    }

    public async Task SaveAsync(CancellationToken ct, Func<AppException>? duplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw AppException.Conflict("OpinionCase.Stale");
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw duplicate?.Invoke() ?? AppException.Conflict("OpinionCase.Stale");
        }
    }
}
