namespace Herald.Web.Features.Publishing;

/// <summary>配置节 "Herald:Publishing"。</summary>
public sealed class PublishingOptions
{
    public const string Section = "Herald:Publishing";

    /// <summary>用稿证明（截图或 PDF）的大小上限。</summary>
    public long MaxProofBytes { get; set; } = 10L * 1024 * 1024;
}
