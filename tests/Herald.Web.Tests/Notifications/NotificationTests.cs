using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Notifications;

/// <summary>站内通知：待审、退回（附理由）、审定、不予采用；未读角标。</summary>
public sealed class NotificationTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static async Task<IReadOnlyList<JsonElement>> NotificationsAsync(HttpClient client, long manuscriptId, bool unreadOnly = false)
    {
        var response = await client.GetAsync("/api/v1/notifications" + (unreadOnly ? "?unread=true" : ""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        return json.EnumerateArray().Where(n => n.TryGetProperty("manuscriptId", out var m) && m.ValueKind == JsonValueKind.Number && m.GetInt64() == manuscriptId).ToList();
    }

    [Fact]
    public async Task Submit_UnitHeadGetsReviewRequested_AuthorGetsNothing()
    {
        var officer = await factory.ApiClientAsync("officer");
        var title = ManuscriptApi.Marker() + "待审通知";
        var id = (await ManuscriptApi.SubmitAsync(officer, title)).Long("id");

        var forHead = (await NotificationsAsync(await factory.ApiClientAsync("head"), id, unreadOnly: true)).ShouldHaveSingleItem();
        forHead.Str("kind").ShouldBe("review_requested");
        forHead.Str("subject").ShouldBe(title);
        forHead.Str("actorName").ShouldBe("李文静");
        forHead.Bool("read").ShouldBeFalse();
        (await NotificationsAsync(officer, id)).ShouldBeEmpty();
        (await NotificationsAsync(await factory.ApiClientAsync("leader"), id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApproveImportant_NextReviewerGetsReviewRequested()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "important")).Long("id");
        var leader = await factory.ApiClientAsync("leader");
        (await NotificationsAsync(leader, id)).ShouldBeEmpty();

        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");

        var forLeader = (await NotificationsAsync(leader, id)).ShouldHaveSingleItem();
        forLeader.Str("kind").ShouldBe("review_requested");
        // 通知写的是报送人（作者），不是上一级审核人（曾误写为"张建国 报送了…"）。
        forLeader.Str("actorName").ShouldBe("李文静");
    }

    [Fact]
    public async Task ReturnApproveReject_AuthorToldEachWithReason()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var returned = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var approved = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var rejected = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        await ManuscriptApi.ReviewOkAsync(head, returned, "return", "请补充活动照片。");
        await ManuscriptApi.ReviewOkAsync(head, approved, "approve");
        await ManuscriptApi.ReviewOkAsync(head, rejected, "reject", "与本单位工作无关。");

        var r = (await NotificationsAsync(officer, returned)).ShouldHaveSingleItem();
        (r.Str("kind"), r.Str("comment"), r.Str("actorName")).ShouldBe(("returned", "请补充活动照片。", "张建国"));
        (await NotificationsAsync(officer, approved)).ShouldHaveSingleItem().Str("kind").ShouldBe("approved");
        var x = (await NotificationsAsync(officer, rejected)).ShouldHaveSingleItem();
        (x.Str("kind"), x.Str("comment")).ShouldBe(("rejected", "与本单位工作无关。"));
    }

    [Fact]
    public async Task UnreadBadge_CountsNewNotificationsAndDropsWhenOpened()
    {
        using var session = await factory.SignInAsync("officer");
        (await session.PostFormAsync("/notifications", "/notifications/read-all", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, clean) = await session.GetPageAsync("/");
        clean.QuerySelector("[data-testid=unread-badge]").ShouldBeNull();
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var first = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var second = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        await ManuscriptApi.ReviewOkAsync(head, first, "return", "请修改标题。");
        await ManuscriptApi.ReviewOkAsync(head, second, "approve");

        var (_, home) = await session.GetPageAsync("/");
        home.QuerySelector("[data-testid=unread-badge]")!.TextContent.Trim().ShouldBe("2");
        var (_, list) = await session.GetPageAsync("/notifications");
        var unread = list.QuerySelectorAll("[data-testid=notification].unread");
        unread.Length.ShouldBe(2);
        unread.Select(n => n.GetAttribute("data-kind")).ShouldBe(["Approved", "Returned"]);
        unread.Last().TextContent.ShouldContain("请修改标题。");

        var notificationId = (await NotificationsAsync(officer, first)).Single().Long("id");
        var open = await session.PostFormAsync("/notifications", $"/notifications/{notificationId}/open", new());
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        open.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{first}");
        var (_, after) = await session.GetPageAsync("/");
        after.QuerySelector("[data-testid=unread-badge]")!.TextContent.Trim().ShouldBe("1");
        (await NotificationsAsync(officer, first)).Single().Bool("read").ShouldBeTrue();
    }

    [Fact]
    public async Task OpenNotification_SomeoneElses_404()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var headsNotification = (await NotificationsAsync(await factory.ApiClientAsync("head"), id)).Single().Long("id");
        using var session = await factory.SignInAsync("officer2");

        var response = await session.PostFormAsync("/notifications", $"/notifications/{headsNotification}/open", new());

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NotificationsAsync(await factory.ApiClientAsync("head"), id)).Single().Bool("read").ShouldBeFalse();
    }
}
