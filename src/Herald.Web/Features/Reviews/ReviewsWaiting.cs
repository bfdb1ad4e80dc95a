using Herald.Web.Features.Common;
using Herald.Web.Infrastructure.Auth;

namespace Herald.Web.Features.Reviews;

/// <summary>待办来源：待我审核（kind review），与审核页同一查询；件数与 /reviews 列出的相同。</summary>
public sealed class ReviewsWaiting(GetReviewInbox inbox) : IWaitingWorkSource
{
    public async Task<IReadOnlyList<WaitingGroup>> ListAsync(UserContext me, int take, CancellationToken ct)
    {
        if (!me.CanReview) return [];
        var result = await inbox.HandleAsync(new ReviewInboxQuery(PageSize: take), ct);
        var items = result.Items.Take(take)
            .Select(m => new WaitingItem("review", m.Title, $"/manuscripts/{m.Id}", m.SubmittedAt ?? m.UpdatedAt, Unit: m.UnitName)).ToList();
        return [new WaitingGroup("review", result.Total, "/reviews", items)];
    }
}
