using System.Net;
using Herald.Domain.Notifications;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>立案、交办、回应与审核、反馈、办结与重新打开（API）。时钟：2026-11-20 10:00 北京时间。</summary>
public sealed class CaseApiTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private const string NotFound = "找不到您要的内容，或您无权查看。";

    [Fact]
    public async Task Open_MajorCase_201WithDeadlinesFromThePolicyAndSuggestion()
    {
        var office = await factory.ApiClientAsync("office");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var a = await factory.ItemAsync("停水三天无人管", "微博", weight: 6, publishedAtUtc: now.AddHours(-2));
        var b = await factory.ItemAsync("小区停水物业推诿", "抖音", weight: 3, publishedAtUtc: now.AddHours(-30));

        var opened = await OpenAsync(office, [a, b], "major");

        opened.Status.ShouldBe(HttpStatusCode.Created, $"body: {opened.Json}");
        var c = opened.Json;
        (c.Str("status"), c.Str("severity"), c.Str("colour"), c.Str("level"), c.Str("sentiment")).ShouldBe(("open", "major", "orange", "Ⅱ", "negative"));
        // 6 (top weight) + 2×1 (items) + 4×1 (sources) + 3×1 (one item in the last 24 h) = 15 → significant
        (c.Str("suggestedSeverity"), c.Int("suggestedScore")).ShouldBe(("significant", 15));
        c.Items("items").Select(i => i.Long("id")).ShouldBe([b, a]);
        (opened.Clock("first_response").DueAt, opened.Clock("authoritative_info").DueAt, opened.Clock("press_conference").DueAt)
            .ShouldBe(("2026-11-20T03:00:00Z", "2026-11-20T07:00:00Z", "2026-11-21T02:00:00Z"));
        opened.Clock("authoritative_info").Json.Str("basis").ShouldBe("国办发〔2016〕80号、61号");
        c.Items("history").Select(e => (e.Str("action"), e.Str("actor"))).ShouldBe([("opened", "周敏")]);
        (await factory.AuditActionsAsync("OpinionCase", opened.Id)).ShouldBe(["opinion_case.open"]);
    }

    [Theory]
    [InlineData("critical", "2026-11-20T03:00:00Z", "2026-11-20T07:00:00Z", "2026-11-21T02:00:00Z")]
    public async Task Open_Critical_SameOfficialClocksAsMajor(string severity, string first, string info, string press)
    {
        var opened = await OpenAsync(await factory.ApiClientAsync("office"), [await factory.ItemAsync("爆炸")], severity);

        (opened.Clock("first_response").DueAt, opened.Clock("authoritative_info").DueAt, opened.Clock("press_conference").DueAt).ShouldBe((first, info, press));
    }

    [Theory]
    [InlineData("significant", "2026-11-20T06:00:00Z")]
    [InlineData("general", "2026-11-21T02:00:00Z")]
    public async Task Open_BelowMajor_AnswerWithin48Hours(string severity, string firstResponse)
    {
        var opened = await OpenAsync(await factory.ApiClientAsync("office"), [await factory.ItemAsync("咨询")], severity);

        opened.Json.Items("clocks").Select(x => x.Str("kind")).ShouldBe(["first_response", "answer"]);
        (opened.Clock("first_response").DueAt, opened.Clock("answer").DueAt).ShouldBe((firstResponse, "2026-11-22T02:00:00Z"));
        opened.Clock("answer").Json.Str("basis").ShouldBe("国办发〔2016〕61号");
    }

    [Fact]
    public async Task Open_ItemAlreadyInAnOpenCase_409AndNoSecondCase()
    {
        var office = await factory.ApiClientAsync("office");
        var item = await factory.ItemAsync("重复立案");
        (await OpenAsync(office, [item])).Status.ShouldBe(HttpStatusCode.Created);

        var second = await OpenAsync(office, [item]);

        await second.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.ItemTaken", $"编号为 {item} 的信息已在另一件未办结的舆情中，不能重复立案。");
        (await factory.QueryAsync(db => db.Set<Domain.Opinion.Cases.OpinionCaseItem>().CountAsync(i => i.ItemId == item))).ShouldBe(1);
    }

    [Fact]
    public async Task Open_BadInput_400WithChineseDetail()
    {
        var office = await factory.ApiClientAsync("office");

        await (await OpenAsync(office, [])).Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionCase.ItemsRequired");
        await (await OpenAsync(office, [987654])).Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionCase.ItemUnknown");
        await (await OpenAsync(office, [await factory.ItemAsync("x")], "huge")).Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Publishing.UnknownCode");
        var superior = await OpenAsync(office, [await factory.ItemAsync("上级交办")], superior: new { superiorOffice = "县委网信办", superiorReference = "" , superiorDueAt = "2026-11-21T17:00" });
        await superior.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("leader")]
    [InlineData("viewer")]
    public async Task Open_NotOffice_403(string user)
    {
        var result = await OpenAsync(await factory.ApiClientAsync(user), [await factory.ItemAsync("越权立案")]);

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Assign_UnitPeopleNotifiedAndCaseAssigned()
    {
        var id = await factory.AssignedCaseAsync();

        var detail = await GetAsync(await factory.ApiClientAsync("officer"), $"/api/v1/opinion/cases/{id}");

        (detail.Json.Str("status"), detail.Json.Str("unitName"), detail.Json.Str("instructions")).ShouldBe(("assigned", PartyOffice, "请今日内核实并回应。"));
        var notified = await factory.QueryAsync(db => db.Notifications.Where(n => n.OpinionCaseId == id && n.Kind == NotificationKind.OpinionAssigned)
            .Select(n => n.UserId).ToListAsync());
        notified.Order().ShouldBe(new[] { await factory.UserIdAsync("officer"), await factory.UserIdAsync("head") }.Order());
    }

    [Fact]
    public async Task Assign_UnitOutsideTheOfficesScopeOrNotOffice_403()
    {
        var office = await factory.ApiClientAsync("office");
        var opened = await OpenAsync(office, [await factory.ItemAsync("交办范围")]);

        var byHead = await PostAsync(await factory.ApiClientAsync("head"), $"/api/v1/opinion/cases/{opened.Id}/assign", new { unitId = 1, instructions = "x" });
        await byHead.Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        var noUnit = await PostAsync(office, $"/api/v1/opinion/cases/{opened.Id}/assign", new { unitId = 999999, instructions = "x" });
        await noUnit.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "OpinionCase.UnitOutOfScope");
    }

    [Fact]
    public async Task MajorResponse_ApprovedHeadLeaderPrincipal_ThenReleasedAndClockMet()
    {
        var id = await factory.AssignedCaseAsync("major");
        var recorded = await RespondAsync(await factory.ApiClientAsync("officer"), id);
        recorded.Status.ShouldBe(HttpStatusCode.Created, $"body: {recorded.Json}");
        var response = recorded.Json.Items("responses").Single();
        (response.Str("status"), response.Str("currentStepRole")).ShouldBe(("pending_approval", "unit_head"));
        response.Strings("route").ShouldBe(["unit_head", "supervising_leader", "principal"]);
        recorded.Clock("first_response").State.ShouldBe("met");
        recorded.Clock("authoritative_info").MetAt.ShouldBeNull();
        var responseId = response.Long("id");

        var early = await ReviewAsync(await factory.ApiClientAsync("leader"), id, responseId);
        await early.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Review.NotReviewer");

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        (await ReviewAsync(await factory.ApiClientAsync("head"), id, responseId, comment: "口径准确")).Status.ShouldBe(HttpStatusCode.OK);
        (await ReviewAsync(await factory.ApiClientAsync("leader"), id, responseId)).Status.ShouldBe(HttpStatusCode.OK);
        var released = await ReviewAsync(await factory.ApiClientAsync("principal"), id, responseId);

        released.Status.ShouldBe(HttpStatusCode.OK, $"body: {released.Json}");
        var r = released.Json.Items("responses").Single();
        (r.Str("status"), r.Str("releasedAt")).ShouldBe(("released", "2026-11-20T02:20:00Z"));
        (released.Clock("authoritative_info").State, released.Clock("authoritative_info").MetAt).ShouldBe(("met", "2026-11-20T02:20:00Z"));
        released.Json.Items("history").Where(e => e.Str("action") == "response_approved").Select(e => (e.Int("step"), e.Str("stepRole"), e.Str("actor")))
            .ShouldBe([(1, "unit_head", "张建国"), (2, "supervising_leader", "陈志强"), (3, "principal", "赵立新")]);
        var kinds = await factory.QueryAsync(db => db.Notifications.Where(n => n.OpinionCaseId == id).Select(n => n.Kind).ToListAsync());
        kinds.Count(k => k == NotificationKind.OpinionApprovalRequested).ShouldBe(3);
        kinds.ShouldContain(NotificationKind.OpinionResponseReleased);
        factory.Clock.Advance(TimeSpan.FromMinutes(-20));
    }

    [Fact]
    public async Task MajorResponse_Returned_NotReleasedRecorderTold()
    {
        var id = await factory.AssignedCaseAsync("critical");
        var responseId = (await RespondAsync(await factory.ApiClientAsync("officer"), id)).Json.Items("responses").Single().Long("id");

        var noReason = await ReviewAsync(await factory.ApiClientAsync("head"), id, responseId, "return");
        await noReason.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");
        var returned = await ReviewAsync(await factory.ApiClientAsync("head"), id, responseId, "return", "请补充抢修进度");

        var r = returned.Json.Items("responses").Single();
        (r.Str("status"), r.Str("returnReason")).ShouldBe(("returned", "请补充抢修进度"));
        var told = await factory.QueryAsync(db => db.Notifications.Where(n => n.OpinionCaseId == id && n.Kind == NotificationKind.OpinionResponseReturned)
            .Select(n => n.UserId).ToListAsync());
        told.ShouldBe([await factory.UserIdAsync("officer")]);
    }

    [Fact]
    public async Task GeneralResponse_ReleasedAtOnce()
    {
        var id = await factory.AssignedCaseAsync();

        var recorded = await RespondAsync(await factory.ApiClientAsync("head"), id);

        recorded.Json.Items("responses").Single().Str("status").ShouldBe("released");
        recorded.Clock("answer").State.ShouldBe("met");
        recorded.Json.Str("status").ShouldBe("handling");
    }

    [Fact]
    public async Task Response_OtherUnit_404_Viewer_403()
    {
        var id = await factory.AssignedCaseAsync();

        await (await RespondAsync(await factory.ApiClientAsync("officer2"), id)).Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        await (await RespondAsync(await factory.ApiClientAsync("viewer"), id)).Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Response_StaleRevision_409NothingDuplicated()
    {
        var id = await factory.AssignedCaseAsync();
        var officer = await factory.ApiClientAsync("officer");
        var revision = (await GetAsync(officer, $"/api/v1/opinion/cases/{id}")).Json.Int("revision");
        (await PostAsync(officer, $"/api/v1/opinion/cases/{id}/responses", new { statement = "通报", revision })).Status.ShouldBe(HttpStatusCode.Created);

        var again = await PostAsync(officer, $"/api/v1/opinion/cases/{id}/responses", new { statement = "通报", revision });

        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.Stale");
        (await GetAsync(officer, $"/api/v1/opinion/cases/{id}")).Json.Items("responses").Count.ShouldBe(1);
    }

    [Fact]
    public async Task SuperiorCase_CloseWithoutFeedback409_FeedbackThenClose()
    {
        var id = await factory.AssignedCaseAsync(superior: new { superiorOffice = "县委网信办", superiorReference = "县网信〔2026〕7号", superiorDueAt = "2026-11-21T17:00" });
        var office = await factory.ApiClientAsync("office");
        var officer = await factory.ApiClientAsync("officer");
        (await PostAsync(officer, $"/api/v1/opinion/cases/{id}/disposals", new { description = "已派人现场核查" })).Status.ShouldBe(HttpStatusCode.Created);

        var early = await PostAsync(office, $"/api/v1/opinion/cases/{id}/close", new { summary = "已解决", lessons = "提前公告" });
        await early.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.FeedbackRequired",
            "上级交办的舆情须先向上级反馈办理情况，才能办结。");

        var fed = await PostAsync(officer, $"/api/v1/opinion/cases/{id}/feedback", new { report = "已恢复供水，向居民说明情况。" });
        fed.Status.ShouldBe(HttpStatusCode.OK, $"body: {fed.Json}");
        (fed.Json.Str("status"), fed.Json.Str("superiorReference")).ShouldBe(("fed_back", "县网信〔2026〕7号"));
        (fed.Clock("feedback").DueAt, fed.Clock("feedback").State).ShouldBe(("2026-11-21T09:00:00Z", "met"));
        var closed = await PostAsync(office, $"/api/v1/opinion/cases/{id}/close", new { summary = "已解决", lessons = "停水须提前公告" });
        (closed.Json.Str("status"), closed.Json.Str("closeSummary"), closed.Json.Str("lessons")).ShouldBe(("closed", "已解决", "停水须提前公告"));
    }

    [Fact]
    public async Task CloseAndReopen_ItemsReleasedThenTakenBack()
    {
        var id = await factory.AssignedCaseAsync();
        var office = await factory.ApiClientAsync("office");
        await RespondAsync(await factory.ApiClientAsync("officer"), id);
        await (await PostAsync(office, $"/api/v1/opinion/cases/{id}/close", new { summary = "已回应", lessons = "" })).Response
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");
        var closed = await PostAsync(office, $"/api/v1/opinion/cases/{id}/close", new { summary = "已回应", lessons = "及时回应" });
        closed.Json.Str("status").ShouldBe("closed");
        closed.Json.Items("items").ShouldAllBe(i => !i.Bool("active"));

        var noReason = await PostAsync(office, $"/api/v1/opinion/cases/{id}/reopen", new { reason = " " });
        await noReason.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");
        var reopened = await PostAsync(office, $"/api/v1/opinion/cases/{id}/reopen", new { reason = "居民再次投诉" });

        (reopened.Json.Str("status"), reopened.Json.Int("reopenCount")).ShouldBe(("handling", 1));
        reopened.Json.Items("items").ShouldAllBe(i => i.Bool("active"));
        reopened.Json.Items("history").Select(e => e.Str("action")).TakeLast(2).ShouldBe(["closed", "reopened"]);
        var again = await PostAsync(office, $"/api/v1/opinion/cases/{id}/reopen", new { reason = "再来" });
        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.NotClosed");
    }

    [Fact]
    public async Task Reopen_ItemMeanwhileInAnotherOpenCase_409()
    {
        var office = await factory.ApiClientAsync("office");
        var item = await factory.ItemAsync("再次发酵");
        var first = await OpenAsync(office, [item]);
        await PostAsync(office, $"/api/v1/opinion/cases/{first.Id}/assign", new { unitId = await factory.UnitIdAsync(PartyOffice), instructions = "核实" });
        await RespondAsync(await factory.ApiClientAsync("officer"), first.Id);
        await PostAsync(office, $"/api/v1/opinion/cases/{first.Id}/close", new { summary = "已回应", lessons = "无" });
        (await OpenAsync(office, [item])).Status.ShouldBe(HttpStatusCode.Created);

        var reopen = await PostAsync(office, $"/api/v1/opinion/cases/{first.Id}/reopen", new { reason = "又有投诉" });

        await reopen.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.ItemTaken");
        (await GetAsync(office, $"/api/v1/opinion/cases/{first.Id}")).Json.Str("status").ShouldBe("closed");
    }

    [Fact]
    public async Task List_FiltersByStatusAndSeverity_BadCode400()
    {
        var office = await factory.ApiClientAsync("office");
        var major = (await OpenAsync(office, [await factory.ItemAsync("筛选重大")], "major", "筛选用重大舆情")).Id;
        var general = (await OpenAsync(office, [await factory.ItemAsync("筛选一般")], "general", "筛选用一般舆情")).Id;

        var majors = await GetAsync(office, "/api/v1/opinion/cases?status=open&severity=major&pageSize=100");
        majors.Json.Items("items").Select(i => i.Long("id")).ShouldContain(major);
        majors.Json.Items("items").Select(i => i.Long("id")).ShouldNotContain(general);
        majors.Json.Items("items").ShouldAllBe(i => i.Str("severity") == "major" && i.Str("status") == "open");
        var row = majors.Json.Items("items").Single(i => i.Long("id") == major);
        (row.Str("colour"), row.GetProperty("nextClock").Str("kind")).ShouldBe(("orange", "first_response"));

        var bad = await GetAsync(office, "/api/v1/opinion/cases?status=sleeping");
        await bad.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Publishing.UnknownCode");
    }

    [Fact]
    public async Task Attachments_ContentCheckedAndDownloadable()
    {
        var id = await factory.AssignedCaseAsync();
        var officer = await factory.ApiClientAsync("officer");
        var png = Documents.TestImages.Png(40, 30);
        using var ok = new MultipartFormDataContent
        {
            { new StringContent("现场已抢修完毕"), "description" },
            { new ByteArrayContent(png), "files", "现场.png" },
        };
        var recorded = new ApiResult(await officer.PostAsync($"/api/v1/opinion/cases/{id}/disposals", ok), default);
        recorded = recorded with { Json = await recorded.Response.ReadJsonAsync() };
        recorded.Status.ShouldBe(HttpStatusCode.Created, $"body: {recorded.Json}");
        var file = recorded.Json.Items("disposals").Single().Items("attachments").Single();
        (file.Str("fileName"), file.Str("contentType")).ShouldBe(("现场.png", "image/png"));
        var download = await officer.GetAsync("/api/v1" + file.Str("url"));
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        (await (await factory.ApiClientAsync("officer2")).GetAsync("/api/v1" + file.Str("url"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var disguised = new MultipartFormDataContent
        {
            { new StringContent("附上截图"), "description" },
            { new ByteArrayContent(TestFiles.Exe()), "files", "截图.png" },
        };
        var refused = await officer.PostAsync($"/api/v1/opinion/cases/{id}/disposals", disguised);
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionCase.FileNotAllowed", "“截图.png”不是 JPEG、PNG 图片或 PDF 文件。");
        (await GetAsync(officer, $"/api/v1/opinion/cases/{id}")).Json.Items("disposals").Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeadlineRules_SeededWithTheOfficialRules()
    {
        var rules = await GetAsync(await factory.ApiClientAsync("viewer"), "/api/v1/opinion/deadline-rules");

        rules.Json.EnumerateArray().Where(r => r.GetProperty("minutes").ValueKind != System.Text.Json.JsonValueKind.Null)
            .Select(r => (r.Str("severity"), r.Str("kind"), r.Int("minutes"))).ShouldBe(
            [
                ("critical", "first_response", 60), ("critical", "authoritative_info", 300), ("critical", "press_conference", 1440),
                ("major", "first_response", 60), ("major", "authoritative_info", 300), ("major", "press_conference", 1440),
                ("significant", "first_response", 240), ("significant", "answer", 2880),
                ("general", "first_response", 1440), ("general", "answer", 2880),
            ]);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheCaseEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/opinion/cases", "/api/v1/opinion/cases/{id}", "/api/v1/opinion/cases/{id}/assign",
                     "/api/v1/opinion/cases/{id}/responses", "/api/v1/opinion/cases/{id}/close", "/api/v1/opinion/cases/{id}/reopen" })
            json.ShouldContain($"\"{path}\"");
        json.ShouldContain("立案研判（宣传办）");
    }
}
