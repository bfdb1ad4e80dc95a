using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Keywords;

/// <summary>
/// 审稿时的敏感词检查（默认敏感词表：“政治”为阻断类别，含“台独”；“不文明用语”类有“屌丝”，只提示）。
/// </summary>
public sealed class SensitiveReviewTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> SubmitAsync(string title, string body) =>
        (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"),
            new ManuscriptForm { Title = ManuscriptApi.Marker() + title, Body = body })).Long("id");

    [Fact]
    public async Task Approve_BlockingHit_409ListingWords_NothingChanges()
    {
        var id = await SubmitAsync("关于两岸交流的报道", "文中误写“台 独”势力一词。\n另有“屌丝”一词。");
        using var head = await factory.ApiClientAsync("head");

        var response = await head.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review", new { decision = "approve", comment = "同意" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.SensitiveBlocked",
            "稿件含有阻断类敏感词：台独。请退回修改；确需通过的，请勾选“确认放行”并说明理由。");
        (await ManuscriptApi.GetOkAsync(head, id)).Str("status").ShouldBe("in_review");

        var check = await (await head.GetAsync($"/api/v1/manuscripts/{id}/sensitive")).ReadJsonAsync();
        check.Bool("blocked").ShouldBeTrue();
        check.Strings("blockingWords").ShouldBe(["台独"]);
        // 正文为“文中误写“台 独”势力一词。\n另有“屌丝”一词。”：“台”是第 5 个码元（从 0 数），“台 独”含空格共 3 个；
        // 第一行 14 个码元加换行，“屌”是第 18 个。
        check.Items("hits").Select(h => (h.Str("field"), h.Str("keyword"), h.Bool("blocking"), h.Int("start"), h.Int("length")))
            .ShouldBe([("body", "台独", true, 5, 3), ("body", "屌丝", false, 18, 2)]);
    }

    [Fact]
    public async Task Approve_OverrideWithoutReason_400_WithReason_ApprovedAndRecorded()
    {
        var id = await SubmitAsync("台独分裂活动的危害（理论文章）", "本文批判分裂活动。");
        using var head = await factory.ApiClientAsync("head");

        var noReason = await head.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review", new { decision = "approve", @override = true, overrideReason = " " });
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Review.OverrideReasonRequired", "放行敏感词须说明理由。");

        var ok = await head.PostAsJsonAsync($"/api/v1/manuscripts/{id}/review",
            new { decision = "approve", comment = "同意。", @override = true, overrideReason = "批判性使用，经核实无误" });

        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var detail = await ok.ReadJsonAsync();
        detail.Items("history").Last().Str("comment").ShouldBe("【敏感词放行】台独；理由：批判性使用，经核实无误\n同意。");
        (await factory.AuditDetailsAsync("manuscript.sensitive-override")).ShouldContain("台独：批判性使用，经核实无误");
    }

    [Fact]
    public async Task Approve_OnlyNonBlockingHits_ApprovedWithoutOverride()
    {
        var id = await SubmitAsync("网络用语调查", "有青年自称“屌丝”。");
        using var head = await factory.ApiClientAsync("head");

        var detail = await ManuscriptApi.ReviewOkAsync(head, id, "approve", "同意");

        detail.Items("history").Last().Str("comment").ShouldBe("同意");
    }

    [Fact]
    public async Task ReviewPage_HighlightsHits_BlockedApprovalShowsWords_OverrideViaForm()
    {
        var id = await SubmitAsync("标题含台独一词", "正文也有台独。");
        using var head = await factory.SignInAsync("head");
        var (_, page) = await head.GetPageAsync($"/manuscripts/{id}");
        var panel = page.QuerySelector("[data-testid=sensitive-panel]")!;
        panel.GetAttribute("data-blocked").ShouldBe("true");
        panel.QuerySelector("[data-testid=sensitive-title] mark")!.TextContent.ShouldBe("台独");
        panel.QuerySelector("[data-testid=sensitive-body] mark")!.TextContent.ShouldBe("台独");
        var revision = page.QuerySelector("[data-testid=review-panel] input[name=revision]")!.GetAttribute("value")!;

        var blocked = await head.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review",
            new() { ["decision"] = "approve", ["comment"] = "同意", ["revision"] = revision });
        blocked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(blocked)).QuerySelector("[data-testid=review-panel] [data-testid=alert-danger]")!.TextContent.Trim()
            .ShouldBe("稿件含有阻断类敏感词：台独。请退回修改；确需通过的，请勾选“确认放行”并说明理由。");

        var approved = await head.PostFormAsync($"/manuscripts/{id}", $"/manuscripts/{id}/review", new()
        {
            ["decision"] = "approve", ["comment"] = "", ["revision"] = revision, ["override"] = "true", ["overrideReason"] = "引用原话，已核实",
        });
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Items("history").Last().Str("comment")
            .ShouldBe("【敏感词放行】台独；理由：引用原话，已核实");
    }

    [Fact]
    public async Task SensitiveApi_ManuscriptNotVisible_404()
    {
        var id = await SubmitAsync("普通稿件", "没有问题的正文。");
        using var other = await factory.ApiClientAsync("officer2");
        (await other.GetAsync($"/api/v1/manuscripts/{id}/sensitive")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
