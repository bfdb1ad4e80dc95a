using Herald.Domain.Opinion;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Features.OpinionIntake;

public sealed record OpinionScreenshotDto(long Id, string FileName, string ContentType, long Size, int? Width, int? Height);

public sealed record OpinionGroupMember(long Id, string Title, string Platform, string? Source, DateTime ReceivedAt, bool IsFirst);

public sealed record OpinionItemDetail(long Id, OpinionIntakeKind Kind, string? Title, string DisplayTitle, string Content,
    string Platform, string? Source, string? Url, string? Author, DateTime? PublishedAt, DateTime ReceivedAt,
    string? Reporter, long? UnitId, string? Unit, string? Vendor, string? Feed, long? DuplicateOf, int DuplicateCount,
    int HitWeight, IReadOnlyList<OpinionHitDto> Hits, IReadOnlyList<OpinionScreenshotDto> Screenshots,
    IReadOnlyList<OpinionGroupMember> Group, int GroupSize);

/// <summary>一条舆情信息：原文与命中、截图、来源（上报人/厂商/订阅源）、所在的近似重复组。看不到的答 404。</summary>
public sealed class GetOpinionItem(HeraldDbContext db, OpinionAccess access)
{
    public const int GroupShown = 200;

    public async Task<OpinionItemDetail> HandleAsync(long id, CancellationToken ct = default)
    {
        var scope = await access.GetAsync(ct);
        var item = await OpinionAccess.VisibleTo(db.OpinionItems.AsNoTracking(), scope)
                       .Include(i => i.Hits).Include(i => i.Attachments)
                       .AsSplitQuery()
                       .FirstOrDefaultAsync(i => i.Id == id, ct)
                   ?? throw AppException.NotFound();
        var reporter = item.ReporterId is { } rid
            ? await db.Users.AsNoTracking().Where(u => u.Id == rid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var vendor = item.TokenId is { } tid
            ? await db.ApiTokens.AsNoTracking().Where(t => t.Id == tid).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var feed = item.FeedId is { } fid
            ? await db.OpinionFeeds.AsNoTracking().Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync(ct) : null;

        var head = item.DuplicateOfId ?? item.Id;
        var groupQuery = OpinionAccess.VisibleTo(db.OpinionItems.AsNoTracking(), scope).Where(i => i.Id == head || i.DuplicateOfId == head);
        var groupSize = await groupQuery.CountAsync(ct);
        var members = await groupQuery.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Take(GroupShown)
            .Select(i => new { i.Id, i.Title, Start = i.Content.Substring(0, 40), i.Platform, i.Source, i.ReceivedAt })
            .ToListAsync(ct);

        return new OpinionItemDetail(item.Id, item.Kind, item.Title, item.DisplayTitle, item.Content, item.Platform, item.Source, item.Url,
            item.Author, item.PublishedAt, item.ReceivedAt, reporter, item.ReporterUnitId,
            item.ReporterUnitId is { } u ? scope.Me.Tree.Find(u)?.Name : null, vendor, feed, item.DuplicateOfId, item.DuplicateCount,
            item.HitWeight, item.Hits.OrderBy(h => h.Field).ThenBy(h => h.Start).Select(h => h.ToDto()).ToList(),
            item.Attachments.OrderBy(a => a.SortOrder).Select(a => new OpinionScreenshotDto(a.Id, a.FileName, a.ContentType, a.Size, a.Width, a.Height)).ToList(),
            members.Select(m => new OpinionGroupMember(m.Id, m.Title ?? m.Start, m.Platform, m.Source, m.ReceivedAt, m.Id == head)).ToList(),
            groupSize);
    }
}
