using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionCases;

/// <summary>重新打开已办结的舆情（宣传办，须说明理由）。所涉信息若已进入另一件未办结的舆情，不能重新打开（409）。</summary>
public sealed class ReopenCase(HeraldDbContext db, CaseStore store, AuditLog audit, Clock clock, GetCase views)
{
    public async Task<CaseDetail> HandleAsync(long id, ReopenRequest request, CancellationToken ct = default)
    {
        var (me, scope, c) = await store.LoadAsync(id, ct);
        me.Require(scope.Manages(c));
        CaseStore.CheckRevision(c, request.Revision);
        var itemIds = c.Items.Select(i => i.ItemId).ToArray();
        var taken = await db.OpinionCaseItems.AsNoTracking()
            .Where(i => i.Active && i.CaseId != c.Id && itemIds.Contains(i.ItemId)).Select(i => (long?)i.ItemId).FirstOrDefaultAsync(ct);
        c.Reopen(request.Reason, me.Id, clock.UtcNow);
        if (taken is { } item) throw AppException.Conflict("OpinionCase.ItemTaken", item);
        audit.Add("opinion_case.reopen", "OpinionCase", c.Id);
        await store.SaveAsync(ct, () => AppException.Conflict("OpinionCase.ItemTaken", itemIds[0]));
        return await views.ViewAsync(me, scope, c, ct);
    }
}
