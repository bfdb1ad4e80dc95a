using Herald.Web.Features.OpinionIntake.Feeds;

namespace Herald.Web.Tests.Opinion;

/// <summary>订阅源解析：保存的 RSS/Atom 文档与坏文档（见 Fixtures/Feeds/README.md），逐项给出预期结果。</summary>
public class FeedParserTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds", name));

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Rss_CountyPortal_AllItemsWithPlainTextAndUtcTimes()
    {
        var feed = FeedParser.Parse(Fixture("rss-county.xml"), new Uri("https://www.county.example.invalid/rss.xml"));

        (feed.Format, feed.Title).ShouldBe(("rss", "示例县人民政府 - 新闻中心"));
        feed.Entries.ShouldBe([
            new FeedEntry("gov-2026-1119-001", "关于某镇农民工欠薪问题的情况通报", "https://www.county.example.invalid/xwzx/2026/1119/001.html",
                "近日，网上反映某镇一工地拖欠农民工工资。\n经查，涉及的32名农民工工资已于11月18日全部发放到位。", "县人社局", Utc(2026, 11, 19, 1, 30)),
            new FeedEntry("https://www.county.example.invalid/xwzx/2026/1119/002.html", "县城区道路塌方抢修完毕",
                "https://www.county.example.invalid/xwzx/2026/1119/002.html", "11月19日上午，城区解放路一处路面塌方，经连夜抢修已恢复通行。",
                "news@county.example.invalid (县融媒体中心)", Utc(2026, 11, 19, 2, 0)),
            // 没有 guid：以（补全后的）链接为标识；不带时区的时间按北京时间。
            new FeedEntry("https://www.county.example.invalid/xwzx/2026/1118/003.html", "防汛&抗旱工作会议召开",
                "https://www.county.example.invalid/xwzx/2026/1118/003.html", "会议部署了今冬明春防汛抗旱工作。", null, Utc(2026, 11, 18, 8, 45)),
        ]);
    }

    [Fact]
    public void Atom_LocalNews_AlternateLinkPublishedDateAndXhtmlContent()
    {
        var feed = FeedParser.Parse(Fixture("atom-news.xml"));

        (feed.Format, feed.Title).ShouldBe(("atom", "示例日报 · 本地"));
        feed.Entries.ShouldBe([
            new FeedEntry("urn:uuid:6f1c2d64-8f3b-4c56-9a0e-1b2c3d4e5f60", "小区业主维权：物业费上涨引发争议",
                "https://daily.example.invalid/local/2026/11/19/a1.html", "某小区业主反映物业费上涨30%。\n街道已介入协调。", "记者 王敏",
                Utc(2026, 11, 19, 0, 0)),
            new FeedEntry("tag:daily.example.invalid,2026-11-19:a2", "化工园区开展应急演练", "https://daily.example.invalid/local/2026/11/19/a2.html",
                "园区组织了泄漏处置演练。", null, Utc(2026, 11, 19, 1, 15)),
        ]);
    }

    [Theory]
    [InlineData("truncated.xml", "Feed.NotXml", 13)]
    [InlineData("wrong-root.xml", "Feed.UnknownFormat", "urlset")]
    [InlineData("html-error.html", "Feed.Html", null)]
    [InlineData("entity-bomb.xml", "Feed.DtdProhibited", null)]
    [InlineData("external-entity.xml", "Feed.DtdProhibited", null)]
    public void Malformed_RefusedWithReason(string fixture, string code, object? arg)
    {
        var ex = Should.Throw<FeedException>(() => FeedParser.Parse(Fixture(fixture)));

        ex.Code.ShouldBe(code);
        ex.Args.ShouldBe(arg is null ? [] : [arg]);
    }

    [Theory]
    [InlineData("Thu, 19 Nov 2026 09:30:00 +0800", 2026, 11, 19, 1, 30)]
    [InlineData("19 Nov 2026 09:30:00 GMT", 2026, 11, 19, 9, 30)]
    [InlineData("Thu, 19 Nov 2026 09:30:00 CST", 2026, 11, 19, 1, 30)]
    [InlineData("2026-11-19T09:30:00+08:00", 2026, 11, 19, 1, 30)]
    [InlineData("2026-11-19T09:30:00Z", 2026, 11, 19, 9, 30)]
    [InlineData("2026-11-19 09:30", 2026, 11, 19, 1, 30)]
    public void ParseDate_CommonForms(string text, int y, int mo, int d, int h, int mi) =>
        FeedParser.ParseDate(text).ShouldBe(Utc(y, mo, d, h, mi));

    [Fact]
    public void ParseDate_Garbage_Null() => FeedParser.ParseDate("昨天下午").ShouldBeNull();
}
