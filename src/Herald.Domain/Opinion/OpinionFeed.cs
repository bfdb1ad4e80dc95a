using Herald.Domain.Common;

namespace Herald.Domain.Opinion;

/// <summary>
/// 舆情订阅源（RSS 2.0 / Atom）。轮询状态也保存在这里（下次时间、最近成功、最近错误、连续失败次数、
/// ETag/Last-Modified），多个应用实例共用一个数据库时由数据库决定谁来轮询。
/// </summary>
public sealed class OpinionFeed
{
    public const int NameMaxLength = 64;
    public const int ErrorMaxLength = 500;
    public const int MinIntervalMinutes = 5;
    public const int MaxIntervalMinutes = 1440;
    public const int MinTimeoutSeconds = 2;
    public const int MaxTimeoutSeconds = 120;
    public const int MinMaxKilobytes = 16;
    public const int MaxMaxKilobytes = 10240;

    private OpinionFeed() { Name = ""; Url = ""; Platform = ""; }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public string Url { get; private set; }
    /// <summary>收录的信息记为哪个平台（如“新闻网站”）。</summary>
    public string Platform { get; private set; }
    public int IntervalMinutes { get; private set; }
    public int TimeoutSeconds { get; private set; }
    /// <summary>单次下载的大小上限（KB）。</summary>
    public int MaxKilobytes { get; private set; }
    public bool Disabled { get; private set; }
    public long CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public DateTime NextDueAt { get; private set; }
    public DateTime? LastPolledAt { get; private set; }
    public DateTime? LastSuccessAt { get; private set; }
    public DateTime? LastErrorAt { get; private set; }
    public string? LastError { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public int LastItemCount { get; private set; }
    public string? Etag { get; private set; }
    public string? LastModified { get; private set; }
    /// <summary>正在轮询的实例占用到此时刻（过时即视为放弃，可由别的实例接手）。</summary>
    public DateTime? LeaseUntil { get; private set; }
    public int Revision { get; private set; }

    public static OpinionFeed Create(string? name, string? url, string? platform, int intervalMinutes, int timeoutSeconds,
        int maxKilobytes, long actorId, DateTime nowUtc)
    {
        var feed = new OpinionFeed { CreatedById = actorId, CreatedAt = nowUtc, NextDueAt = nowUtc };
        feed.Update(name, url, platform, intervalMinutes, timeoutSeconds, maxKilobytes);
        return feed;
    }

    public void Update(string? name, string? url, string? platform, int intervalMinutes, int timeoutSeconds, int maxKilobytes)
    {
        Name = Guard.Required(name, "name", NameMaxLength);
        Url = WebAddress.Optional(url, "url") ?? throw new DomainValidationException("url", "Required");
        Platform = Guard.Required(platform, "platform", OpinionItem.PlatformMaxLength);
        IntervalMinutes = InRange(intervalMinutes, MinIntervalMinutes, MaxIntervalMinutes, "intervalMinutes");
        TimeoutSeconds = InRange(timeoutSeconds, MinTimeoutSeconds, MaxTimeoutSeconds, "timeoutSeconds");
        MaxKilobytes = InRange(maxKilobytes, MinMaxKilobytes, MaxMaxKilobytes, "maxKilobytes");
        Revision++;
    }

    public void SetDisabled(bool disabled, DateTime nowUtc)
    {
        Disabled = disabled;
        if (!disabled) NextDueAt = nowUtc;
        Revision++;
    }

    /// <summary>开始轮询时占用这么久（超时之后仍留余量），防止别的实例同时轮询同一个源；过时即可由别的实例接手。</summary>
    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(TimeoutSeconds * 2 + 30);

    /// <summary>马上轮询（“立即检查”按钮）。</summary>
    public void PollNow(DateTime nowUtc) => NextDueAt = nowUtc;

    /// <summary>轮询成功（包括 304 未变化）。</summary>
    public void Succeeded(DateTime nowUtc, int newItems, string? etag, string? lastModified)
    {
        LastPolledAt = nowUtc;
        LastSuccessAt = nowUtc;
        ConsecutiveFailures = 0;
        LastError = null;
        LastItemCount = newItems;
        Etag = Clip(etag, 200);
        LastModified = Clip(lastModified, 100);
        NextDueAt = nowUtc.AddMinutes(IntervalMinutes);
        LeaseUntil = null;
    }

    /// <summary>
    /// 轮询失败：记下原因；连续失败时间隔加倍（最多 8 倍，且不超过一天），免得反复请求一个坏掉的源。
    /// </summary>
    public void Failed(DateTime nowUtc, string error)
    {
        LastPolledAt = nowUtc;
        LastErrorAt = nowUtc;
        LastError = Clip(error, ErrorMaxLength);
        ConsecutiveFailures++;
        var factor = 1 << Math.Min(ConsecutiveFailures - 1, 3);
        NextDueAt = nowUtc.AddMinutes(Math.Min(IntervalMinutes * factor, MaxIntervalMinutes));
        LeaseUntil = null;
    }

    private static int InRange(int value, int min, int max, string field) =>
        value < min || value > max ? throw new DomainValidationException(field, "OutOfRange", min, max) : value;

    private static string? Clip(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
