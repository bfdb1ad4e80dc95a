using System.Globalization;
using System.Net;
using Herald.Domain.Common;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

/// <summary>关键字查找不选开始日期时只查最近 30 天（含今天），页面上说明；选了开始日期就按所选的查。</summary>
public sealed class OpinionSearchWindowTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static async Task<(List<long> Ids, string? Notice)> SearchAsync(WebSession session, string query)
    {
        var (response, page) = await session.GetPageAsync("/opinion/items" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (page.QuerySelectorAll("[data-testid=opinion-item]")
                .Select(e => long.Parse(e.GetAttribute("data-item-id")!, CultureInfo.InvariantCulture)).ToList(),
            page.QuerySelector("[data-testid=search-window]")?.TextContent.Trim());
    }

    [Fact]
    public async Task KeywordWithoutStartDate_CoversLast30Days_OlderNeedsAStartDate()
    {
        using var office = await factory.ApiClientAsync("office");
        var received = ChinaTime.DateOf(factory.Clock.GetUtcNow().UtcDateTime);
        var id = (await office.PushOneAsync(Item("西关夜市油烟扰民。" + Permuted(43)))).Long("id");

        // 第 30 天（收到那天算第 1 天）：还在范围内。登录会话不跨这么多天，拨钟之后重新登录。
        factory.Clock.Advance(TimeSpan.FromDays(29));
        using var session = await factory.SignInAsync("office");
        var (ids, notice) = await SearchAsync(session, "?q=西关夜市");
        ids.ShouldBe([id]);
        notice.ShouldBe("未选开始日期时，关键字只在最近 30 天收到的信息中查找；查更早的请选择开始日期。");

        // 第 31 天：不带开始日期查不到，带上就查得到；不查关键字时没有日期限制，也没有说明。
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var later = await factory.SignInAsync("office");
        (await SearchAsync(later, "?q=西关夜市")).Ids.ShouldBeEmpty();
        var from = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var withStart = await SearchAsync(later, $"?q=西关夜市&from={from}");
        withStart.Ids.ShouldBe([id]);
        withStart.Notice.ShouldBeNull();
        var all = await SearchAsync(later, "?pageSize=100");
        all.Ids.ShouldContain(id);
        all.Notice.ShouldBeNull();
    }
}
