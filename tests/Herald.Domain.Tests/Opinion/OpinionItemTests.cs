using Herald.Domain.Opinion;
using Herald.Domain.Submission;
using Herald.Domain.Tests.Support;

namespace Herald.Domain.Tests.Opinion;

public class OpinionItemTests
{
    private static readonly DateTime Now = new(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc);

    private static OpinionItemInput Input(string? title = "某小区业主维权", string? content = "业主反映物业欠薪导致停工。",
        string? platform = "微博", string? url = "https://weibo.example.invalid/1", string? source = "某某本地通") =>
        new(source, platform, url, title, content, " 网友甲 ", new DateTime(2026, 3, 5, 1, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Report_TrimsFieldsAndKeepsReporterUnitAndScreenshots()
    {
        var shot = new StoredFileRef(new string('a', 64), "截图.png", "image/png", 2048, 800, 600);

        var item = OpinionItem.Report(Input(title: "  某小区业主维权 "), 7, 3, [shot], Now);

        (item.Kind, item.Title, item.Author, item.Platform, item.Source).ShouldBe(
            (OpinionIntakeKind.Manual, "某小区业主维权", "网友甲", "微博", "某某本地通"));
        (item.ReporterId, item.ReporterUnitId, item.ReceivedAt).ShouldBe(((long?)7, (long?)3, Now));
        item.Attachments.Count.ShouldBe(1);
        (item.Attachments[0].FileName, item.Attachments[0].Width, item.Attachments[0].SortOrder).ShouldBe(("截图.png", (int?)800, 0));
        item.DuplicateOfId.ShouldBeNull();
    }

    [Fact]
    public void Create_NeitherTitleNorContent_Rejected()
    {
        Expect.Validation(() => OpinionItem.Push(Input(title: " ", content: "  "), null, Now), "OpinionItem.TitleOrContentRequired", "content");
    }

    [Fact]
    public void Create_ContentOnly_DisplayTitleIsContentStart()
    {
        var content = new string('情', 45);
        var item = OpinionItem.Push(Input(title: null, content: content), 5, Now);

        item.Title.ShouldBeNull();
        item.DisplayTitle.ShouldBe(new string('情', 40) + "…");
        item.TokenId.ShouldBe(5);
    }

    [Fact]
    public void Create_MissingPlatform_Rejected() =>
        Expect.Validation(() => OpinionItem.Push(Input(platform: ""), null, Now), "Required", "platform");

    [Fact]
    public void Create_NonHttpLink_Rejected() =>
        Expect.Validation(() => OpinionItem.Push(Input(url: "javascript:alert(1)"), null, Now), "Url.Invalid", "url");

    [Fact]
    public void Create_ContentTooLong_Rejected() =>
        Expect.Validation(() => OpinionItem.Push(Input(content: new string('字', OpinionItem.ContentMaxLength + 1)), null, Now),
            "TooLong", "content");

    [Fact]
    public void Report_TooManyScreenshots_Rejected()
    {
        var shots = Enumerable.Range(0, 10).Select(i => new StoredFileRef(new string((char)('a' + i), 64), $"{i}.png", "image/png", 10)).ToList();
        Expect.Validation(() => OpinionItem.Report(Input(), 7, 3, shots, Now), "OpinionItem.TooManyScreenshots", "screenshots");
    }

    [Fact]
    public void SetHits_CountsAndSumsWeights()
    {
        var item = OpinionItem.Push(Input(), null, Now);

        item.SetHits([
            OpinionItemHit.Create(OpinionTextField.Title, "维权", "舆情监测词", "群体事件", 3, 4, 2),
            OpinionItemHit.Create(OpinionTextField.Content, "欠薪", "舆情监测词", "劳资纠纷", 5, 6, 2),
        ]);

        (item.HitCount, item.HitWeight).ShouldBe((2, 8));
        item.Hits[1].Keyword.ShouldBe("欠薪");
    }

    [Fact]
    public void FromFeed_KeepsFeedAndExternalId()
    {
        var item = OpinionItem.FromFeed(Input(), 4, " urn:entry:1 ", Now);
        (item.Kind, item.FeedId, item.ExternalId).ShouldBe((OpinionIntakeKind.Feed, (long?)4, "urn:entry:1"));
    }

    [Fact]
    public void Duplicate_GroupFirstCountsMembers()
    {
        var first = OpinionItem.Push(Input(), null, Now);
        var second = OpinionItem.Push(Input(), null, Now);

        second.MarkDuplicateOf(11);
        first.CountDuplicate();

        second.DuplicateOfId.ShouldBe(11);
        first.DuplicateCount.ShouldBe(1);
    }
}
