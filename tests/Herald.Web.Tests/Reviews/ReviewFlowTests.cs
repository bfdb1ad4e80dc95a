using System.Net;
using System.Text.Json;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Reviews;

/// <summary>分级审核的完整流程：一般、重要、重大三条路线，退回修改后重新报送，不予采用。</summary>
public sealed class ReviewFlowTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static IReadOnlyList<(string Role, string State)> Route(JsonElement json) =>
        json.Items("route").Select(r => (r.Str("role"), r.Str("state"))).ToList();

    private static IReadOnlyList<string> Actions(JsonElement json) =>
        json.Items("history").Select(h => h.Str("action")).ToList();

    [Fact]
    public async Task Review_RoutineApprovedByHead_ApprovedAndInOfficePool()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var marker = ManuscriptApi.Marker();
        var id = (await ManuscriptApi.SubmitAsync(officer, marker)).Long("id");

        var json = await ManuscriptApi.ReviewOkAsync(head, id, "approve", "内容属实，同意报送。");

        json.Str("status").ShouldBe("approved");
        json.IsNull("currentStep").ShouldBeTrue();
        json.IsNull("approvedAt").ShouldBeFalse();
        Route(json).ShouldBe([("unit_head", "done")]);
        Actions(json).ShouldBe(["created", "submitted", "approved"]);
        var approval = json.Items("history")[^1];
        approval.Str("actor").ShouldBe("张建国");
        approval.Str("comment").ShouldBe("内容属实，同意报送。");
        approval.Int("step").ShouldBe(1);
        approval.Str("role").ShouldBe("unit_head");
        approval.Str("from").ShouldBe("in_review");
        approval.Str("to").ShouldBe("approved");

        var office = await factory.ApiClientAsync("office");
        (await ManuscriptApi.ListIdsAsync(office, $"status=approved&q={marker}")).ShouldBe([id]);
        using var officeSession = await factory.SignInAsync("office");
        var (pool, page) = await officeSession.GetPageAsync("/pool");
        pool.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=manuscript-list]")!.TextContent.ShouldContain(marker);
    }

    [Fact]
    public async Task Review_ImportantRoute_HeadThenSupervisingLeader()
    {
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "important")).Long("id");

        var afterHead = await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");

        afterHead.Str("status").ShouldBe("in_review");
        var current = afterHead.GetProperty("currentStep");
        current.Int("step").ShouldBe(2);
        current.Str("role").ShouldBe("supervising_leader");
        current.Strings("reviewers").ShouldBe(["陈志强"]);
        Route(afterHead).ShouldBe([("unit_head", "done"), ("supervising_leader", "current")]);

        var afterLeader = await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("leader"), id, "approve", "同意。");

        afterLeader.Str("status").ShouldBe("approved");
        Route(afterLeader).ShouldBe([("unit_head", "done"), ("supervising_leader", "done")]);
        Actions(afterLeader).ShouldBe(["created", "submitted", "approved", "approved"]);
        afterLeader.Items("history").Select(h => h.StrOrNull("actor")).ShouldBe(["李文静", "李文静", "张建国", "陈志强"]);
    }

    [Fact]
    public async Task Review_MajorRoute_HeadLeaderThenPrincipal()
    {
        var officer = await factory.ApiClientAsync("officer");
        var submitted = await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), "major");
        var id = submitted.Long("id");
        Route(submitted).ShouldBe([("unit_head", "current"), ("supervising_leader", "pending"), ("principal", "pending")]);

        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");
        var atPrincipal = await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("leader"), id, "approve");

        atPrincipal.Str("status").ShouldBe("in_review");
        atPrincipal.GetProperty("currentStep").Int("step").ShouldBe(3);
        atPrincipal.GetProperty("currentStep").Str("role").ShouldBe("principal");
        atPrincipal.GetProperty("currentStep").Strings("reviewers").ShouldBe(["赵立新"]);
        Route(atPrincipal).ShouldBe([("unit_head", "done"), ("supervising_leader", "done"), ("principal", "current")]);

        var approved = await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("principal"), id, "approve");

        approved.Str("status").ShouldBe("approved");
        approved.Items("history").Where(h => h.Str("action") == "approved").Select(h => h.Int("step")).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Review_ReturnedThenResubmitted_RestartsAtStepOneAsVersionTwoWithDiff()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var leader = await factory.ApiClientAsync("leader");
        var marker = ManuscriptApi.Marker();
        var form = new ManuscriptForm { Title = marker + "开展集中服务", Importance = "important", Body = "第一段不变。\n\n共接待群众300余人次。" };
        var id = (await ManuscriptApi.SubmitAsync(officer, form)).Long("id");
        await ManuscriptApi.ReviewOkAsync(head, id, "approve");

        var returned = await ManuscriptApi.ReviewOkAsync(leader, id, "return", "请补充具体数据。");

        returned.Str("status").ShouldBe("returned");
        returned.IsNull("currentStep").ShouldBeTrue();
        Route(returned).ShouldBe([("unit_head", "done"), ("supervising_leader", "returned")]);
        var reason = returned.Items("history")[^1];
        (reason.Str("action"), reason.Str("comment"), reason.Int("step"), reason.Str("to")).ShouldBe(("returned", "请补充具体数据。", 2, "returned"));
        (await officer.GetAsync($"/api/v1/manuscripts/{id}/diff")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var edited = new ManuscriptForm
        {
            Title = marker + "开展集中服务", Importance = "important",
            Body = "第一段不变。\n\n共接待群众320余人次。\n\n新增一段。",
            Revision = returned.Int("revision"),
        };
        var resubmitted = await ManuscriptApi.ResubmitAsync(officer, id, edited);

        resubmitted.Status.ShouldBe(HttpStatusCode.OK, $"body: {resubmitted.Json}");
        var json = resubmitted.Json;
        json.Str("status").ShouldBe("in_review");
        json.Int("version").ShouldBe(2);
        json.GetProperty("currentStep").Int("step").ShouldBe(1);
        json.GetProperty("currentStep").Str("role").ShouldBe("unit_head");
        Route(json).ShouldBe([("unit_head", "current"), ("supervising_leader", "pending")]);
        Actions(json).ShouldBe(["created", "submitted", "approved", "returned", "resubmitted"]);
        json.Items("history")[^1].Int("version").ShouldBe(2);
        json.Str("name").ShouldBe((await ManuscriptApi.GetOkAsync(officer, id)).Str("name")); // 名称不因重新报送而改变

        var diffResponse = await head.GetAsync($"/api/v1/manuscripts/{id}/diff");
        diffResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var diff = await diffResponse.ReadJsonAsync();
        (diff.Int("fromVersion"), diff.Int("toVersion")).ShouldBe((1, 2));
        diff.Items("title").Select(l => l.Str("kind")).ShouldBe(["unchanged"]);
        var body = diff.Items("body");
        body.Select(l => l.Str("kind")).ShouldBe(["unchanged", "modified", "inserted"]);
        var segments = body[1].Items("segments").Select(s => (s.Str("kind"), s.Str("text"))).ToList();
        string.Concat(segments.Where(s => s.Item1 != "inserted").Select(s => s.Item2)).ShouldBe("共接待群众300余人次。");
        string.Concat(segments.Where(s => s.Item1 != "deleted").Select(s => s.Item2)).ShouldBe("共接待群众320余人次。");
        segments.ShouldContain(("inserted", "2"));
        body[2].Items("segments").Single().Str("text").ShouldBe("新增一段。");

        // 重新走完路线。
        await ManuscriptApi.ReviewOkAsync(head, id, "approve");
        (await ManuscriptApi.ReviewOkAsync(leader, id, "approve")).Str("status").ShouldBe("approved");
    }

    [Fact]
    public async Task Review_DetailPageForReviewer_ShowsRouteHistoryAndDiff()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var id = (await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = "页面上的差异", Body = "原来的句子。" })).Long("id");
        await ManuscriptApi.ReviewOkAsync(head, id, "return", "请改写。");
        await ManuscriptApi.ResubmitAsync(officer, id, new ManuscriptForm { Title = "页面上的差异", Body = "改写后的句子。" });
        using var session = await factory.SignInAsync("head");

        var (response, page) = await session.GetPageAsync($"/manuscripts/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=route-step]").Length.ShouldBe(1);
        page.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("请改写。");
        page.QuerySelector("[data-testid=diff]")!.TextContent.ShouldContain("改写后");
        page.QuerySelector("[data-testid=review-panel]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Review_Rejected_TerminalWithReason()
    {
        var officer = await factory.ApiClientAsync("officer");
        var head = await factory.ApiClientAsync("head");
        var id = (await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker())).Long("id");

        var rejected = await ManuscriptApi.ReviewOkAsync(head, id, "reject", "内容与本单位工作无关。");

        rejected.Str("status").ShouldBe("rejected");
        rejected.IsNull("currentStep").ShouldBeTrue();
        Route(rejected).ShouldBe([("unit_head", "rejected")]);
        var last = rejected.Items("history")[^1];
        (last.Str("action"), last.Str("comment"), last.Str("to")).ShouldBe(("rejected", "内容与本单位工作无关。", "rejected"));

        var again = await ManuscriptApi.ReviewAsync(head, id, "approve");
        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Review.NotInReview", "稿件当前为“不予采用”，不在审核中。");
        var resubmit = await ManuscriptApi.ResubmitAsync(officer, id, new ManuscriptForm());
        await resubmit.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Manuscript.NotEditable", "“不予采用”状态的稿件不能修改。");
    }

    [Fact]
    public async Task Resubmit_DraftThroughApi_SubmitsIt()
    {
        var officer = await factory.ApiClientAsync("officer");
        var draft = await ManuscriptApi.SubmitAsync(officer, ManuscriptApi.Marker(), draft: true);

        var submitted = await ManuscriptApi.ResubmitAsync(officer, draft.Long("id"), new ManuscriptForm { Title = draft.Str("title") });

        submitted.Status.ShouldBe(HttpStatusCode.OK);
        submitted.Json.Str("status").ShouldBe("in_review");
        submitted.Json.Int("version").ShouldBe(1);
        Actions(submitted.Json).ShouldBe(["created", "submitted"]);
    }
}
