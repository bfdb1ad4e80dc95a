using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Audit;

/// <summary>
/// 审计日志读起来是中文：操作的中文名称、人员的姓名、北京时间、说明的中文读法（不是 "route UnitHead; status InReview"、
/// "signin.success"、"User #10"）；按操作类型（中文名称的下拉框）和人员筛选，条件在地址里；可排序、导出。
/// </summary>
public sealed class AuditLogTableTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static readonly string[] RawCodes = ["signin.success", "manuscript.submit", "UnitHead", "InReview", "route ", "status ", "User #"];

    [Fact]
    public async Task AuditPage_SubmittedManuscript_ShowsChineseActionAuthorsNameAndReadableRoute()
    {
        var title = ManuscriptApi.Marker();
        var id = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), title, "important")).Long("id");
        using var auditor = await factory.SignInAsync("auditor");

        var (response, page) = await auditor.GetPageAsync("/audit?action=manuscript.submit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = page.QuerySelectorAll("[data-testid=audit-row]").First(r => r.TextContent.Contains($"稿件 第 {id} 号"));
        row.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim().ShouldBe("报送稿件");
        row.QuerySelector("[data-testid=audit-person]")!.TextContent.ShouldContain("李文静");
        // 审计日志给管理员看：稿件只给编号和链接，不出现标题（议题 9 第 10 项）。
        row.QuerySelector("[data-testid=audit-object] a")!.GetAttribute("href").ShouldBe($"/manuscripts/{id}");
        page.QuerySelector("[data-testid=audit-table]")!.TextContent.ShouldNotContain(title);
        var detail = row.QuerySelector("[data-testid=audit-detail]")!.TextContent;
        detail.ShouldContain("审核路线：单位负责人→分管领导");
        detail.ShouldContain("状态：审核中");
        var shown = page.QuerySelector("[data-testid=audit-table]")!;
        foreach (var code in RawCodes) shown.TextContent.ShouldNotContain(code);
        shown.QuerySelector("code").ShouldBeNull();
    }

    [Fact]
    public async Task AuditPage_ActionFilter_IsASelectOfChineseNamesGroupedByArea()
    {
        using var auditor = await factory.SignInAsync("auditor");

        var (_, page) = await auditor.GetPageAsync("/audit");

        var select = page.QuerySelector<IHtmlSelectElement>("[data-testid=audit-filters] select[name=action]").ShouldNotBeNull();
        var options = select.Options.Where(o => o.Value.Length > 0).ToList();
        options.Select(o => o.Value).ShouldContain("signin.success");
        options.ShouldAllBe(o => !o.Text.Any(char.IsAsciiLetterLower), "option texts are Chinese names, not codes");
        options.Single(o => o.Value == "signin.success").Text.ShouldBe("登录");
        page.QuerySelectorAll("[data-testid=audit-filters] optgroup").Select(g => g.GetAttribute("label")).ShouldContain("登录与安全");
        page.QuerySelector("input[name=action]").ShouldBeNull("no code prefix typed by the user");
    }

    [Fact]
    public async Task AuditPage_FilterByPersonsName_OnlyThatPersonsRecords()
    {
        using (await factory.SignInAsync("officer")) { }
        using (await factory.SignInAsync("head")) { }
        using var auditor = await factory.SignInAsync("auditor");

        var (_, page) = await auditor.GetPageAsync("/audit?user=" + Uri.EscapeDataString("李文") + "&action=signin.success");

        var rows = page.QuerySelectorAll("[data-testid=audit-row]");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetAttribute("data-user") == "officer");
        page.QuerySelector<IHtmlInputElement>("input[name=user]")!.Value.ShouldBe("李文");
    }

    [Fact]
    public async Task AuditApi_AreaFilter_ReturnsOnlyThatAreasActions()
    {
        using (await factory.SignInAsync("officer")) { }
        var auditor = await factory.ApiClientAsync("auditor");

        var response = await auditor.GetAsync("/api/v1/audit?action=signin&pageSize=100");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).Items("items").ToList();
        items.ShouldNotBeEmpty();
        items.Select(i => i.Str("action")).ShouldAllBe(a => a.StartsWith("signin") || a.StartsWith("token") || a.StartsWith("password") || a == "signout");
        items.First(i => i.Str("action") == "signin.success").Str("actionName").ShouldBe("登录");
    }

    [Theory]
    [InlineData("action=user.", "Audit.UnknownAction", "操作类型“user.”无效，请从列表中选择。")]
    [InlineData("sort=ip", "Paging.UnknownSort", null)]
    [InlineData("dir=up", "Paging.UnknownDirection", null)]
    public async Task AuditApi_BadFilter_ChineseProblem400(string query, string code, string? detail)
    {
        var response = await (await factory.ApiClientAsync("auditor")).GetAsync("/api/v1/audit?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, detail);
        (await (await factory.SignInAsync("auditor")).GetPageAsync("/audit?" + query)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("office")]
    [InlineData("head")]
    public async Task AuditApi_NotAnAuditor_Forbidden(string user)
    {
        var client = await factory.ApiClientAsync(user);

        (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/v1/audit/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AuditPage_SortByTimeAscending_OldestFirstAndHeaderMarked()
    {
        using var auditor = await factory.SignInAsync("auditor");

        var (_, newest) = await auditor.GetPageAsync("/audit");
        var (_, oldest) = await auditor.GetPageAsync("/audit?sort=at&dir=asc");

        Ids(oldest).First().ShouldBeLessThan(Ids(newest).First());
        oldest.QuerySelector("th[data-sort-key=at]")!.GetAttribute("aria-sort").ShouldBe("ascending");
        newest.QuerySelector("th[data-sort-key=at]")!.GetAttribute("aria-sort").ShouldBe("descending");
    }

    [Fact]
    public async Task AuditExport_FilteredBySignIn_ChineseColumnsAndOnlyThoseRows()
    {
        using (await factory.SignInAsync("officer")) { }
        using var auditor = await factory.SignInAsync("auditor");
        var (_, page) = await auditor.GetPageAsync("/audit?action=signin.success&user=officer");
        page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href").ShouldBe("/audit/export.xlsx?action=signin.success&user=officer");

        var sheet = await ExportedSheet.GetAsync(auditor.Client, "/audit/export.xlsx?action=signin.success&user=officer");

        sheet.FileName.ShouldStartWith("审计日志-");
        sheet.Header.ShouldBe(["时间", "人员", "用户名", "动作", "对象", "说明", "IP 地址"]);
        sheet.Data.Count.ShouldBe(page.QuerySelectorAll("[data-testid=audit-row]").Length);
        sheet.Column("动作").ShouldAllBe(a => a == "登录");
        sheet.Column("人员").ShouldAllBe(p => p == "李文静");
        sheet.Column("说明").ShouldAllBe(d => d == "网页" || d == "API");
    }

    private static IEnumerable<long> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=audit-row]").Select(r => long.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture));
}
