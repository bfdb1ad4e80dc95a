using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Opinion;

/// <summary>单位只看到本单位上报的；宣传办和主要负责人看到全部，近似重复的一组只列一次。</summary>
public sealed class OpinionScopingTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> ReportAsync(string user, string platform, string content)
    {
        using var session = await factory.SignInAsync(user);
        var form = new MultipartFormDataContent
        {
            { new StringContent(platform), "platform" },
            { new StringContent(content), "content" },
            { new StringContent(Guid.NewGuid().ToString("N")), "submissionKey" },
        };
        var response = await session.PostMultipartAsync("/opinion/report", "/opinion/report", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> ListedAsync(WebSession session, string query = "")
    {
        var (response, page) = await session.GetPageAsync("/opinion/items" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelectorAll("[data-testid=opinion-item]").Select(e => long.Parse(e.GetAttribute("data-item-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [Fact]
    public async Task UnitSeesOnlyOwnReports_OfficeAndPrincipalSeeAll()
    {
        var ours = await ReportAsync("officer", "微博", "党政办上报：某处施工扰民。" + Permuted(29));
        var theirs = await ReportAsync("officer2", "微信", "幸福社区上报：小区物业乱收费。" + Permuted(31));
        using var office = await factory.ApiClientAsync("office");
        var vendor = (await office.PushOneAsync(Item("厂商推送：河道污染。" + Permuted(33)))).Long("id");

        using var officer = await factory.SignInAsync("officer");
        var officerSees = await ListedAsync(officer);
        officerSees.ShouldContain(ours);
        officerSees.ShouldNotContain(theirs);
        officerSees.ShouldNotContain(vendor);
        (await officer.Client.GetAsync($"/opinion/items/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.Client.GetAsync($"/opinion/items/{vendor}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var head = await factory.SignInAsync("head");
        (await ListedAsync(head)).ShouldContain(ours);
        (await ListedAsync(head)).ShouldNotContain(theirs);

        using var officer2Api = await factory.ApiClientAsync("officer2");
        (await officer2Api.GetAsync($"/api/v1/opinion/items/{ours}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await officer2Api.GetAsync("/api/v1/opinion/items")).ReadJsonAsync();
        list.Items("items").Select(i => i.Long("id")).ShouldContain(theirs);
        list.Items("items").Select(i => i.Long("id")).ShouldNotContain(ours);

        foreach (var user in new[] { "office", "principal" })
        {
            using var all = await factory.SignInAsync(user);
            var seen = await ListedAsync(all, "?pageSize=100");
            seen.ShouldContain(ours);
            seen.ShouldContain(theirs);
            seen.ShouldContain(vendor);
        }
    }

    [Fact]
    public async Task OfficeList_GroupShownOnceWithCount_FiltersApply()
    {
        using var office = await factory.ApiClientAsync("office");
        var text = "群众反映某村拖欠工资问题。" + Permuted(37);
        var first = (await office.PushOneAsync(Item(text, platform: "论坛"))).Long("id");
        var copy = (await office.PushOneAsync(Item(text + "转发", platform: "论坛"))).Long("id");
        var quiet = (await office.PushOneAsync(Item("今日天气晴好。" + Permuted(39), platform: "论坛"))).Long("id");

        using var session = await factory.SignInAsync("office");
        var (_, page) = await session.GetPageAsync("/opinion/items?platform=论坛&pageSize=100");
        var rows = page.QuerySelectorAll("[data-testid=opinion-item]").ToList();
        var ids = rows.Select(e => long.Parse(e.GetAttribute("data-item-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.ShouldContain(first);
        ids.ShouldNotContain(copy);
        rows.Single(r => r.GetAttribute("data-item-id") == first.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .QuerySelector("[data-testid=group-count]")!.TextContent.ShouldBe("另有 1 条相似");
        rows.Single(r => r.GetAttribute("data-item-id") == first.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .QuerySelectorAll("[data-testid=hit-word]").Select(e => e.TextContent).ShouldBe(["拖欠工资"]);

        (await ListedAsync(session, "?platform=论坛&hits=true&pageSize=100")).ShouldNotContain(quiet);
        (await ListedAsync(session, "?platform=论坛&hits=false&pageSize=100")).ShouldContain(quiet);
        (await ListedAsync(session, "?q=天气晴好&pageSize=100")).ShouldBe([quiet]);
        (await ListedAsync(session, "?from=2026-11-21&pageSize=100")).ShouldBeEmpty();

        var (_, detail) = await session.GetPageAsync($"/opinion/items/{copy}");
        detail.QuerySelectorAll("[data-testid=opinion-group] [data-member-id]").Select(e => e.GetAttribute("data-member-id"))
            .ShouldBe([first.ToString(System.Globalization.CultureInfo.InvariantCulture), copy.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        // 立案从重复组的第一条开始，案件表单收到整组。
        detail.QuerySelector("[data-testid=open-case]")!.GetAttribute("href").ShouldBe($"/opinion/cases/new?items={first}");
        var (caseForm, _) = await session.GetPageAsync($"/opinion/cases/new?items={first}");
        caseForm.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
