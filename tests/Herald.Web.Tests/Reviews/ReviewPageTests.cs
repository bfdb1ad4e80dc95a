using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reviews;

/// <summary>在稿件页面上审核（表单）：与 API 同一处理逻辑，错误在页面上给出中文提示。</summary>
public sealed class ReviewPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> SubmittedAsync(string importance = "routine") =>
        (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker(), importance)).Long("id");

    private static async Task<string> RevisionAsync(WebSession session, long id)
    {
        var (response, page) = await session.GetPageAsync($"/manuscripts/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return page.QuerySelector("[data-testid=review-panel] input[name=revision]")!.GetAttribute("value")!;
    }

    [Fact]
    public async Task ReviewForm_Approve_RedirectsToInboxWithNotice()
    {
        var id = await SubmittedAsync();
        using var head = await factory.SignInAsync("head");
        var revision = await RevisionAsync(head, id);

        var response = await head.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review",
            new() { ["decision"] = "approve", ["comment"] = "同意。", ["revision"] = revision });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/reviews?done=approve&m={id}");
        var (_, inbox) = await head.GetPageAsync(response.Headers.Location.OriginalString);
        inbox.QuerySelector("[data-testid=alert-success]")!.TextContent.Trim().ShouldBe($"已审核通过稿件 #{id}。");
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Str("status").ShouldBe("approved");
    }

    [Fact]
    public async Task ReviewForm_ReturnWithoutReason_400PageWithMessage()
    {
        var id = await SubmittedAsync();
        using var head = await factory.SignInAsync("head");
        var revision = await RevisionAsync(head, id);

        var response = await head.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review",
            new() { ["decision"] = "return", ["comment"] = " ", ["revision"] = revision });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=review-panel] [data-testid=alert-danger]")!.TextContent.Trim()
            .ShouldBe("退回修改或不予采用时必须填写理由。");
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Str("status").ShouldBe("in_review");
    }

    [Fact]
    public async Task ReviewForm_AlreadyHandledElsewhere_400StaleMessageAndNoSecondApproval()
    {
        var id = await SubmittedAsync("important");
        using var head = await factory.SignInAsync("head");
        var revision = await RevisionAsync(head, id);
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve"); // 另一台设备上已处理

        var response = await head.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review",
            new() { ["decision"] = "approve", ["revision"] = revision });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim()
            .ShouldBe("这篇稿件已被处理或已更新，请刷新后再审核。");
        var json = await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id);
        json.GetProperty("currentStep").Int("step").ShouldBe(2);
        json.Items("history").Count(h => h.Str("action") == "approved").ShouldBe(1);
    }

    [Fact]
    public async Task ReviewForm_NotCurrentReviewer_403PageAndNoPanel()
    {
        var id = await SubmittedAsync("important");
        using var leader = await factory.SignInAsync("leader");
        var (detail, page) = await leader.GetPageAsync($"/manuscripts/{id}");
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=review-panel]").ShouldBeNull();

        var response = await leader.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review", new() { ["decision"] = "approve" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=error-message]")!.TextContent.Trim()
            .ShouldBe("您不是这篇稿件当前这一级的审核人。");
    }
}
