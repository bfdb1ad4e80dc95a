using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Domain.Opinion;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Opinion.OpinionTestData;

namespace Herald.Web.Tests.Demo;

/// <summary>
/// 演示组织的舆情数据（只读检查，数据不被改动）。首次启动即测试时钟 2026-11-20 10:00 北京时间（T = 02:00 UTC）：
/// 信息在 T−70、−52、−30、−26、−25、−23、−22、−5 小时收到；−25、−23 小时的两条是 −26 小时抖音视频的转发稿。
/// 舆情 (a) 较大，T−21 小时立案、交办平安建设办公室；(b) 一般，T−50 小时立案、交办幸福社区，T−28 小时办结；
/// (c) 上级交办，T−6 小时立案、交办综合行政执法中队，反馈期限 2026-11-21 18:00 北京时间。
/// </summary>
public sealed class DemoOpinionDataTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string WageCase = "幸福路安置房项目工人聚集讨薪";
    private const string ParkingCase = "幸福社区夜间停车难、消防通道被占";
    private const string NightMarketCase = "和平路夜市油烟噪音扰民";

    private sealed record Ids(long News, long Parking, long NightMarket, long Video, long WeiboRepost, long WechatRepost, long Report, long Elevator);

    private async Task<Ids> ItemIdsAsync()
    {
        var opinion = await factory.UserIdAsync("opinion");
        var rows = await factory.QueryAsync(db => db.OpinionItems.Select(i => new { i.Id, i.Url, i.ReporterId }).ToListAsync());
        long ByUrl(string url) => rows.Single(r => r.Url == url).Id;
        return new Ids(
            ByUrl("https://news.example.invalid/local/2026/elevator-retrofit.html"),
            ByUrl("https://weibo.example.invalid/u/5823100417/status/4981"),
            ByUrl("https://mp.weixin.example.invalid/s/heping-night-market"),
            ByUrl("https://douyin.example.invalid/video/7311864402"),
            ByUrl("https://weibo.example.invalid/u/6012275531/status/4990"),
            ByUrl("https://mp.weixin.example.invalid/s/xingfu-road-wages"),
            rows.Single(r => r.ReporterId == opinion).Id,
            ByUrl("https://weibo.example.invalid/u/7420093318/status/5003"));
    }

    private Task<long> CaseIdAsync(string title) =>
        factory.QueryAsync(db => db.Set<Herald.Domain.Opinion.Cases.OpinionCase>().Where(c => c.Title == title).Select(c => c.Id).SingleAsync());

    private static List<IElement> Rows(IHtmlDocument page, string testId) => page.QuerySelectorAll($"[data-testid={testId}]").Cast<IElement>().ToList();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<List<(string Title, string Status)>> CaseRowsAsync(WebSession session)
    {
        var (response, page) = await session.GetPageAsync("/opinion/cases");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Rows(page, "case-row").Select(r => (r.QuerySelector(".fw-semibold")!.TextContent.Trim(),
            r.QuerySelector("[data-case-status]")!.GetAttribute("data-case-status")!)).ToList();
    }

    [Fact]
    public async Task Items_EightItemsOverThreeDays_RepostsGroupedUnderTheVideo()
    {
        var ids = await ItemIdsAsync();
        var items = await factory.QueryAsync(db => db.OpinionItems.AsNoTracking().OrderBy(i => i.ReceivedAt).ToListAsync());

        items.Select(i => i.Id).ShouldBe([ids.News, ids.Parking, ids.NightMarket, ids.Video, ids.WeiboRepost, ids.WechatRepost, ids.Report, ids.Elevator]);
        items.Select(i => i.ReceivedAt).ShouldBe(new[] { -70, -52, -30, -26, -25, -23, -22, -5 }
            .Select(h => new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc).AddHours(h)));
        items.Select(i => i.Platform).ShouldBe(["新闻网站", "微博", "微信", "抖音", "微博", "微信", "微信", "微博"]);
        items.Select(i => i.Kind).ShouldBe([OpinionIntakeKind.Api, OpinionIntakeKind.Api, OpinionIntakeKind.Api, OpinionIntakeKind.Api,
            OpinionIntakeKind.Api, OpinionIntakeKind.Api, OpinionIntakeKind.Manual, OpinionIntakeKind.Api]);
        items.Where(i => i.Url is not null).ShouldAllBe(i => i.Url!.StartsWith("https://", StringComparison.Ordinal) && new Uri(i.Url).Host.EndsWith(".example.invalid", StringComparison.Ordinal));
        items.Select(i => i.DuplicateOfId).ShouldBe(new long?[] { null, null, null, null, ids.Video, ids.Video, null, null },
            "the two reposts are grouped under the video, nothing else is");
        items.Single(i => i.Id == ids.Video).DuplicateCount.ShouldBe(2);
        var report = items.Single(i => i.Id == ids.Report);
        (report.ReporterUnitId, report.Url).ShouldBe((await factory.UnitIdAsync("示例街道平安建设办公室"), (string?)null));
    }

    [Fact]
    public async Task ItemsPage_Office_GroupHeadsNewestFirst_WithGroupCountAndHits()
    {
        var ids = await ItemIdsAsync();
        using var office = await factory.SignInAsync("office");

        var (response, page) = await office.GetPageAsync("/opinion/items?pageSize=100");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = Rows(page, "opinion-item");
        rows.Select(r => r.GetAttribute("data-item-id")).ShouldBe(
            new[] { ids.Elevator, ids.Report, ids.Video, ids.NightMarket, ids.Parking, ids.News }.Select(Id));
        string[] Words(long id) => rows.Single(r => r.GetAttribute("data-item-id") == Id(id))
            .QuerySelectorAll("[data-testid=hit-word]").Select(e => e.TextContent).ToArray();
        Words(ids.Video).ShouldBe(["聚集", "讨薪", "拖欠工资"]);
        Words(ids.Report).ShouldBe(["聚集", "讨薪"]);
        Words(ids.Parking).ShouldBe(["投诉", "不作为"]);
        Words(ids.NightMarket).ShouldBe(["污染"], "“举报电话” is on the allow-list");
        Words(ids.Elevator).ShouldBe(["投诉"]);
        Words(ids.News).ShouldBeEmpty();
        rows.Single(r => r.GetAttribute("data-item-id") == Id(ids.Video)).QuerySelector("[data-testid=group-count]")!.TextContent
            .ShouldBe("另有 2 条相似");
        rows.Where(r => r.GetAttribute("data-item-id") != Id(ids.Video)).ShouldAllBe(r => r.QuerySelector("[data-testid=group-count]") == null);
    }

    [Fact]
    public async Task Opinion_ReportPageAndOwnReportOnly()
    {
        var ids = await ItemIdsAsync();
        using var opinion = await factory.SignInAsync("opinion");

        var (report, form) = await opinion.GetPageAsync("/opinion/report");
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        form.QuerySelector("[data-testid=opinion-report-form] input[name=unitId]")!.GetAttribute("value")
            .ShouldBe(Id(await factory.UnitIdAsync("示例街道平安建设办公室")));
        var (list, page) = await opinion.GetPageAsync("/opinion/items?pageSize=100");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(page, "opinion-item").Select(r => r.GetAttribute("data-item-id")).ShouldBe([Id(ids.Report)]);
        (await opinion.Client.GetAsync($"/opinion/items/{ids.Video}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (home, homePage) = await opinion.GetPageAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        // 只有舆情信息员角色的人也要看到舆情菜单。
        foreach (var link in new[] { "/opinion/report", "/opinion/items", "/opinion/cases" })
            homePage.QuerySelector($"a[href='{link}']").ShouldNotBeNull(link);
    }

    [Fact]
    public async Task CasesPage_EachAccountSeesItsScope()
    {
        using (var office = await factory.SignInAsync("office"))
            (await CaseRowsAsync(office)).ShouldBe([(WageCase, "handling"), (NightMarketCase, "assigned"), (ParkingCase, "closed")]);
        using (var principal = await factory.SignInAsync("principal"))
            (await CaseRowsAsync(principal)).Select(r => r.Title).ShouldBe([WageCase, NightMarketCase, ParkingCase]);
        using (var opinion = await factory.SignInAsync("opinion"))
            (await CaseRowsAsync(opinion)).ShouldBe([(WageCase, "handling")]);
        using (var officer2 = await factory.SignInAsync("officer2"))
            (await CaseRowsAsync(officer2)).ShouldBe([(ParkingCase, "closed")]);
        using var officer = await factory.SignInAsync("officer");
        (await CaseRowsAsync(officer)).ShouldBeEmpty();

        using var opinionApi = await factory.ApiClientAsync("opinion");
        (await opinionApi.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(NightMarketCase)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await opinionApi.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(ParkingCase)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var officerApi = await factory.ApiClientAsync("officer");
        (await officerApi.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(WageCase)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WageCase_AssignedWithDueTime_OneDisposal_PlanTasks()
    {
        var ids = await ItemIdsAsync();
        using var office = await factory.ApiClientAsync("office");

        var c = await (await office.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(WageCase)}")).ReadJsonAsync();

        (c.Str("status"), c.Str("severity"), c.Str("category"), c.Str("unitName")).ShouldBe(("handling", "significant", "劳动保障", "示例街道平安建设办公室"));
        // 建议等级：最高命中权重 18（聚集 3 + 讨薪 4，正文 聚集 3 + 讨薪 4 + 拖欠工资 4）+ 2×3 条 + 4×3 个来源 + 3×4 条近 24 小时 = 48，重大。
        (c.Str("suggestedSeverity"), c.Int("suggestedScore")).ShouldBe(("major", 48));
        c.Items("items").Select(i => i.Long("id")).Order().ShouldBe(new[] { ids.Video, ids.Report }.Order());
        (c.Str("openedAt"), c.Str("assignedAt"), c.Str("assignmentDueAt")).ShouldBe(("2026-11-19T05:00:00Z", "2026-11-19T05:30:00Z", "2026-11-21T10:00:00Z"));
        c.Str("instructions").ShouldStartWith("请平安建设办公室牵头");
        var disposal = c.Items("disposals").Single();
        (disposal.Str("createdBy"), disposal.Str("createdAt")).ShouldBe(("吴晓燕", "2026-11-19T08:00:00Z"));
        c.Items("clocks").Select(k => (k.Str("kind"), k.Str("dueAt"), k.Str("state"))).Order().ShouldBe(new[]
        {
            ("answer", "2026-11-21T05:00:00Z", "running"),
            ("assignment", "2026-11-21T10:00:00Z", "running"),
            ("first_response", "2026-11-19T09:00:00Z", "met"),
        }.Order());
        var tasks = c.Items("tasks");
        tasks.Select(t => t.Str("planName")).Distinct().ShouldBe(["群体性事件舆情应急预案"]);
        tasks.Select(t => (t.Int("sortOrder"), t.Str("dueAt"), t.StrOrNull("completedAt"))).ShouldBe(
        [
            (1, "2026-11-19T06:40:00Z", "2026-11-19T06:30:00Z"),
            (2, "2026-11-19T08:40:00Z", "2026-11-19T07:30:00Z"),
            (3, "2026-11-19T11:40:00Z", "2026-11-19T08:00:00Z"),
            (4, "2026-11-20T05:40:00Z", null),
            (5, "2026-11-21T05:40:00Z", null),
            (6, "2026-11-22T05:40:00Z", null),
        ]);
        tasks.Single(t => t.Int("sortOrder") == 5).Str("owner").ShouldContain("吴晓燕");
        tasks.ShouldAllBe(t => !t.Bool("overdue"));
    }

    [Fact]
    public async Task ParkingCase_ClosedAfterResponseAndFeedback()
    {
        using var office = await factory.ApiClientAsync("office");

        var c = await (await office.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(ParkingCase)}")).ReadJsonAsync();

        (c.Str("status"), c.Str("severity"), c.Str("unitName")).ShouldBe(("closed", "general", "幸福社区"));
        (c.Str("closedAt"), c.Str("closedBy")).ShouldBe(("2026-11-18T22:00:00Z", "周敏"));
        c.Str("closeSummary").ShouldNotBeNullOrWhiteSpace();
        c.Str("lessons").ShouldNotBeNullOrWhiteSpace();
        var response = c.Items("responses").Single();
        (response.Str("status"), response.Str("createdBy"), response.Str("releasedAt")).ShouldBe(("released", "王海涛", "2026-11-18T18:00:00Z"));
        c.Items("feedbacks").Single().Str("submittedBy").ShouldBe("刘红梅");
        c.Items("clocks").Select(k => (k.Str("kind"), k.Str("state"))).Order().ShouldBe(new[] { ("answer", "met"), ("first_response", "met") }.Order());
        c.Items("history").Select(e => e.Str("action")).ShouldBe(["opened", "assigned", "response_recorded", "response_released", "feedback_submitted", "closed"]);
    }

    [Fact]
    public async Task NightMarketCase_FromSuperior_AwaitingFeedback()
    {
        using var office = await factory.ApiClientAsync("office");

        var c = await (await office.GetAsync($"/api/v1/opinion/cases/{await CaseIdAsync(NightMarketCase)}")).ReadJsonAsync();

        (c.Str("status"), c.Bool("fromSuperior"), c.Str("superiorOffice"), c.Str("superiorReference"), c.Str("superiorDueAt"))
            .ShouldBe(("assigned", true, "示例县委网信办", "示网信交〔2026〕37号", "2026-11-21T10:00:00Z"));
        (c.Str("unitName"), c.Str("assignmentDueAt")).ShouldBe(("示例街道综合行政执法中队", "2026-11-21T08:00:00Z"));
        c.Items("feedbacks").ShouldBeEmpty();
        c.Items("clocks").Select(k => (k.Str("kind"), k.Str("dueAt"), k.Str("state"))).Order().ShouldBe(new[]
        {
            ("answer", "2026-11-21T20:00:00Z", "running"),
            ("assignment", "2026-11-21T08:00:00Z", "running"),
            ("feedback", "2026-11-21T10:00:00Z", "running"),
            ("first_response", "2026-11-20T20:00:00Z", "running"),
        }.Order());
        c.Str("instructions").ShouldContain("2026年11月21日 16:00");
    }

    [Fact]
    public async Task Plans_TwoTemplatesWithChecklists()
    {
        var plans = await factory.QueryAsync(db => db.Set<Herald.Domain.Opinion.Cases.EmergencyPlan>().Include(p => p.Steps).AsNoTracking()
            .OrderBy(p => p.Id).ToListAsync());

        plans.Select(p => (p.Name, p.Category, p.Severity, p.Steps.Count)).ShouldBe(
        [
            ("安全生产事故舆情应急预案", "安全生产", Herald.Domain.Opinion.Cases.OpinionSeverity.Major, 6),
            ("群体性事件舆情应急预案", "社会治安", Herald.Domain.Opinion.Cases.OpinionSeverity.Significant, 6),
        ]);
        using var office = await factory.SignInAsync("office");
        var (response, page) = await office.GetPageAsync("/opinion/plans");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(page, "plan").Count.ShouldBe(2);
    }
}

/// <summary>演示信息经真实收录写入了查重索引：厂商再推一份视频的转发稿，归入同一组。</summary>
public sealed class DemoOpinionIndexTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task PushedRepostOfTheDemoVideo_JoinsItsGroup()
    {
        var video = await factory.QueryAsync(db => db.OpinionItems.Where(i => i.Url == "https://douyin.example.invalid/video/7311864402")
            .Select(i => new { i.Id, i.Title, i.Content }).SingleAsync());
        var token = await factory.IssueIntakeTokenAsync();
        using var vendor = factory.BearerClient(token);

        var pushed = await vendor.PushOneAsync(new { source = "今日头条", platform = "今日头条", title = video.Title, content = "转发：" + video.Content });

        pushed.DuplicateOf().ShouldBe(video.Id);
        (await factory.QueryAsync(db => db.OpinionItems.Where(i => i.Id == video.Id).Select(i => i.DuplicateCount).SingleAsync())).ShouldBe(3);
    }
}
