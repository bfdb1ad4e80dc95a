namespace Herald.Web.Features.OpinionIntake.Feeds;

/// <summary>订阅源及其轮询状态。status：ok 正常，failing 最近一次失败，never 尚未轮询，disabled 已停用。lastError 为中文说明。</summary>
public sealed record FeedDto(long Id, string Name, string Url, string Platform, int IntervalMinutes, int TimeoutSeconds, int MaxKilobytes,
    bool Disabled, string Status, DateTime NextDueAt, DateTime? LastPolledAt, DateTime? LastSuccessAt, DateTime? LastErrorAt,
    string? LastError, int ConsecutiveFailures, int LastItemCount, int Revision);

/// <summary>新建或修改订阅源。间隔 5–1440 分钟（默认 30），超时 2–120 秒（默认 15），大小上限 16–10240 KB（默认 2048）。</summary>
public sealed class FeedRequest
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public string? Platform { get; set; }
    public int? IntervalMinutes { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? MaxKilobytes { get; set; }
    public int? Revision { get; set; }
}
