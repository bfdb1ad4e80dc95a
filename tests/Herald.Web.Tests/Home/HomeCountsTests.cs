using AngleSharp.Dom;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Home;

/// <summary>首页的数字与下面的"待我处理"清单出自同一份数据：卡片说有几篇待审，清单里就有那几篇。</summary>
public sealed class HomeCountsTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Theory]
    [InlineData("head", "routine")]
    [InlineData("leader", "important")]
    public async Task Home_ReviewerWithItemsAwaiting_ReviewCardCountEqualsReviewRowsInWaitingList(string reviewer, string importance)
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), importance)).Long("id");
        if (reviewer == "leader") await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");
        using var session = await factory.SignInAsync(reviewer);
        var (_, inbox) = await session.GetPageAsync("/reviews");
        var awaiting = inbox.QuerySelectorAll(".manuscript-row").Select(r => r.GetAttribute("data-id")).ToList();

        var (_, home) = await session.GetPageAsync("/");

        var count = int.Parse(home.QuerySelector("[data-testid=home-review] .stat-value")!.TextContent.Trim());
        var listed = home.QuerySelectorAll("[data-testid=home-waiting] [data-testid=waiting-item][data-kind=review]")
            .Select(r => r.GetAttribute("href")!.Split('/').Last()).ToList();
        awaiting.ShouldContain(id.ToString());
        count.ShouldBe(awaiting.Count);
        listed.Intersect(awaiting).Count().ShouldBe(count);
        home.QuerySelector("[data-testid=home-waiting] [data-testid=empty-list]").ShouldBeNull();
    }
}
