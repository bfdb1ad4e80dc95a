using Herald.Domain.Common;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Domain.Submission;
using Herald.Web.Features.Manuscripts;
using Herald.Web.Features.Notifications;
using Herald.Web.Features.Publishing;
using Herald.Web.Features.Reviews;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.Home;

public sealed record MyCounts(int Drafts, int Returned, int InReview, int ApprovedThisMonth, int LateThisMonth);

public sealed record Dashboard(
    string DisplayName,
    MyCounts? Mine,
    int? InboxCount,
    int? PoolCount,
    int? PoolThisMonth,
    IReadOnlyList<ManuscriptListItem> NeedsAction,
    IReadOnlyList<ManuscriptListItem> Recent,
    IReadOnlyList<NotificationDto> Notifications);

/// <summary>首页：我要处理的事（待我审核、退回待改、草稿）和本月数字；"待我审核"的数字与列表用同一查询。</summary>
public sealed class GetDashboard(HeraldDbContext db, CurrentUser current, NotificationCenter notifications, Clock clock)
{
    /// <summary>首页列出的待审稿件上限；更多的在审核页。</summary>
    public const int ReviewRows = 10;

    public async Task<Dashboard> HandleAsync(CancellationToken ct = default)
    {
        var me = await current.GetAsync(ct);
        var today = ChinaTime.DateOf(clock.UtcNow);
        var monthStart = ChinaTime.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1));

        MyCounts? mine = null;
        IReadOnlyList<ManuscriptListItem> needsAction = [];
        IReadOnlyList<ManuscriptListItem> recent = [];
        if (me.SubmitUnits.Count > 0)
        {
            var own = db.Manuscripts.AsNoTracking().Where(m => m.AuthorId == me.Id);
            var byStatus = await own.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            int Count(ManuscriptStatus s) => byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
            mine = new MyCounts(
                Count(ManuscriptStatus.Draft),
                Count(ManuscriptStatus.Returned),
                Count(ManuscriptStatus.InReview),
                await own.CountAsync(m => m.Status == ManuscriptStatus.Approved && m.ApprovedAt >= monthStart, ct),
                await own.CountAsync(m => m.IsLate && m.SubmittedAt >= monthStart, ct));
            needsAction = await own.Where(m => m.Status == ManuscriptStatus.Returned || m.Status == ManuscriptStatus.Draft)
                .ToRows(db).OrderByDescending(m => m.UpdatedAt).Take(5).ToItemsAsync(me.Tree, ct);
            recent = await own.Where(m => m.Status != ManuscriptStatus.Draft)
                .ToRows(db).OrderByDescending(m => m.UpdatedAt).Take(5).ToItemsAsync(me.Tree, ct);
        }

        int? inbox = null;
        if (me.CanReview)
        {
            var awaiting = db.Manuscripts.AsNoTracking().AwaitingReviewBy(me);
            inbox = await awaiting.CountAsync(ct);
            var reviews = await awaiting.ToRows(db).InReviewOrder().Take(ReviewRows).ToItemsAsync(me.Tree, ct);
            needsAction = [.. reviews, .. needsAction];
        }
        int? pool = null, poolMonth = null;
        if (me.HasAny(Role.Office, Role.Principal, Role.Viewer))
        {
            var approved = GetPool.InPool(db.Manuscripts.AsNoTracking(), me);
            pool = await approved.CountAsync(m => m.Editorial == EditorialStatus.Pending, ct);
            poolMonth = await approved.CountAsync(m => m.ApprovedAt >= monthStart, ct);
        }
        return new Dashboard(me.DisplayName, mine, inbox, pool, poolMonth, needsAction, recent,
            await notifications.ListAsync(unreadOnly: true, take: 5, ct));
    }
}
