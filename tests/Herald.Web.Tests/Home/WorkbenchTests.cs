using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Domain.Organization;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Home;

/// <summary>
/// 各角色的工作台：列出的待办正是按夹具手算出的那些（别的单位的不出现），等待最久的在前；
/// 倒计时按测试时钟显示"还剩…/已超期…"；每张卡片的链接带着筛选，跟过去列表的件数与卡片相同。
/// </summary>
public sealed class WorkbenchTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private const string PartyOffice = "示例街道党政办公室";

    [Fact]
    public async Task Home_Correspondent_ListsExactlyMyDraftsAndReturnedOldestFirst()
    {
        var name = "wbc" + Guid.NewGuid().ToString("N")[..6];
        await factory.AddUserAsync(name, "测试信息员", PartyOffice, Role.Correspondent);
        var me = await factory.ApiClientAsync(name);
        var first = ManuscriptApi.Marker();
        await ManuscriptApi.SubmitAsync(me, first, draft: true);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var returned = ManuscriptApi.Marker();
        var returnedId = (await ManuscriptApi.SubmitAsync(me, returned)).Long("id");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), returnedId, "return", "请补充数据。");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var last = ManuscriptApi.Marker();
        await ManuscriptApi.SubmitAsync(me, last, draft: true);
        var otherUnit = ManuscriptApi.Marker();
        await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer2"), otherUnit, draft: true);
        using var session = await factory.SignInAsync(name);

        var (_, home) = await session.GetPageAsync("/");

        var items = home.QuerySelectorAll("[data-testid=waiting-item]").ToList();
        items.Select(i => i.TextContent).Select(t => new[] { first, returned, last }.Single(m => t.Contains(m, StringComparison.Ordinal)))
            .ShouldBe([first, returned, last]);
        items.Select(i => i.GetAttribute("data-kind")).ShouldBe(["draft", "returned", "draft"]);
        home.Body!.TextContent.ShouldNotContain(otherUnit);
        Count(home, "draft").ShouldBe(2);
        Count(home, "returned").ShouldBe(1);
        (await ListedAsync(session, home, "draft", "[data-testid=manuscript-tr]")).ShouldBe(2);
        (await ListedAsync(session, home, "returned", "[data-testid=manuscript-tr]")).ShouldBe(1);
    }

    [Fact]
    public async Task Home_UnitHead_ListsReviewsOfOwnUnitOnlyAndCountMatchesInbox()
    {
        var mine = ManuscriptApi.Marker();
        await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), mine);
        var other = ManuscriptApi.Marker();
        await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer2"), other);
        using var session = await factory.SignInAsync("head");

        var (_, home) = await session.GetPageAsync("/");

        var reviews = home.QuerySelectorAll("[data-testid=waiting-item][data-kind=review]").Select(i => i.TextContent).ToList();
        reviews.ShouldContain(t => t.Contains(mine, StringComparison.Ordinal));
        reviews.ShouldNotContain(t => t.Contains(other, StringComparison.Ordinal));
        (await ListedAsync(session, home, "review", ".manuscript-row")).ShouldBe(Count(home, "review"));
        Since(home).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task Home_AssignedCase_ShowsCountdownLeftThenOverdueInRed()
    {
        factory.Clock.SetChina(2026, 11, 20, 10);
        var caseId = await factory.AssignedCaseAsync(unitName: "示例街道平安建设办公室");
        var detail = await CaseSetup.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{caseId}");
        var due = detail.Json.Items("clocks").Where(c => c.Bool("active") && c.StrOrNull("metAt") is null)
            .Select(c => DateTime.Parse(c.Str("dueAt"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).Min();
        // 每次拨钟后重新登录（会话有空闲超时）。
        factory.Clock.Set(new DateTimeOffset(due, TimeSpan.Zero) - TimeSpan.FromMinutes(210));
        using var early = await factory.SignInAsync("opinion");
        var (_, before) = await early.GetPageAsync("/");
        factory.Clock.Set(new DateTimeOffset(due, TimeSpan.Zero) + TimeSpan.FromHours(51));
        using var session = await factory.SignInAsync("opinion");
        var (_, after) = await session.GetPageAsync("/");

        var left = CaseItem(before, caseId).QuerySelector("[data-testid=countdown]")!;
        left.TextContent.Trim().ShouldBe("还剩 3 小时");
        left.GetAttribute("data-overdue").ShouldBe("false");
        var overdue = CaseItem(after, caseId).QuerySelector("[data-testid=countdown]")!;
        overdue.TextContent.Trim().ShouldBe("已超期 2 天");
        overdue.ClassList.ShouldContain("text-bg-danger");
        var overdueLink = after.QuerySelector<IHtmlAnchorElement>("[data-testid=home-case-overdue]")!;
        var (_, list) = await session.GetPageAsync(overdueLink.GetAttribute("href")!);
        list.QuerySelectorAll("[data-testid=case-row]").Select(r => r.GetAttribute("data-id")).ShouldContain(caseId.ToString(CultureInfo.InvariantCulture));
        (await ListedAsync(session, after, "case", "[data-testid=case-row]")).ShouldBe(Count(after, "case"));
        factory.Clock.SetChina(2026, 11, 20, 10);
    }

    [Fact]
    public async Task Home_SupervisingLeader_SeesCasesOfSupervisedUnitsButNotOthers()
    {
        factory.Clock.SetChina(2026, 11, 20, 10);
        var supervised = await factory.AssignedCaseAsync(unitName: CaseSetup.Community);
        var elsewhere = await factory.AssignedCaseAsync(unitName: "示例街道社会事务办公室");
        using var session = await factory.SignInAsync("leader");

        var (_, home) = await session.GetPageAsync("/");

        var links = home.QuerySelectorAll("[data-testid=waiting-item][data-kind=case_supervised]").Select(i => i.GetAttribute("href")).ToList();
        links.ShouldContain($"/opinion/cases/{supervised}");
        links.ShouldNotContain($"/opinion/cases/{elsewhere}");
        (await ListedAsync(session, home, "case_supervised", "[data-testid=case-row]")).ShouldBe(Count(home, "case_supervised"));
    }

    [Fact]
    public async Task Home_Office_CardsMatchTheListsBehindThemAndFiguresMatchTheReport()
    {
        using var session = await factory.SignInAsync("office");

        var (_, home) = await session.GetPageAsync("/");

        foreach (var (kind, rows) in new[]
                 {
                     ("pool", "[data-testid=pool-row]"), ("claim", "[data-testid=adoption]"), ("case_open", "[data-testid=case-row]"),
                     ("no_correspondent", "[data-testid=missing-unit]"),
                 })
            (await ListedAsync(session, home, kind, rows)).ShouldBe(Count(home, kind), kind);
        home.QuerySelector("[data-testid=home-review]").ShouldBeNull();
        var report = await (await factory.ApiClientAsync("office")).GetAsync("/api/v1/reports/units?from=2026-11-01&to=2026-11-30");
        var totals = (await report.ReadJsonAsync()).GetProperty("totals");
        Figure(home, "submitted").ShouldBe(totals.GetProperty("submitted").GetInt32().ToString(CultureInfo.InvariantCulture));
        Figure(home, "adopted").ShouldBe(totals.GetProperty("adopted").GetInt32().ToString(CultureInfo.InvariantCulture));
        home.QuerySelector<IHtmlAnchorElement>("[data-testid=figure-submitted]")!.GetAttribute("href").ShouldBe("/reports?from=2026-11-01&to=2026-11-30");
        home.QuerySelector("[data-testid=home-charts]").ShouldBeNull();
    }

    [Fact]
    public async Task Home_OfficeFigures_CachedForTwoMinutesThenRecomputed()
    {
        var name = "wbo" + Guid.NewGuid().ToString("N")[..6];
        await factory.AddUserAsync(name, "测试宣传办", "示例街道", Role.Office);
        using var session = await factory.SignInAsync(name);
        var (_, first) = await session.GetPageAsync("/");
        var before = int.Parse(Figure(first, "submitted"), CultureInfo.InvariantCulture);

        await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker());
        var (_, cached) = await session.GetPageAsync("/");
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var (_, fresh) = await session.GetPageAsync("/");

        Figure(cached, "submitted").ShouldBe(before.ToString(CultureInfo.InvariantCulture));
        Figure(fresh, "submitted").ShouldBe((before + 1).ToString(CultureInfo.InvariantCulture));
        fresh.QuerySelector("[data-testid=figures-at]")!.TextContent.ShouldContain("统计于");
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("principal")]
    public async Task Home_Leader_DashboardWithLevelsChartsAndPeriodChoice(string user)
    {
        using var session = await factory.SignInAsync(user);

        var (_, month) = await session.GetPageAsync("/");
        var (_, year) = await session.GetPageAsync("/?period=year");

        month.QuerySelector("[data-testid=figure-adopted-central]").ShouldNotBeNull();
        month.QuerySelector("#chart-trend").ShouldNotBeNull();
        month.QuerySelector("#report-chart-data")!.GetAttribute("data-json")!.ShouldContain("levels");
        month.QuerySelector("[data-testid=home-pool]").ShouldBeNull();
        year.QuerySelector<IHtmlAnchorElement>("[data-testid=figure-submitted]")!.GetAttribute("href").ShouldBe("/reports?from=2026-01-01&to=2026-12-31");
        year.QuerySelectorAll("[data-testid=home-units-top] li").Length.ShouldBeGreaterThan(0);
        (await ListedAsync(session, month, "case_open", "[data-testid=case-row]")).ShouldBe(Count(month, "case_open"));
    }

    [Fact]
    public async Task Home_SecurityAdministrator_LockedAccountAndLockoutEventLinkToFilteredLists()
    {
        var name = "wbl" + Guid.NewGuid().ToString("N")[..6];
        await factory.AddUserAsync(name, "测试锁定", PartyOffice, Role.Correspondent);
        using (var anonymous = factory.AnonymousSession())
            for (var i = 0; i < 5; i++)
                await anonymous.PostFormAsync("/signin", "/signin", new() { ["UserName"] = name, ["Password"] = "Wrong#2026pass", ["ReturnUrl"] = "/" });
        using var session = await factory.SignInAsync("secadmin");

        var (_, home) = await session.GetPageAsync("/");

        (await ListedAsync(session, home, "locked_user", "[data-testid=user-row]")).ShouldBe(Count(home, "locked_user"));
        var (_, locked) = await session.GetPageAsync(home.QuerySelector("[data-testid=home-locked_user]")!.GetAttribute("href")!);
        locked.QuerySelectorAll("[data-testid=user-row]").Select(r => r.GetAttribute("data-user-name")).ShouldContain(name);
        (await ListedAsync(session, home, "security_event", "[data-testid=audit-row]")).ShouldBe(Count(home, "security_event"));
        home.QuerySelectorAll("[data-testid=waiting-item][data-kind=security_event]").Select(i => i.TextContent).ShouldContain(t => t.Contains("测试锁定"));
    }

    [Theory]
    [InlineData("admin", "/org/users")]
    [InlineData("auditor", "/audit")]
    public async Task Home_AdminAndAuditor_ShortcutsAndNoWaitingItems(string user, string shortcut)
    {
        using var session = await factory.SignInAsync(user);

        var (response, home) = await session.GetPageAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        home.QuerySelector($"[data-testid=home-shortcuts] a[href='{shortcut}']").ShouldNotBeNull();
        home.QuerySelectorAll("[data-testid=waiting-item]").Where(i => i.GetAttribute("data-kind") != "security_event").ShouldBeEmpty();
    }

    [Fact]
    public async Task Home_Admin_UnitsWithoutHeadCardFollowedListsTheSameUnits()
    {
        var admin = await factory.ApiClientAsync("admin");
        var name = "无负责人单位" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/v1/units", new { name, type = "agency" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var session = await factory.SignInAsync("admin");

        var (_, home) = await session.GetPageAsync("/");

        var href = home.QuerySelector("[data-testid=home-unit_no_head]")!.GetAttribute("href")!;
        var (_, list) = await session.GetPageAsync(href);
        var rows = list.QuerySelectorAll("[data-testid=unit-row]");
        rows.Length.ShouldBe(Count(home, "unit_no_head"));
        rows.Select(r => r.QuerySelector(".unit-name")!.TextContent.Trim()).ShouldContain(name);
        rows.ShouldAllBe(r => r.QuerySelector("[data-warning=NoHead]") != null);
    }

    private static int Count(IHtmlDocument home, string kind) =>
        int.Parse(home.QuerySelector($"[data-testid=home-{kind}] .stat-value")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private static string Figure(IHtmlDocument home, string id) => home.QuerySelector($"[data-testid=figure-{id}] .stat-value")!.TextContent.Trim();

    private static IElement CaseItem(IHtmlDocument home, long caseId)
    {
        var items = home.QuerySelectorAll("[data-testid=waiting-item]").ToList();
        var found = items.Where(i => i.GetAttribute("href") == $"/opinion/cases/{caseId}" && i.GetAttribute("data-kind") == "case").ToList();
        found.Count.ShouldBe(1, string.Join(", ", items.Select(i => i.GetAttribute("data-kind") + " " + i.GetAttribute("href"))));
        return found[0];
    }

    private static List<string> Since(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-testid=waiting-item]").Select(i => i.GetAttribute("data-since")!).ToList();

    /// <summary>跟随卡片的链接，数列表页上的行。</summary>
    private static async Task<int> ListedAsync(WebSession session, IHtmlDocument home, string kind, string rowSelector)
    {
        var href = home.QuerySelector($"[data-testid=home-{kind}]")!.GetAttribute("href")!;
        var (response, list) = await session.GetPageAsync(href);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, href);
        return list.QuerySelectorAll(rowSelector).Length;
    }
}
