using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Audit;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Localization;
using Herald.Web.Infrastructure.Time;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>订阅源的维护（宣传办）：列出（含轮询状态）、新建、修改、停用/启用、立即检查。</summary>
public sealed class ManageFeeds(HeraldDbContext db, CurrentUser current, AuditLog audit, Clock clock, Messages messages)
{
    public const int DefaultInterval = 30;
    public const int DefaultTimeout = 15;
    public const int DefaultMaxKilobytes = 2048;

    public async Task<IReadOnlyList<FeedDto>> ListAsync(CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        var feeds = await db.OpinionFeeds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        return feeds.Select(ToDto).ToList();
    }

    public async Task<FeedDto> SaveAsync(long? id, FeedRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = await RequireOfficeAsync(ct);
        var now = clock.UtcNow;
        OpinionFeed feed;
        if (id is null)
        {
            feed = OpinionFeed.Create(request.Name, request.Url, request.Platform, request.IntervalMinutes ?? DefaultInterval,
                request.TimeoutSeconds ?? DefaultTimeout, request.MaxKilobytes ?? DefaultMaxKilobytes, me.Id, now);
        }
        else
        {
            feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppException.NotFound();
            if (request.Revision is { } r && r != feed.Revision) throw AppException.Conflict("Feed.Stale");
            feed.Update(request.Name, request.Url, request.Platform, request.IntervalMinutes ?? feed.IntervalMinutes,
                request.TimeoutSeconds ?? feed.TimeoutSeconds, request.MaxKilobytes ?? feed.MaxKilobytes);
        }
        if (await db.OpinionFeeds.AnyAsync(f => f.Name == feed.Name && f.Id != feed.Id, ct))
            throw AppException.Invalid("name", "Feed.DuplicateName", feed.Name);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (id is null) db.OpinionFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        audit.Add(id is null ? "feed.create" : "feed.update", "OpinionFeed", feed.Id, $"{feed.Name} {feed.Url}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToDto(feed);
    }

    public async Task<FeedDto> SetDisabledAsync(long id, bool disabled, CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        var feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppException.NotFound();
        feed.SetDisabled(disabled, clock.UtcNow);
        audit.Add(disabled ? "feed.disable" : "feed.enable", "OpinionFeed", feed.Id, feed.Name);
        await db.SaveChangesAsync(ct);
        return ToDto(feed);
    }

    /// <summary>下一轮（最迟半分钟）就检查这个源。</summary>
    public async Task PollNowAsync(long id, CancellationToken ct = default)
    {
        await RequireOfficeAsync(ct);
        var feed = await db.OpinionFeeds.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw AppException.NotFound();
        if (feed.Disabled) throw AppException.Conflict("Feed.Disabled");
        feed.PollNow(clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    private FeedDto ToDto(OpinionFeed f) => new(f.Id, f.Name, f.Url, f.Platform, f.IntervalMinutes, f.TimeoutSeconds, f.MaxKilobytes,
        f.Disabled, StatusOf(f), f.NextDueAt, f.LastPolledAt, f.LastSuccessAt, f.LastErrorAt, FeedErrors.Describe(messages, f.LastError),
        f.ConsecutiveFailures, f.LastItemCount, f.Revision);

    private static string StatusOf(OpinionFeed f) =>
        f.Disabled ? "disabled" : f.LastPolledAt is null ? "never" : f.ConsecutiveFailures > 0 ? "failing" : "ok";

    private async Task<UserContext> RequireOfficeAsync(CancellationToken ct)
    {
        var me = await current.GetAsync(ct);
        me.Require(me.IsOffice);
        return me;
    }
}
