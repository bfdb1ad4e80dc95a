using System.Net;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>网页：从选中的信息立案，到交办、回应（带附件）、反馈、办结；出错重新显示不丢输入；重复提交 409；范围外 404。</summary>
public sealed class CasePageTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private static long IdFrom(HttpResponseMessage response) =>
        long.Parse(response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task FullLoop_FromItemsToClosedCase_ThroughThePages()
    {
        var a = await factory.ItemAsync("网传幸福小区停水", "微博", weight: 5);
        var b = await factory.ItemAsync("小区停水无人管", "抖音");
        var office = await factory.SignInAsync("office");

        var (formResponse, form) = await office.GetPageAsync($"/opinion/cases/new?items={a},{b}");
        formResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelectorAll("[data-testid=selected-items] li").Length.ShouldBe(2);
        form.QuerySelector("[data-testid=suggestion]")!.GetAttribute("data-severity").ShouldBe("significant");   // 5 + 2×1 + 4×1 + 3×2 = 17
        var opened = await office.PostFormAsync($"/opinion/cases/new?items={a},{b}", "/opinion/cases/new", new()
        {
            ["itemIds"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture), ["title"] = "网传幸福小区停水三天", ["summary"] = "网民集中反映停水。",
            ["category"] = "公共服务", ["severity"] = "significant", ["sentiment"] = "negative",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
        var id = IdFrom(opened);
        var detailUrl = $"/opinion/cases/{id}";

        var assign = await office.PostFormAsync(detailUrl, $"{detailUrl}/assign", new()
        {
            ["unitId"] = (await factory.UnitIdAsync(PartyOffice)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["instructions"] = "请今日内核实回应", ["dueAt"] = "2026-11-21T12:00", ["revision"] = "0",
        });
        assign.Headers.Location!.OriginalString.ShouldBe($"{detailUrl}?notice=assigned");

        var officer = await factory.SignInAsync("officer");
        var (_, unitView) = await officer.GetPageAsync(detailUrl);
        unitView.QuerySelector("[data-testid=response-form]").ShouldNotBeNull();
        unitView.QuerySelector("[data-testid=assign-form]").ShouldBeNull();
        var revision = unitView.QuerySelector("[data-testid=response-form] input[name=revision]")!.GetAttribute("value")!;
        using (var content = new MultipartFormDataContent
               {
                   { new StringContent("statement"), "kind" }, { new StringContent("关于停水情况的说明"), "statement" },
                   { new StringContent(revision), "revision" }, { new ByteArrayContent(Documents.TestImages.Png(20, 20)), "files", "通报.png" },
               })
        {
            var recorded = await officer.PostMultipartAsync(detailUrl, $"{detailUrl}/responses", content);
            recorded.Headers.Location!.OriginalString.ShouldBe($"{detailUrl}?notice=response");
        }
        (await officer.PostFormAsync(detailUrl, $"{detailUrl}/feedback", new() { ["report"] = "已恢复供水并说明情况" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var close = await office.PostFormAsync(detailUrl, $"{detailUrl}/close", new() { ["summary"] = "已回应并恢复供水", ["lessons"] = "停水提前公告" });
        close.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, page) = await office.GetPageAsync(detailUrl);
        var root = page.QuerySelector("[data-testid=case-detail]")!;
        (root.GetAttribute("data-status"), root.GetAttribute("data-severity")).ShouldBe(("closed", "significant"));
        page.QuerySelectorAll("[data-testid=history] li").Select(r => r.GetAttribute("data-action")).ShouldBe(
            ["opened", "assigned", "response_recorded", "response_released", "feedback_submitted", "closed"]);
        page.QuerySelector("[data-testid=response] [data-testid=case-file]")!.TextContent.ShouldContain("通报.png");
        page.QuerySelector("[data-testid=clocks] [data-kind=answer]")!.GetAttribute("data-state").ShouldBe("met");
        page.QuerySelector("[data-testid=reopen-form]").ShouldNotBeNull();

        var (_, list) = await office.GetPageAsync("/opinion/cases?status=closed&severity=significant");
        var row = list.QuerySelector($"[data-testid=case-row][data-id='{id}']")!;
        row.QuerySelector("[data-severity]")!.TextContent.ShouldContain("较大");
        row.QuerySelector("[data-case-status]")!.TextContent.ShouldBe("已办结");
    }

    [Fact]
    public async Task CloseForm_MissingLessons_400KeepsInputWithChineseMessage()
    {
        var id = await factory.AssignedCaseAsync();
        await RespondAsync(await factory.ApiClientAsync("officer"), id);
        var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/opinion/cases/{id}", $"/opinion/cases/{id}/close", new() { ["summary"] = "已经回应", ["lessons"] = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=close-form] [data-testid=alert-danger]")!.TextContent.ShouldContain("经验教训：此项为必填项。");
        page.QuerySelector("[data-testid=close-form] textarea[name=summary]")!.TextContent.ShouldBe("已经回应");
    }

    [Fact]
    public async Task CloseForm_MissingSummary_ErrorNamesTheCloseSummaryField_NotTheCaseSummary()
    {
        var id = await factory.AssignedCaseAsync();
        await RespondAsync(await factory.ApiClientAsync("officer"), id);
        var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync($"/opinion/cases/{id}", $"/opinion/cases/{id}/close", new() { ["summary"] = "", ["lessons"] = "提前公告" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        // 办结表单上这一栏叫"办结情况"；"研判摘要"是立案时写的另一栏。
        page.QuerySelector("[data-testid=close-form] [data-testid=alert-danger]")!.TextContent.Trim().ShouldBe("办结情况：此项为必填项。");
        page.QuerySelector("[data-testid=close-form] textarea[name=lessons]")!.TextContent.ShouldBe("提前公告");
        var api = await CaseSetup.PostAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{id}/close", new { summary = "", lessons = "提前公告" });
        api.Status.ShouldBe(HttpStatusCode.BadRequest);
        api.Json.GetProperty("errors").TryGetProperty("summary", out _).ShouldBeTrue($"body: {api.Json}");
    }

    [Fact]
    public async Task ResponseForm_SubmittedTwice_SecondIs409AndOnlyOneResponse()
    {
        var id = await factory.AssignedCaseAsync();
        var officer = await factory.SignInAsync("officer");
        var fields = new Dictionary<string, string> { ["statement"] = "情况说明", ["revision"] = "1" };

        (await officer.PostFormAsync($"/opinion/cases/{id}", $"/opinion/cases/{id}/responses", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await officer.PostFormAsync($"/opinion/cases/{id}", $"/opinion/cases/{id}/responses", fields);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WebSession.ParseAsync(again)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("刚被修改过");
        (await factory.QueryAsync(db => db.Set<OpinionResponse>().CountAsync(r => r.CaseId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Notification_AssignedCase_ShownInChineseAndOpensTheCase()
    {
        var id = await factory.AssignedCaseAsync();
        var officer = await factory.SignInAsync("officer");

        var (_, page) = await officer.GetPageAsync("/notifications");
        var item = page.QuerySelectorAll("[data-testid=notification][data-kind=OpinionAssigned]")
            .First(n => n.TextContent.Contains("舆情“") && n.TextContent.Contains("已交办给您的单位（周敏）"));
        var opened = await officer.PostFormAsync("/notifications", item.GetAttribute("action")!, new());

        opened.Headers.Location!.OriginalString.ShouldBe($"/opinion/cases/{id}");
    }

    [Fact]
    public async Task Detail_OtherUnit_404Page()
    {
        var id = await factory.AssignedCaseAsync();

        var (response, _) = await (await factory.SignInAsync("officer2")).GetPageAsync($"/opinion/cases/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MajorCase_ReviewerSeesApproveButtons_AndApprovesThroughThePage()
    {
        var id = await factory.AssignedCaseAsync("major");
        await RespondAsync(await factory.ApiClientAsync("officer"), id);
        var head = await factory.SignInAsync("head");

        var (_, page) = await head.GetPageAsync($"/opinion/cases/{id}");
        var form = page.QuerySelector("[data-testid=review-form]")!;
        var action = form.GetAttribute("action")!;
        var approved = await head.PostFormAsync($"/opinion/cases/{id}", action, new() { ["decision"] = "approve", ["comment"] = "同意" });

        approved.Headers.Location!.OriginalString.ShouldBe($"/opinion/cases/{id}?notice=reviewed");
        var (_, leaderPage) = await (await factory.SignInAsync("leader")).GetPageAsync($"/opinion/cases/{id}");
        leaderPage.QuerySelector("[data-testid=review-form]").ShouldNotBeNull();
        (await head.GetPageAsync($"/opinion/cases/{id}")).Document.QuerySelector("[data-testid=review-form]").ShouldBeNull();
    }

    [Fact]
    public async Task PolicyPage_OfficeEditsARule_NewCasesUseIt_OldOnesKeepTheirClock()
    {
        var office = await factory.SignInAsync("office");
        var before = await factory.AssignedCaseAsync();
        var (_, page) = await office.GetPageAsync("/opinion/policy");
        page.QuerySelector("[data-testid=hours-general_answer]")!.GetAttribute("value").ShouldBe("48");
        var fields = page.QuerySelectorAll("[data-testid=policy-form] input")
            .Where(i => i.GetAttribute("name") is { } n && !n.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["h_general_answer"] = "36";

        try
        {
            var saved = await office.PostFormAsync("/opinion/policy", "/opinion/policy", fields);
            saved.Headers.Location!.OriginalString.ShouldBe("/opinion/policy?notice=saved");

            var after = await OpenAsync(await factory.ApiClientAsync("office"), [await factory.ItemAsync("新规则")]);
            after.Clock("answer").DueAt.ShouldBe(factory.Clock.GetUtcNow().UtcDateTime.AddHours(36).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            var old = await GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{before}");
            old.Clock("answer").Json.GetProperty("minutes").GetInt32().ShouldBe(2880);
        }
        finally
        {
            fields["h_general_answer"] = "48";
            await office.PostFormAsync("/opinion/policy", "/opinion/policy", fields);
        }
    }

    [Fact]
    public async Task PolicyPage_BadHours_400AndNotSaved_NotOffice_403()
    {
        var office = await factory.SignInAsync("office");

        var bad = await office.PostFormAsync("/opinion/policy", "/opinion/policy", new() { ["h_major_first_response"] = "0.01" });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(bad)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("时限须在 10 分钟到 43200 分钟之间");
        (await factory.QueryAsync(db => db.Set<OpinionDeadlineRule>().SingleAsync(r => r.Severity == OpinionSeverity.Major && r.Kind == DeadlineKind.FirstResponse)))
            .Minutes.ShouldBe(60);
        var head = await factory.SignInAsync("head");
        (await head.PostFormAsync("/opinion/cases", "/opinion/policy", new() { ["h_major_first_response"] = "2" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PlansPage_CreatePlan_ThenActivateOnACase()
    {
        var office = await factory.SignInAsync("office");
        var name = "危化品泄漏舆情预案" + Guid.NewGuid().ToString("N")[..4];

        var saved = await office.PostFormAsync("/opinion/plans", "/opinion/plans", new()
        {
            ["name"] = name, ["category"] = "安全生产", ["severity"] = "major",
            ["steps[1].title"] = "启动应急响应", ["steps[1].owner"] = "office", ["steps[1].hours"] = "0.5",
            ["steps[2].title"] = "现场处置并通报", ["steps[2].owner"] = "responsible_unit", ["steps[2].hours"] = "2",
            ["steps[3].title"] = "网上监测", ["steps[3].owner"] = "user", ["steps[3].user"] = "officer2", ["steps[3].hours"] = "24",
            ["steps[4].title"] = "", ["steps[4].owner"] = "unit", ["steps[4].hours"] = "",
        });
        saved.Headers.Location!.OriginalString.ShouldBe("/opinion/plans?notice=plan-saved");
        var planId = await factory.QueryAsync(db => db.Set<EmergencyPlan>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

        var id = await factory.AssignedCaseAsync("major");
        var (_, detail) = await office.GetPageAsync($"/opinion/cases/{id}");
        detail.QuerySelector($"[data-testid=plan-form] option[value='{planId}']").ShouldNotBeNull();
        var activated = await office.PostFormAsync($"/opinion/cases/{id}", $"/opinion/cases/{id}/plans", new() { ["planId"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        activated.Headers.Location!.OriginalString.ShouldBe($"/opinion/cases/{id}?notice=plan");

        var (_, page) = await office.GetPageAsync($"/opinion/cases/{id}");
        var tasks = page.QuerySelectorAll("[data-testid=task]").Select(t => t.TextContent).ToList();
        tasks.Count.ShouldBe(3);
        (tasks[0].Contains("启动应急响应"), tasks[0].Contains("宣传办：示例街道")).ShouldBe((true, true));
        (tasks[1].Contains("现场处置并通报"), tasks[1].Contains("责任单位：示例街道党政办公室")).ShouldBe((true, true));
        (tasks[2].Contains("网上监测"), tasks[2].Contains("指定人员：王海涛")).ShouldBe((true, true));

        var unknownUser = await office.PostFormAsync("/opinion/plans", "/opinion/plans", new()
        {
            ["name"] = name + "2", ["category"] = "安全生产", ["severity"] = "major",
            ["steps[1].title"] = "网上监测", ["steps[1].owner"] = "user", ["steps[1].user"] = "nobody", ["steps[1].hours"] = "1",
        });
        unknownUser.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(unknownUser)).QuerySelector("[data-testid=plan-form] [data-testid=alert-danger]")!.TextContent.ShouldContain("找不到账号“nobody”");
    }

    [Fact]
    public async Task OverduePage_ListsTheOverdueDeadline()
    {
        var start = factory.Clock.GetUtcNow();
        var id = await factory.AssignedCaseAsync("major");
        factory.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            var (response, page) = await (await factory.SignInAsync("office")).GetPageAsync("/opinion/overdue");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            page.QuerySelector($"[data-testid=overdue-row][data-case-id='{id}'][data-kind=first_response]").ShouldNotBeNull();
            var (_, list) = await (await factory.SignInAsync("office")).GetPageAsync("/opinion/cases?overdue=true");
            list.QuerySelector($"[data-testid=case-row][data-id='{id}']")!.GetAttribute("data-overdue").ShouldBe("true");
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }
}
