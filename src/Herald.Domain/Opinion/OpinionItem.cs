using Herald.Domain.Common;
using Herald.Domain.Submission;

namespace Herald.Domain.Opinion;

/// <summary>
/// 一条舆情信息（监测所得）：人工上报、厂商推送或订阅源轮询而来。近似重复的信息归入同一组，
/// <see cref="DuplicateOfId"/> 指向该组最早收到的那一条（组首），组首的 <see cref="DuplicateCount"/> 记录组内另有几条。
/// 关键词命中在收到时算好，与信息一起保存。
/// </summary>
public sealed class OpinionItem
{
    public const int SourceMaxLength = 64;
    public const int PlatformMaxLength = 32;
    public const int TitleMaxLength = 200;
    public const int ContentMaxLength = 20000;
    public const int AuthorMaxLength = 64;
    public const int ExternalIdMaxLength = 300;
    public const int MaxScreenshots = 9;

    private readonly List<OpinionItemHit> _hits = [];
    private readonly List<OpinionItemAttachment> _attachments = [];

    private OpinionItem() { Platform = ""; Content = ""; }

    public long Id { get; private set; }
    public OpinionIntakeKind Kind { get; private set; }
    /// <summary>来源：网站、账号或媒体名称。</summary>
    public string? Source { get; private set; }
    /// <summary>平台：微博、微信、抖音、新闻网站、论坛等。</summary>
    public string Platform { get; private set; }
    public string? Url { get; private set; }
    public string? Title { get; private set; }
    public string Content { get; private set; }
    public string? Author { get; private set; }
    /// <summary>原帖发布时间（UTC），来源未给出时为空。</summary>
    public DateTime? PublishedAt { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>人工上报的上报人。</summary>
    public long? ReporterId { get; private set; }
    /// <summary>上报人所在单位（单位只能看到本单位上报的信息）。</summary>
    public long? ReporterUnitId { get; private set; }
    /// <summary>厂商推送所用的令牌。</summary>
    public long? TokenId { get; private set; }
    public long? FeedId { get; private set; }
    /// <summary>订阅源条目的 guid/id（同一订阅源内唯一，避免每次轮询重复收录）。</summary>
    public string? ExternalId { get; private set; }
    /// <summary>上报页表单的一次性提交键（重复点击提交时不重复收录）。</summary>
    public string? SubmissionKey { get; private set; }
    /// <summary>近似重复时指向组首；本身是组首（或不重复）时为空。</summary>
    public long? DuplicateOfId { get; private set; }
    /// <summary>组首才有意义：组内另有几条近似重复的信息。</summary>
    public int DuplicateCount { get; private set; }
    public int HitCount { get; private set; }
    /// <summary>命中关键词的权重之和（研判参考）。</summary>
    public int HitWeight { get; private set; }

    public IReadOnlyList<OpinionItemHit> Hits => _hits;
    public IReadOnlyList<OpinionItemAttachment> Attachments => _attachments;

    /// <summary>列表中显示的标题：没有标题时取正文开头。</summary>
    public string DisplayTitle => Title ?? (Content.Length <= 40 ? Content : Content[..40] + "…");

    /// <summary>舆情信息员人工上报（可带截图）。</summary>
    public static OpinionItem Report(OpinionItemInput input, long reporterId, long? reporterUnitId,
        IReadOnlyList<StoredFileRef> screenshots, DateTime nowUtc, string? submissionKey = null)
    {
        ArgumentNullException.ThrowIfNull(screenshots);
        if (screenshots.Count > MaxScreenshots)
            throw new DomainValidationException("screenshots", "OpinionItem.TooManyScreenshots", MaxScreenshots);
        var item = Create(OpinionIntakeKind.Manual, input, nowUtc);
        item.ReporterId = reporterId;
        item.ReporterUnitId = reporterUnitId;
        item.SubmissionKey = Guard.Optional(submissionKey, "submissionKey", 64);
        for (var i = 0; i < screenshots.Count; i++)
            item._attachments.Add(OpinionItemAttachment.Create(screenshots[i], i));
        return item;
    }

    /// <summary>监测厂商推送。</summary>
    public static OpinionItem Push(OpinionItemInput input, long? tokenId, DateTime nowUtc)
    {
        var item = Create(OpinionIntakeKind.Api, input, nowUtc);
        item.TokenId = tokenId;
        return item;
    }

    /// <summary>订阅源轮询所得的一个条目。</summary>
    public static OpinionItem FromFeed(OpinionItemInput input, long feedId, string? externalId, DateTime nowUtc)
    {
        var item = Create(OpinionIntakeKind.Feed, input, nowUtc);
        item.FeedId = feedId;
        item.ExternalId = Guard.Optional(externalId, "externalId", ExternalIdMaxLength);
        return item;
    }

    /// <summary>写入命中（收到时由当前词表算出）。</summary>
    public void SetHits(IEnumerable<OpinionItemHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        _hits.Clear();
        _hits.AddRange(hits);
        HitCount = _hits.Count;
        HitWeight = _hits.Sum(h => h.Weight);
    }

    /// <summary>归入 <paramref name="groupFirstId"/> 为组首的近似重复组。</summary>
    public void MarkDuplicateOf(long groupFirstId)
    {
        if (groupFirstId == Id && Id != 0) throw new DomainException("OpinionItem.SelfDuplicate");
        DuplicateOfId = groupFirstId;
    }

    /// <summary>组首：又有一条信息归入本组。</summary>
    public void CountDuplicate() => DuplicateCount++;

    private static OpinionItem Create(OpinionIntakeKind kind, OpinionItemInput input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(input);
        var title = Guard.Optional(input.Title, "title", TitleMaxLength);
        var content = input.Content?.Trim() ?? "";
        if (content.Length > ContentMaxLength)
            throw new DomainValidationException("content", "TooLong", ContentMaxLength);
        if (title is null && content.Length == 0)
            throw new DomainValidationException("content", "OpinionItem.TitleOrContentRequired");
        return new OpinionItem
        {
            Kind = kind,
            Source = Guard.Optional(input.Source, "source", SourceMaxLength),
            Platform = Guard.Required(input.Platform, "platform", PlatformMaxLength),
            Url = WebAddress.Optional(input.Url, "url"),
            Title = title,
            Content = content,
            Author = Guard.Optional(input.Author, "author", AuthorMaxLength),
            PublishedAt = input.PublishedAt,
            ReceivedAt = nowUtc,
        };
    }
}
