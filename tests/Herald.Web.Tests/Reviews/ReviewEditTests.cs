using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Notifications;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Reviews;

/// <summary>
/// 审改（POST /api/v1/manuscripts/{id}/edit 与详情页上的“审改”）：当前这一级的审核人改标题和正文，新版本署审核人的名字，
/// 作者收到通知、在版本记录里看到改动；别人 403/404，过期 409，坏输入 400。
/// </summary>
public sealed class ReviewEditTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string EditedBody = "活动现场设置政策咨询、法律援助等服务摊位。\n\n共接待群众300余人次。";

    private async Task<(long Id, int Revision)> SubmitAsync(string importance = "routine", string? body = null)
    {
        var json = await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"),
            new ManuscriptForm { Title = ManuscriptApi.Marker() + "街道开展为民服务集中活动", Importance = importance, Body = body ?? new ManuscriptForm().Body });
        return (json.Long("id"), json.Int("revision"));
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, long id, string? title, string? body, int? revision) =>
        client.PostAsJsonAsync($"/api/v1/manuscripts/{id}/edit", new { title, body, revision });

    private Task<string> NameOfAsync(string userName) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync());

    [Fact]
    public async Task Edit_CurrentReviewer_NewVersionByReviewerStepKeptAuthorNotifiedAndAudited()
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");

        var response = await EditAsync(head, id, "街道开展“我为群众办实事”集中服务活动",
            "<p>活动现场设置政策咨询、法律援助等服务摊位。</p><script>alert(1)</script><p>共接待群众300余人次。</p>", revision);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.ReadJsonAsync();
        json.Str("title").ShouldBe("街道开展“我为群众办实事”集中服务活动");
        json.Str("bodyHtml").ShouldNotContain("script");
        json.Str("body").ShouldBe("活动现场设置政策咨询、法律援助等服务摊位。\n共接待群众300余人次。");
        (json.Str("status"), json.Int("version"), json.GetProperty("currentStep").Int("step")).ShouldBe(("in_review", 2, 1));
        json.Str("authorName").ShouldBe(await NameOfAsync("officer"));
        json.Items("history")[^1].Str("action").ShouldBe("review_edited");
        json.Items("history")[^1].Str("actor").ShouldBe(await NameOfAsync("head"));
        (await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.ManuscriptId == id && n.Kind == NotificationKind.ReviewEdited)))
            .ShouldBe(1);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "manuscript.review_edit" && a.EntityId == id))).ShouldBe(1);
        var audit = (await (await (await factory.ApiClientAsync("auditor")).GetAsync("/api/v1/audit?action=manuscript.review_edit&pageSize=100"))
            .ReadJsonAsync()).Items("items").First(i => i.Long("entityId") == id);
        // 审计记录管理员也能看，不记稿件标题（议题 9 第 10 项）。
        (audit.Str("actionName"), audit.Str("detailText")).ShouldBe(("审改稿件", "第 1 级审核；第 2 版"));
        // 审改不等于通过：这一级的审核人还要审核，“请您审核”仍未处理。
        (await factory.QueryAsync(db => db.Notifications.AnyAsync(n => n.ManuscriptId == id && n.Kind == NotificationKind.ReviewRequested && n.ReadAt == null)))
            .ShouldBeTrue();

        using var officer = await factory.ApiClientAsync("officer");
        var versions = await (await officer.GetAsync($"/api/v1/manuscripts/{id}/versions")).ReadJsonAsync();
        versions.Items("versions").Select(v => (v.Int("number"), v.Str("authorName"), v.Bool("reviewEdit")))
            .ShouldBe([(1, await NameOfAsync("officer"), false), (2, await NameOfAsync("head"), true)]);
        var diff = versions.GetProperty("diff");
        (diff.Int("fromVersion"), diff.Int("toVersion"), diff.Bool("toReviewEdit")).ShouldBe((1, 2, true));
        var segments = diff.Items("body").SelectMany(l => l.Items("segments")).Select(s => (s.Str("kind"), s.Str("text"))).ToList();
        segments.ShouldContain(("inserted", "法律援助"));
        segments.ShouldContain(("deleted", "医疗义诊"));
    }

    [Fact]
    public async Task Edit_StaleRevision_409InChineseAndNothingChanged()
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");
        await (await EditAsync(head, id, "第一次审改的标题", EditedBody, revision)).ReadJsonAsync();

        var response = await EditAsync(head, id, "第二次审改的标题", EditedBody + "\n再加一段。", revision);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.StaleEdit",
            "这篇稿件在您审改期间已被修改或已处理，为避免覆盖，本次审改未保存。请刷新后查看最新内容再审改。");
        var now = await ManuscriptApi.GetOkAsync(head, id);
        (now.Str("title"), now.Int("version")).ShouldBe(("第一次审改的标题", 2));
    }

    [Theory]
    [InlineData("officer", "routine", HttpStatusCode.Forbidden, "Review.NotReviewer")]   // 作者本人
    [InlineData("leader", "important", HttpStatusCode.Forbidden, "Review.NotReviewer")]  // 下一级的审核人，还没轮到
    [InlineData("office", "routine", HttpStatusCode.Forbidden, "Review.NotReviewer")]    // 看得到但不是审核人
    [InlineData("officer2", "routine", HttpStatusCode.NotFound, "NotFound")]            // 别的单位
    [InlineData("head2", "routine", HttpStatusCode.NotFound, "NotFound")]
    public async Task Edit_NotTheCurrentReviewer_RefusedAndUnchanged(string user, string importance, HttpStatusCode status, string code)
    {
        var (id, revision) = await SubmitAsync(importance);
        using var client = await factory.ApiClientAsync(user);

        var response = await EditAsync(client, id, "越权审改的标题", EditedBody, revision);

        await response.ShouldBeProblemAsync(status, code);
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Int("version").ShouldBe(1);
    }

    [Fact]
    public async Task Edit_AfterApproval_409NotInReview()
    {
        var (id, _) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");
        var approved = await ManuscriptApi.ReviewOkAsync(head, id, "approve");

        var response = await EditAsync(head, id, "审定后再改", EditedBody, approved.Int("revision"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.NotInReview");
    }

    public static TheoryData<string?, string?, bool, string> BadInputs => new()
    {
        { "", EditedBody, true, "Required" },
        { "标题\n换行", EditedBody, true, "Text.ControlCharacters" },
        { new string('标', 101), EditedBody, true, "TooLong" },
        { "审改后的标题", "", true, "Required" },
        { "审改后的标题", "正文里有响铃\u0007字符", true, "Text.ControlCharacters" },
        { "审改后的标题", new string('文', 200_001), true, "TooLong" },
        { "审改后的标题", EditedBody, false, "Required" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Edit_BadInput_400InChinese(string? title, string? body, bool withRevision, string code)
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");

        var response = await EditAsync(head, id, title, body, withRevision ? revision : null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.Str("detail").ShouldNotBeNullOrWhiteSpace();
        problem.Str("detail").ShouldNotContain(code);
    }

    [Fact]
    public async Task Edit_NothingChanged_400NoEmptyVersion()
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");
        var before = await ManuscriptApi.GetOkAsync(head, id);

        var response = await EditAsync(head, id, before.Str("title"), before.Str("bodyHtml"), revision);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Review.EditUnchanged", "标题和正文都没有改动，不必保存审改。");
    }

    [Fact]
    public async Task Approve_AfterEditAddedBlockingWord_GateChecksTheEditedText()
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");
        (await EditAsync(head, id, "审改后的标题", "审改时误写了“台独”一词。", revision)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await head.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review", new { decision = "approve" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.SensitiveBlocked");
    }

    [Theory]
    [InlineData("officer2")]
    [InlineData("head2")]
    public async Task Versions_OutOfScope_404(string user)
    {
        var (id, _) = await SubmitAsync();
        using var client = await factory.ApiClientAsync(user);

        await (await client.GetAsync($"/api/v1/manuscripts/{id}/versions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        using var session = await factory.SignInAsync(user);
        (await session.GetPageAsync($"/manuscripts/{id}/versions")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Versions_UnknownNumber_404()
    {
        var (id, _) = await SubmitAsync();
        using var officer = await factory.ApiClientAsync("officer");

        await (await officer.GetAsync($"/api/v1/manuscripts/{id}/versions?number=9")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task ReviewEditPage_Reviewer_SavesAndReturnsWithNotice_AuthorSeesMarkedDiff()
    {
        var (id, _) = await SubmitAsync();
        using var officerSession = await factory.SignInAsync("officer");
        (await officerSession.GetPageAsync($"/manuscripts/{id}")).Document.QuerySelector("[data-testid=review-edit]").ShouldBeNull();
        (await officerSession.GetPageAsync($"/manuscripts/{id}/review-edit")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var session = await factory.SignInAsync("head");
        var (_, detail) = await session.GetPageAsync($"/manuscripts/{id}");
        detail.QuerySelector("[data-testid=review-edit]")!.GetAttribute("href").ShouldBe($"/manuscripts/{id}/review-edit");
        var (_, form) = await session.GetPageAsync($"/manuscripts/{id}/review-edit");
        form.QuerySelector("[data-testid=review-edit-scope]")!.TextContent.ShouldContain("图片、图片说明和 Word 原件保持不变");
        form.QuerySelector("#body-editor").ShouldNotBeNull();
        var revision = form.QuerySelector("input[name=revision]")!.GetAttribute("value")!;

        var response = await session.PostFormAsync($"/manuscripts/{id}/review-edit", $"/manuscripts/{id}/review-edit", new()
        {
            ["title"] = "街道开展为民服务集中活动（审改）",
            ["bodyHtml"] = "<p>活动现场设置政策咨询、法律援助等服务摊位。</p><p>共接待群众300余人次。</p>",
            ["revision"] = revision,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=review-edited");
        var (_, after) = await session.GetPageAsync(response.Headers.Location.OriginalString);
        after.QuerySelector(".alert-success")!.TextContent.ShouldContain("审改已保存为第 2 版");
        after.QuerySelector("[data-testid=manuscript-detail]")!.GetAttribute("data-status").ShouldBe("in_review");

        var (_, authorView) = await officerSession.GetPageAsync($"/manuscripts/{id}");
        authorView.QuerySelector("[data-testid=diff-author]")!.TextContent.ShouldBe($"后一版由 {await NameOfAsync("head")} 审改");
        authorView.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("审改");
        var (_, versions) = await officerSession.GetPageAsync($"/manuscripts/{id}/versions?number=2");
        versions.QuerySelector("[data-testid=version-row][data-number='2']")!.GetAttribute("data-review-edit").ShouldBe("true");
        versions.QuerySelectorAll("[data-testid=diff] ins").Select(e => e.TextContent).ShouldContain("法律援助");
        versions.QuerySelectorAll("[data-testid=diff] del").Select(e => e.TextContent).ShouldContain("医疗义诊");
    }

    [Fact]
    public async Task ReviewEditPage_AuthorPostsTextWithHits_403NotTheCheckResults()
    {
        var (id, revision) = await SubmitAsync();
        using var session = await factory.SignInAsync("officer");

        var response = await session.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review-edit", new()
        {
            ["title"] = "作者想借审改页改标题",
            ["bodyHtml"] = "<p>传达学习二十大精神。</p>",
            ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Int("version").ShouldBe(1);
    }

    [Fact]
    public async Task ReviewEditPage_StaleRevision_RerendersWithChineseErrorAndTheTextTyped()
    {
        var (id, revision) = await SubmitAsync();
        using var head = await factory.ApiClientAsync("head");
        (await EditAsync(head, id, "别处先改了", EditedBody, revision)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var session = await factory.SignInAsync("head");

        var response = await session.PostFormAsync($"/manuscripts/{id}/review-edit", $"/manuscripts/{id}/review-edit", new()
        {
            ["title"] = "我在页上改的标题",
            ["bodyHtml"] = "<p>我在页上改的正文。</p>",
            ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.ShouldContain("本次审改未保存");
        page.QuerySelector("#title")!.GetAttribute("value").ShouldBe("我在页上改的标题");
        page.QuerySelector("#body-editor")!.InnerHtml.ShouldContain("我在页上改的正文");
    }
}
