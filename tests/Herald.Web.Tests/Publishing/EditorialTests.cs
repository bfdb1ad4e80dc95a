using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>
/// 采编：宣传办把已审定的稿件发布到渠道或标记不采用（API、稿件详情页、采编池）；作者和单位负责人收到通知；
/// 详情（API 与页面）给能看到稿件的人显示采编状态与发布记录。
/// </summary>
public sealed class EditorialTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string NotFound = "找不到您要的内容，或您无权查看。";

    [Fact]
    public async Task Publish_Office_201AndDetailShowsPublicationToEveryoneWhoCanSee()
    {
        var id = await factory.ApprovedAsync();
        var channel = await factory.ChannelIdAsync(StreetWebsite);
        var office = await factory.ApiClientAsync("office");

        var result = await PublishAsync(office, id, channel, "https://street.example.invalid/news/1", "2026-11-20T09:30");

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var p = result.Json;
        (p.Long("manuscriptId"), p.Long("channelId"), p.Str("channelName"), p.Str("url"), p.Str("editorName"))
            .ShouldBe((id, channel, StreetWebsite, "https://street.example.invalid/news/1", "周敏"));
        // 09:30 北京时间 = 01:30 UTC。
        p.GetProperty("publishedAt").GetDateTime().ToUniversalTime().ShouldBe(new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc));
        foreach (var user in new[] { "officer", "head", "viewer", "principal" })
        {
            var detail = await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync(user), id);
            detail.GetProperty("editorial").Str("status").ShouldBe("published");
            detail.Items("publications").Select(x => x.Str("channelName")).ShouldBe([StreetWebsite]);
            detail.Items("adoptions").ShouldBeEmpty();
        }
        (await Organization.OrgTestData.AuditActionsAsync(factory, "Manuscript", id)).ShouldContain("manuscript.publish");
    }

    [Fact]
    public async Task Publish_NoTime_NowAndTwoChannelsBothListed()
    {
        var id = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");

        (await PublishAsync(office, id, await factory.ChannelIdAsync(StreetWeChat))).Status.ShouldBe(HttpStatusCode.Created);
        var second = await PublishAsync(office, id, await factory.ChannelIdAsync(StreetWebsite), publishedAt: "2026-11-20T02:00:00Z");

        second.Status.ShouldBe(HttpStatusCode.Created);
        var detail = await ManuscriptApi.GetOkAsync(office, id);
        detail.Items("publications").Select(x => x.Str("channelName")).ShouldBe([StreetWeChat, StreetWebsite]);
        // 未给时间即为现在（测试时钟 2026-11-20 02:00 UTC）。
        detail.GetProperty("editorial").GetProperty("publishedAt").GetDateTime().ToUniversalTime().ShouldBe(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Publish_AuthorAndUnitHeadNotified_OfficeNot()
    {
        var id = await factory.ApprovedAsync();

        (await PublishAsync(await factory.ApiClientAsync("office"), id, await factory.ChannelIdAsync(StreetWeChat))).Status.ShouldBe(HttpStatusCode.Created);

        var forAuthor = (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).First();
        (forAuthor.Str("kind"), forAuthor.Str("actorName")).ShouldBe(("published", "周敏"));
        (await NotificationsAsync(await factory.ApiClientAsync("head"), id)).First().Str("kind").ShouldBe("published");
        (await NotificationsAsync(await factory.ApiClientAsync("office"), id)).ShouldBeEmpty();
        (await NotificationsAsync(await factory.ApiClientAsync("head2"), id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Publish_SameChannelTwice_409AndOnlyOneRow()
    {
        var id = await factory.ApprovedAsync();
        var channel = await factory.ChannelIdAsync(StreetWeChat);
        var office = await factory.ApiClientAsync("office");
        (await PublishAsync(office, id, channel)).Status.ShouldBe(HttpStatusCode.Created);

        var again = await PublishAsync(office, id, channel);

        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Publishing.AlreadyPublished", $"这篇稿件已经发布到“{StreetWeChat}”，不能重复发布。");
        (await factory.QueryAsync(db => db.Publications.CountAsync(p => p.ManuscriptId == id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("principal")]
    [InlineData("head")]
    [InlineData("officer")]
    public async Task Publish_CanSeeButNotOffice_403(string user)
    {
        var id = await factory.ApprovedAsync();

        var result = await PublishAsync(await factory.ApiClientAsync(user), id, await factory.ChannelIdAsync(StreetWeChat));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await factory.QueryAsync(db => db.Publications.AnyAsync(p => p.ManuscriptId == id))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("officer2")]
    [InlineData("head2")]
    public async Task Publish_CannotSeeManuscript_404(string user)
    {
        var id = await factory.ApprovedAsync();

        var result = await PublishAsync(await factory.ApiClientAsync(user), id, await factory.ChannelIdAsync(StreetWeChat));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
    }

    [Fact]
    public async Task Publish_NotApproved_409()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        var result = await PublishAsync(await factory.ApiClientAsync("office"), id, await factory.ChannelIdAsync(StreetWeChat));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Publishing.NotApproved", "稿件当前为“审核中”，审定后才能发布或登记用稿。");
    }

    [Fact]
    public async Task Publish_ChannelOfAnotherUnitTree_400()
    {
        var id = await factory.ApprovedAsync();

        var result = await PublishAsync(await factory.ApiClientAsync("office"), id, await factory.ChannelIdAsync(BureauWeChat));

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Publishing.ChannelNotForUnit");
        problem.FieldErrors("channelId").ShouldBe(["请选择稿件所在单位（或其上级单位）的发布渠道。"]);
    }

    [Fact]
    public async Task Publish_DisabledChannel_400()
    {
        var id = await factory.ApprovedAsync();
        var street = await factory.UnitIdAsync("示例街道");
        var office = await factory.ApiClientAsync("office");
        var name = ManuscriptApi.Marker() + "旧网站";
        var channel = (await PostJsonAsync(office, "/api/v1/channels", new { unitId = street, name, type = "website", responsibleName = "周敏" })).Id;
        using (var session = await factory.SignInAsync("office"))
            (await session.PostFormAsync("/publishing/channels", $"/publishing/channels/{channel}/disable", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var result = await PublishAsync(office, id, channel);

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Publishing.ChannelDisabled", $"发布渠道“{name}”已停用，不能再发布。");
    }

    [Theory]
    [InlineData("2026-11-20T11:00", "Publishing.PublishedInFuture")]
    [InlineData("2026-11-18T09:00", "Publishing.PublishedBeforeApproval")]
    [InlineData("昨天下午", "Form.BadDateTime")]
    public async Task Publish_BadTime_400(string publishedAt, string code)
    {
        var id = await factory.ApprovedAsync();

        var result = await PublishAsync(await factory.ApiClientAsync("office"), id, await factory.ChannelIdAsync(StreetWeChat), publishedAt: publishedAt);

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors("publishedAt").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Publish_NoChannel_400Required()
    {
        var id = await factory.ApprovedAsync();

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), $"/api/v1/manuscripts/{id}/publications", new { url = "https://x.example.invalid/" });

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("channelId").ShouldBe(["此项为必填项。"]);
    }

    [Fact]
    public async Task NotUsed_Office_200NotifiesAuthorAndHeadWithReason()
    {
        var id = await factory.ApprovedAsync();

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), $"/api/v1/manuscripts/{id}/not-used", new { reason = "与本期宣传主题无关" });

        result.Status.ShouldBe(HttpStatusCode.OK, $"body: {result.Json}");
        (result.Json.Str("status"), result.Json.Str("notUsedReason")).ShouldBe(("not_used", "与本期宣传主题无关"));
        var detail = await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id);
        detail.GetProperty("editorial").Str("status").ShouldBe("not_used");
        detail.GetProperty("editorial").Str("notUsedReason").ShouldBe("与本期宣传主题无关");
        var forAuthor = (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).First();
        (forAuthor.Str("kind"), forAuthor.Str("comment")).ShouldBe(("not_used", "与本期宣传主题无关"));
        (await NotificationsAsync(await factory.ApiClientAsync("head"), id)).First().Str("kind").ShouldBe("not_used");
        (await Organization.OrgTestData.AuditActionsAsync(factory, "Manuscript", id)).ShouldContain("manuscript.not_used");
    }

    [Fact]
    public async Task NotUsed_BlankReason_400AndStillPending()
    {
        var id = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");

        var result = await PostJsonAsync(office, $"/api/v1/manuscripts/{id}/not-used", new { reason = "  " });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Editorial.ReasonRequired", "标记不采用时必须填写理由。");
        (await ManuscriptApi.GetOkAsync(office, id)).GetProperty("editorial").Str("status").ShouldBe("pending");
    }

    [Fact]
    public async Task NotUsed_AfterPublished_409()
    {
        var id = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");
        (await PublishAsync(office, id, await factory.ChannelIdAsync(StreetWeChat))).Status.ShouldBe(HttpStatusCode.Created);

        var result = await PostJsonAsync(office, $"/api/v1/manuscripts/{id}/not-used", new { reason = "重复" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Publishing.NotPending");
    }

    [Fact]
    public async Task NotUsed_NotOffice403_OtherUnit404()
    {
        var id = await factory.ApprovedAsync();

        await (await PostJsonAsync(await factory.ApiClientAsync("head"), $"/api/v1/manuscripts/{id}/not-used", new { reason = "不用" }))
            .Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        await (await PostJsonAsync(await factory.ApiClientAsync("officer2"), $"/api/v1/manuscripts/{id}/not-used", new { reason = "不用" }))
            .Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Detail_DraftOrInReview_EditorialNoneAndEmptyLists()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        var detail = await ManuscriptApi.GetOkAsync(officer, id);

        detail.GetProperty("editorial").Str("status").ShouldBe("none");
        detail.Items("publications").ShouldBeEmpty();
        detail.Items("adoptions").ShouldBeEmpty();
    }

    [Fact]
    public async Task DetailPage_Office_PublishesThroughForm()
    {
        var id = await factory.ApprovedAsync();
        var channel = await factory.ChannelIdAsync(StreetWeChat);
        using var office = await factory.SignInAsync("office");
        var (page, document) = await office.GetPageAsync($"/manuscripts/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=editorial]")!.GetAttribute("data-editorial").ShouldBe("pending");
        document.QuerySelectorAll("[data-testid=publish-form] select[name=channelId] option").Select(o => o.TextContent).ShouldContain(o => o.StartsWith(StreetWeChat));
        document.QuerySelector("[data-testid=publish-form] select[name=channelId]")!.TextContent.ShouldNotContain(BureauWeChat);

        var response = await office.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/publish", new()
        {
            ["channelId"] = channel.ToString(), ["url"] = "https://mp.example.invalid/s/1", ["publishedAt"] = "2026-11-20T09:00", ["returnUrl"] = $"/manuscripts/{id}#editorial",
        });

        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=published#editorial");
        var (_, after) = await office.GetPageAsync($"/manuscripts/{id}?notice=published");
        after.QuerySelector("[data-testid=alert-success]")!.TextContent.ShouldContain("已发布");
        after.QuerySelector("[data-testid=editorial]")!.GetAttribute("data-editorial").ShouldBe("published");
        after.QuerySelector($"[data-testid=publication][data-channel-id='{channel}']").ShouldNotBeNull();
        // 已发布过的渠道不再出现在可选渠道里。
        after.QuerySelectorAll("[data-testid=publish-form] option").Select(o => o.GetAttribute("value")).ShouldNotContain(channel.ToString());
        after.QuerySelector("[data-testid=not-used-form]").ShouldBeNull();
    }

    [Fact]
    public async Task DetailPage_PublishError_400ShowsMessageAndKeepsInput()
    {
        var id = await factory.ApprovedAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/publish", new()
        {
            ["channelId"] = (await factory.ChannelIdAsync(StreetWeChat)).ToString(), ["url"] = "https://mp.example.invalid/s/2", ["publishedAt"] = "2026-11-21T09:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=editorial] [data-testid=alert-danger]")!.TextContent.ShouldContain("发布时间：发布时间不能晚于现在。");
        page.QuerySelector("[data-testid=publish-form] input[name=url]")!.GetAttribute("value").ShouldBe("https://mp.example.invalid/s/2");
        page.QuerySelector("[data-testid=publish-form] input[name=publishedAt]")!.GetAttribute("value").ShouldBe("2026-11-21T09:00");
        (await factory.QueryAsync(db => db.Publications.AnyAsync(p => p.ManuscriptId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task DetailPage_NotUsedThroughForm_ReasonShownToAuthor()
    {
        var id = await factory.ApprovedAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/not-used", new() { ["reason"] = "内容与上周稿件重复" });

        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=not-used#editorial");
        using var officer = await factory.SignInAsync("officer");
        var (_, page) = await officer.GetPageAsync($"/manuscripts/{id}");
        page.QuerySelector("[data-testid=editorial]")!.GetAttribute("data-editorial").ShouldBe("not_used");
        page.QuerySelector("[data-testid=not-used-reason]")!.TextContent.ShouldContain("内容与上周稿件重复");
        page.QuerySelector("[data-testid=publish-form]").ShouldBeNull();
    }

    [Fact]
    public async Task DetailPage_NotUsedWithoutReason_400()
    {
        var id = await factory.ApprovedAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/not-used", new() { ["reason"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("标记不采用时必须填写理由。");
    }

    [Fact]
    public async Task DetailPage_AuthorSeesStatusButNoOfficeForms()
    {
        var id = await factory.ApprovedAsync();
        using var officer = await factory.SignInAsync("officer");

        var (_, page) = await officer.GetPageAsync($"/manuscripts/{id}");

        page.QuerySelector("[data-testid=editorial-status]")!.TextContent.ShouldBe("待采编");
        page.QuerySelector("[data-testid=publish-form]").ShouldBeNull();
        page.QuerySelector("[data-testid=not-used-form]").ShouldBeNull();
    }

    [Fact]
    public async Task Pool_OfficePublishesFromTheList_BackToThePool()
    {
        var marker = ManuscriptApi.Marker();
        var id = await factory.ApprovedAsync(marker);
        using var office = await factory.SignInAsync("office");
        var (page, pool) = await office.GetPageAsync("/pool?q=" + marker);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = pool.QuerySelector($"[data-testid=pool-row][data-id='{id}']")!;
        row.QuerySelector("[data-testid=editorial-status]")!.GetAttribute("data-editorial").ShouldBe("pending");
        var returnUrl = row.QuerySelector("[data-testid=publish-form] input[name=returnUrl]")!.GetAttribute("value")!;
        returnUrl.ShouldBe($"/pool?q={Uri.EscapeDataString(marker)}#m{id}");

        var response = await office.PostFormAsync("/pool?q=" + marker, $"/manuscripts/{id}/publish", new()
        {
            ["channelId"] = (await factory.ChannelIdAsync(StreetWebsite)).ToString(), ["returnUrl"] = returnUrl,
        });

        response.Headers.Location!.OriginalString.ShouldBe($"/pool?q={Uri.EscapeDataString(marker)}&notice=published#m{id}");
        var (_, after) = await office.GetPageAsync($"/pool?q={marker}&notice=published");
        after.QuerySelector("[data-testid=alert-success]").ShouldNotBeNull();
        // 已发布的稿件不再等待采编，在"已发布"中。
        after.QuerySelector($"[data-testid=pool-row][data-id='{id}']").ShouldBeNull();
        var (_, publishedList) = await office.GetPageAsync($"/pool?q={marker}&editorial=published");
        var published = publishedList.QuerySelector($"[data-testid=pool-row][data-id='{id}']")!;
        published.QuerySelector("[data-testid=editorial-status]")!.GetAttribute("data-editorial").ShouldBe("published");
        published.TextContent.ShouldContain(StreetWebsite);
    }

    [Fact]
    public async Task Pool_NotUsedFromTheList_AndViewerSeesNoActions()
    {
        var marker = ManuscriptApi.Marker();
        var id = await factory.ApprovedAsync(marker);
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync("/pool", $"/manuscripts/{id}/not-used", new() { ["reason"] = "时效已过", ["returnUrl"] = $"/pool#m{id}" });

        response.Headers.Location!.OriginalString.ShouldBe($"/pool?notice=not-used#m{id}");
        using var viewer = await factory.SignInAsync("viewer");
        var (_, pool) = await viewer.GetPageAsync($"/pool?q={marker}&editorial=not_used");
        var row = pool.QuerySelector($"[data-testid=pool-row][data-id='{id}']")!;
        row.QuerySelector("[data-testid=editorial-status]")!.GetAttribute("data-editorial").ShouldBe("not_used");
        row.QuerySelector("[data-testid=pool-actions]").ShouldBeNull();
    }

    [Fact]
    public async Task PublishForm_ReturnUrlToAnotherSite_IgnoredStaysOnDetail()
    {
        var id = await factory.ApprovedAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/publish", new()
        {
            ["channelId"] = (await factory.ChannelIdAsync(StreetWeChat)).ToString(), ["returnUrl"] = "//evil.example.invalid/",
        });

        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=published#editorial");
    }

    [Fact]
    public async Task PublishForm_OtherUnitsCorrespondent_404()
    {
        var id = await factory.ApprovedAsync();
        using var officer2 = await factory.SignInAsync("officer2");

        var response = await officer2.PostFormAsync("/manuscripts", $"/manuscripts/{id}/publish", new() { ["channelId"] = "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
