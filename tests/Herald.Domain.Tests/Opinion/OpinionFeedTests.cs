using Herald.Domain.Opinion;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Opinion;

public class OpinionFeedTests
{
    private static readonly DateTime Now = new(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc);

    private static OpinionFeed Feed(int interval = 30) =>
        OpinionFeed.Create(" 县政府网站 ", "https://www.county.example.invalid/rss.xml", "新闻网站", interval, 15, 2048, 1, Now);

    [Fact]
    public void Create_DueAtOnce()
    {
        var feed = Feed();
        (feed.Name, feed.NextDueAt, feed.LastPolledAt).ShouldBe(("县政府网站", Now, (DateTime?)null));
    }

    [Fact]
    public void Failed_BacksOffDoublingUpToEightTimes_SucceededResets()
    {
        var feed = Feed(interval: 200);
        var expected = new[] { 200, 400, 800, 1440, 1440 }; // 1600 would exceed a day: capped at 1440 minutes
        for (var i = 0; i < expected.Length; i++)
        {
            feed.Failed(Now, "Feed.Timeout|15");
            feed.ConsecutiveFailures.ShouldBe(i + 1);
            feed.NextDueAt.ShouldBe(Now.AddMinutes(expected[i]));
        }
        feed.LastError.ShouldBe("Feed.Timeout|15");

        feed.Succeeded(Now, 3, "\"v1\"", "Thu, 05 Mar 2026 01:00:00 GMT");

        (feed.ConsecutiveFailures, feed.LastError, feed.LastItemCount, feed.Etag).ShouldBe((0, (string?)null, 3, "\"v1\""));
        feed.NextDueAt.ShouldBe(Now.AddMinutes(200));
        feed.LeaseUntil.ShouldBeNull();
    }

    [Fact]
    public void Failed_ShortInterval_EightTimesAtMost()
    {
        var feed = Feed(interval: 10);
        for (var i = 0; i < 6; i++) feed.Failed(Now, "Feed.Network");
        feed.NextDueAt.ShouldBe(Now.AddMinutes(80));
    }

    [Theory]
    [InlineData(4, 15, 2048, "intervalMinutes")]
    [InlineData(30, 121, 2048, "timeoutSeconds")]
    [InlineData(30, 15, 15, "maxKilobytes")]
    public void Create_OutOfRange_Rejected(int interval, int timeout, int maxKb, string field) =>
        Expect.Validation(() => OpinionFeed.Create("源", "https://x.example.invalid/rss", "网站", interval, timeout, maxKb, 1, Now), "OutOfRange", field);

    [Fact]
    public void Create_NonHttpUrl_Rejected() =>
        Expect.Validation(() => OpinionFeed.Create("源", "ftp://x.example.invalid/rss", "网站", 30, 15, 2048, 1, Now), "Url.Invalid", "url");

    [Fact]
    public void Enable_MakesDueNow()
    {
        var feed = Feed();
        feed.Failed(Now, "Feed.Network");
        feed.SetDisabled(true, Now);
        feed.SetDisabled(false, Now.AddHours(1));
        feed.NextDueAt.ShouldBe(Now.AddHours(1));
    }
}
