namespace Herald.Web.Features.OpinionIntake;

/// <summary>配置节 "Herald:Opinion"。</summary>
public sealed class OpinionIntakeOptions
{
    public const string Section = "Herald:Opinion";

    /// <summary>3-gram Jaccard 不低于此值即为近似重复（DESIGN §3.6）。</summary>
    public double DuplicateThreshold { get; set; } = 0.8;

    /// <summary>只与最近这些天收到的信息查重（候选索引只保留这段时间）。</summary>
    public int DuplicateWindowDays { get; set; } = 30;

    /// <summary>待并入队列攒到这么多条就并入近似重复索引（一次并入改动的索引页数几乎与条数无关，攒得越多越省）。</summary>
    public int BandMergeItems { get; set; } = 10_000;

    /// <summary>队列里有信息时，最多隔这么久也要并入一次（秒）。</summary>
    public int BandMergeSeconds { get; set; } = 10;

    /// <summary>一次推送最多几条。</summary>
    public int MaxBatchItems { get; set; } = 500;

    /// <summary>一次推送的请求体上限（字节）。</summary>
    public long MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>厂商令牌的默认有效期（天）。</summary>
    public int IntakeTokenDays { get; set; } = 365;

    /// <summary>是否在后台轮询订阅源（测试中关闭，由测试自己触发）。</summary>
    public bool PollFeeds { get; set; } = true;

    /// <summary>多久检查一次有没有到期的订阅源。</summary>
    public int FeedTickSeconds { get; set; } = 30;
}
