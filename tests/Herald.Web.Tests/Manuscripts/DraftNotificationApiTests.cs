using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>删除草稿、把通知标为已读：API 与页面同一个处理器；别人的草稿和通知一律 404。</summary>
public sealed class DraftNotificationApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task DeleteDraft_Author_GoneAndAudited_OthersCannotSeeIt()
    {
        using var officer = await factory.ApiClientAsync("officer");
        using var head = await factory.ApiClientAsync("head");
        using var officer2 = await factory.ApiClientAsync("officer2");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), draft: true)).Long("id");

        var byStranger = await officer2.DeleteAsync($"/api/v1/manuscripts/{id}");
        var byHead = await head.DeleteAsync($"/api/v1/manuscripts/{id}");
        var byAuthor = await officer.DeleteAsync($"/api/v1/manuscripts/{id}");

        await byStranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        await byHead.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        byAuthor.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await factory.QueryAsync(db => db.Manuscripts.AnyAsync(m => m.Id == id))).ShouldBeFalse();
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Manuscript" && a.EntityId == id && a.Action == "manuscript.delete")))
            .ShouldBe(1);
        (await officer.DeleteAsync($"/api/v1/manuscripts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteDraft_Submitted_Conflict()
    {
        using var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        var response = await officer.DeleteAsync($"/api/v1/manuscripts/{id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.CannotDelete");
        (await factory.QueryAsync(db => db.Manuscripts.AnyAsync(m => m.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Notifications_ReadOneThenAll_OthersNotificationIs404()
    {
        using var officer = await factory.ApiClientAsync("officer");
        using var head = await factory.ApiClientAsync("head");
        using var officer2 = await factory.ApiClientAsync("officer2");
        var first = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var second = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");
        var notification = (await NotificationsAsync(head, first)).Single().Long("id");

        var foreign = await officer2.PostAsync($"/api/v1/notifications/{notification}/read", null);
        var read = await head.PostAsync($"/api/v1/notifications/{notification}/read", null);

        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        read.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NotificationsAsync(head, first)).Single().Bool("read").ShouldBeTrue();
        (await NotificationsAsync(head, second)).Single().Bool("read").ShouldBeFalse();

        (await head.PostAsync("/api/v1/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await head.GetAsync("/api/v1/notifications?unread=true")).ReadJsonAsync()).EnumerateArray().ShouldBeEmpty();
        (await (await officer2.GetAsync("/api/v1/notifications")).ReadJsonAsync()).EnumerateArray()
            .ShouldNotContain(n => n.Long("id") == notification);
    }
}
