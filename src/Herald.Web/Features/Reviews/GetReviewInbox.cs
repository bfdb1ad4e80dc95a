using Herald.Web.Features.Manuscripts;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Reviews;

/// <summary>待我审核：紧急稿件在前，其余按报送先后（先报先审）。附各审核级别的数量。</summary>
public sealed class GetReviewInbox(HeraldDbContext db, CurrentUser current)
{
    public const int Limit = 200;

    public async Task<ReviewInbox> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var awaiting = db.Manuscripts.AsNoTracking().AwaitingReviewBy(me);
        var counts = await awaiting.GroupBy(m => m.CurrentStepRole)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var items = await awaiting.ToRows(db)
            .InReviewOrder()
            .Take(Limit)
            .ToItemsAsync(me.Tree, ct);
        var byRole = counts.Where(c => c.Role is not null).ToDictionary(c => c.Role!.Value, c => c.Count);
        return new ReviewInbox(items, byRole, byRole.Values.Sum());
    }
}
