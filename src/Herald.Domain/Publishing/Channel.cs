using Herald.Domain.Common;

namespace Herald.Domain.Publishing;

/// <summary>单位自有发布平台（网站、公众号、微博、视频号、学习强国号、LED 屏、宣传栏、内部简报），有明确的负责人。</summary>
public sealed class Channel
{
    public const int NameMaxLength = 64;

    private Channel() { Name = ""; ResponsibleName = ""; }

    public long Id { get; private set; }
    public long UnitId { get; private set; }
    public string Name { get; private set; }
    public ChannelType Type { get; private set; }
    public string? Url { get; private set; }
    public string ResponsibleName { get; private set; }
    public string? ResponsiblePhone { get; private set; }
    public long? ResponsibleUserId { get; private set; }
    public bool Disabled { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Channel Create(long unitId, string name, ChannelType type, string? url, string responsibleName,
        string? responsiblePhone, long? responsibleUserId, DateTime nowUtc)
    {
        var channel = new Channel { UnitId = unitId, CreatedAt = nowUtc };
        channel.Update(name, type, url, responsibleName, responsiblePhone, responsibleUserId);
        return channel;
    }

    public void Update(string name, ChannelType type, string? url, string responsibleName, string? responsiblePhone, long? responsibleUserId)
    {
        Name = Guard.Line(name, nameof(Name), NameMaxLength);
        Type = type;
        Url = WebAddress.Optional(url, nameof(Url));
        ResponsibleName = Guard.Line(responsibleName, nameof(ResponsibleName), 32);
        ResponsiblePhone = Guard.OptionalLine(responsiblePhone, nameof(ResponsiblePhone), 32);
        ResponsibleUserId = responsibleUserId;
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
