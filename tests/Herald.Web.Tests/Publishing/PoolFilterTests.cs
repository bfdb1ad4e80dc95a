using System.Net;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>采编池（待采编）只列等待宣传办处理的稿件，首页的数字与之相同；可按采编状态筛选已发布、不采用或全部。</summary>
public sealed class PoolFilterTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<(long Pending, long Published, long NotUsed)> ThreeStatesAsync()
    {
        var office = await factory.ApiClientAsync("office");
        var pending = await factory.ApprovedAsync();
        var published = await factory.ApprovedAsync();
        (await PublishAsync(office, published, await factory.ChannelIdAsync(StreetWebsite))).Status.ShouldBe(HttpStatusCode.Created);
        var notUsed = await factory.ApprovedAsync();
        (await PostJsonAsync(office, $"/api/v1/manuscripts/{notUsed}/not-used", new { reason = "与前稿重复" })).Status.ShouldBe(HttpStatusCode.OK);
        return (pending, published, notUsed);
    }

    private static async Task<List<long>> PoolIdsAsync(WebSession session, string query)
    {
        var (response, page) = await session.GetPageAsync("/pool?pageSize=100" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelectorAll("[data-testid=pool-row]").Select(r => long.Parse(r.GetAttribute("data-id")!)).ToList();
    }

    [Fact]
    public async Task Pool_Default_ListsOnlyPendingAndHomeCardCountsTheSame()
    {
        var (pending, published, notUsed) = await ThreeStatesAsync();
        using var office = await factory.SignInAsync("office");

        var listed = await PoolIdsAsync(office, "");
        var (_, home) = await office.GetPageAsync("/");

        listed.ShouldContain(pending);
        listed.ShouldNotContain(published);
        listed.ShouldNotContain(notUsed);
        int.Parse(home.QuerySelector("[data-testid=home-pool] .stat-value")!.TextContent.Trim()).ShouldBe(listed.Count);
    }

    [Theory]
    [InlineData("published", false, true, false)]
    [InlineData("not_used", false, false, true)]
    [InlineData("pending", true, false, false)]
    [InlineData("all", true, true, true)]
    public async Task Pool_EditorialFilter_ListsItemsInThatState(string editorial, bool hasPending, bool hasPublished, bool hasNotUsed)
    {
        var (pending, published, notUsed) = await ThreeStatesAsync();
        using var office = await factory.SignInAsync("office");

        var listed = await PoolIdsAsync(office, "&editorial=" + editorial);

        (listed.Contains(pending), listed.Contains(published), listed.Contains(notUsed)).ShouldBe((hasPending, hasPublished, hasNotUsed));
    }

    [Fact]
    public async Task Pool_EditorialFilter_SelectShowsChosenState()
    {
        using var office = await factory.SignInAsync("office");

        var (_, page) = await office.GetPageAsync("/pool?editorial=published");

        page.QuerySelector("select#editorial option[selected]")!.TextContent.Trim().ShouldBe("已发布");
    }

    [Fact]
    public async Task Pool_UnknownEditorialState_400WithChineseMessage()
    {
        using var office = await factory.SignInAsync("office");

        var (response, page) = await office.GetPageAsync("/pool?editorial=bogus");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.Body!.TextContent.ShouldContain("bogus");
    }
}
