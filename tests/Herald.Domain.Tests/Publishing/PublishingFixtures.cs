using Herald.Domain.Publishing;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Publishing;

/// <summary>Channels, outlets and proofs for the publishing tests. Ids are normally assigned by the database, so they are set here.</summary>
internal static class PublishingFixtures
{
    public const long Office = TestOrg.PublicityOffice;

    public static T WithId<T>(this T entity, long id) where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }

    public static Channel Channel(long id = 1, string name = "幸福示例街道", bool disabled = false)
    {
        var channel = Herald.Domain.Publishing.Channel.Create(TestOrg.Street, name, ChannelType.WeChat, null, "周敏", "05376210001", null, TestClock.Now)
            .WithId(id);
        if (disabled) channel.Disable();
        return channel;
    }

    public static Outlet Outlet(long id = 1, string name = "大众日报", MediaLevel level = MediaLevel.Provincial,
        OutletType type = OutletType.Newspaper, bool disabled = false)
    {
        var outlet = Herald.Domain.Publishing.Outlet.Create(name, level, type, TestClock.Now).WithId(id);
        if (disabled) outlet.Disable();
        return outlet;
    }

    public static ProofFile Proof() => new(new string('b', 64), "版面.png", "image/png", 2048);
}
