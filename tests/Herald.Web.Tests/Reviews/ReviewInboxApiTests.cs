using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reviews;

/// <summary>GET /api/v1/reviews/inbox：数量按本测试报送的稿件增减（不依赖演示数据的数量）。</summary>
public sealed class ReviewInboxApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static async Task<JsonElement> InboxAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/reviews/inbox");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    private static int Count(JsonElement inbox, string role) =>
        inbox.GetProperty("countsByStep").TryGetProperty(role, out var n) ? n.GetInt32() : 0;

    [Fact]
    public async Task Inbox_TwoNewSubmissions_ListedEmergencyFirstWithCounts()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var before = await InboxAsync(head);

        var routine = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var emergency = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm
        {
            Title = ManuscriptApi.Marker() + "突发", Emergency = true, KnownAt = "2026-11-20T09:40:00+08:00",
        })).Long("id");
        var inbox = await InboxAsync(head);

        inbox.Int("total").ShouldBe(before.Int("total") + 2);
        Count(inbox, "unit_head").ShouldBe(Count(before, "unit_head") + 2);
        var ids = inbox.Items("items").Select(i => i.Long("id")).ToList();
        ids.ShouldContain(routine);
        ids.IndexOf(emergency).ShouldBeLessThan(ids.IndexOf(routine));
        var item = inbox.Items("items").Single(i => i.Long("id") == emergency);
        item.Bool("emergency").ShouldBeTrue();
        item.Str("currentStepRole").ShouldBe("unit_head");
        item.Str("authorName").ShouldBe("李文静");
    }

    [Fact]
    public async Task Inbox_AfterHeadApprovesImportant_MovesToLeader()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var leader = await factory.ApiClientAsync("leader");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "important")).Long("id");
        var headBefore = await InboxAsync(head);
        var leaderBefore = await InboxAsync(leader);

        await ManuscriptApi.ReviewOkAsync(head, id, "approve");

        var headAfter = await InboxAsync(head);
        var leaderAfter = await InboxAsync(leader);
        headAfter.Int("total").ShouldBe(headBefore.Int("total") - 1);
        headAfter.Items("items").ShouldNotContain(i => i.Long("id") == id);
        leaderAfter.Int("total").ShouldBe(leaderBefore.Int("total") + 1);
        Count(leaderAfter, "supervising_leader").ShouldBe(Count(leaderBefore, "supervising_leader") + 1);
        leaderAfter.Items("items").Single(i => i.Long("id") == id).Str("currentStepRole").ShouldBe("supervising_leader");
    }

    [Fact]
    public async Task Inbox_OtherUnitsHead_DoesNotSeeIt()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        var inbox = await InboxAsync(await factory.ApiClientAsync("head2"));

        inbox.Items("items").ShouldNotContain(i => i.Long("id") == id);
    }

    [Fact]
    public async Task Inbox_Correspondent_Empty()
    {
        var inbox = await InboxAsync(await factory.ApiClientAsync("officer2"));

        inbox.Int("total").ShouldBe(0);
        inbox.Items("items").ShouldBeEmpty();
        inbox.GetProperty("countsByStep").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task InboxPage_Head_TotalMatchesApi()
    {
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker());
        var inbox = await InboxAsync(head);
        var total = inbox.Int("total");
        using var session = await factory.SignInAsync("head");

        var (response, page) = await session.GetPageAsync("/reviews");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=inbox-total]")!.TextContent.Trim().ShouldBe(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelectorAll("[data-testid=manuscript-list] .manuscript-row").Select(a => long.Parse(a.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(inbox.Items("items").Select(i => i.Long("id")));
    }
}
