using System.Net;
using Herald.Domain.Notifications;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Manuscripts;

/// <summary>撤回：作者在第一位审核人处理前撤回，回到草稿；“请您审核”随之处理；之后 409；别人 403/404。</summary>
public sealed class WithdrawTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> SubmitAsync(string importance = "routine") =>
        (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker(), importance)).Long("id");

    [Fact]
    public async Task Withdraw_AuthorBeforeReview_DraftWithTimelineEntryAndReviewRequestResolved()
    {
        var id = await SubmitAsync();
        (await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.ManuscriptId == id && n.Kind == NotificationKind.ReviewRequested && n.ReadAt == null)))
            .ShouldBeTrue();
        using var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync($"/api/v1/manuscripts/{id}/withdraw", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        json.Str("status").ShouldBe("draft");
        json.Items("history")[^1].Str("action").ShouldBe("withdrawn");
        (await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.ManuscriptId == id && n.Kind == NotificationKind.ReviewRequested && n.ReadAt == null)))
            .ShouldBeFalse();
        // 回到草稿：草稿只有作者看得到，审核人那里不再有这篇稿件。
        using var head = await factory.ApiClientAsync("head");
        (await ManuscriptApi.ReviewAsync(head, id, "approve")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdraw_AfterFirstReviewerApproved_409InChinese()
    {
        var id = await SubmitAsync("important");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");
        using var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync($"/api/v1/manuscripts/{id}/withdraw", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.WithdrawAfterReview",
            "审核人已处理过这篇稿件，不能再撤回；如需修改，请联系审核人退回。");
        (await ManuscriptApi.GetOkAsync(officer, id)).Str("status").ShouldBe("in_review");
    }

    [Theory]
    [InlineData("head", HttpStatusCode.Forbidden, "Manuscript.NotAuthor")]
    [InlineData("officer2", HttpStatusCode.NotFound, "NotFound")]
    [InlineData("head2", HttpStatusCode.NotFound, "NotFound")]
    public async Task Withdraw_NotTheAuthor_RefusedAndStillInReview(string user, HttpStatusCode status, string code)
    {
        var id = await SubmitAsync();
        using var client = await factory.ApiClientAsync(user);

        var response = await client.PostAsync($"/api/v1/manuscripts/{id}/withdraw", null);

        await response.ShouldBeProblemAsync(status, code);
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Str("status").ShouldBe("in_review");
    }

    [Fact]
    public async Task WithdrawButton_AuthorWhileAllowed_WithdrawsAndHidesAfterwards()
    {
        var id = await SubmitAsync();
        using var session = await factory.SignInAsync("officer");
        var (_, before) = await session.GetPageAsync($"/manuscripts/{id}");
        before.QuerySelector("[data-testid=withdraw-manuscript]").ShouldNotBeNull();
        using var headSession = await factory.SignInAsync("head");
        (await headSession.GetPageAsync($"/manuscripts/{id}")).Document.QuerySelector("[data-testid=withdraw-manuscript]").ShouldBeNull();

        var response = await session.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/withdraw", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await session.GetPageAsync(response.Headers.Location!.OriginalString);
        after.QuerySelector("[data-testid=manuscript-detail]")!.GetAttribute("data-status").ShouldBe("draft");
        after.QuerySelector("[data-testid=withdraw-manuscript]").ShouldBeNull();
        after.QuerySelector(".alert-success")!.TextContent.ShouldContain("稿件已撤回");
    }

    [Fact]
    public async Task WithdrawButton_AfterFirstReviewerApproved_DetailAgainWithChineseMessage()
    {
        // 以前出错时用详情页没有的参数渲染（View、ReviewError），页面得到 500。
        var id = await SubmitAsync("important");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");
        using var session = await factory.SignInAsync("officer");

        var response = await session.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/withdraw", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=manuscript-detail]")!.GetAttribute("data-status").ShouldBe("in_review");
        page.QuerySelector(".alert-danger")!.TextContent.ShouldContain("审核人已处理过这篇稿件，不能再撤回");
    }
}
