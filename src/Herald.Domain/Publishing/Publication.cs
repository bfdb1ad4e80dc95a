namespace Herald.Domain.Publishing;

/// <summary>稿件在本单位自有平台上的一次发布：平台、链接、发布时间、编辑。</summary>
public sealed class Publication
{
    private Publication() { ChannelName = ""; }

    public long Id { get; private set; }
    public long ManuscriptId { get; private set; }
    public long ChannelId { get; private set; }
    /// <summary>发布时的平台名称（平台改名后记录不变）。</summary>
    public string ChannelName { get; private set; }
    public string? Url { get; private set; }
    public DateTime PublishedAt { get; private set; }
    public long EditorId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    internal static Publication Create(Channel channel, string? url, DateTime publishedAtUtc, long editorId, DateTime nowUtc) => new()
    {
        ChannelId = channel.Id,
        ChannelName = channel.Name,
        Url = url,
        PublishedAt = publishedAtUtc,
        EditorId = editorId,
        CreatedAt = nowUtc,
    };
}
