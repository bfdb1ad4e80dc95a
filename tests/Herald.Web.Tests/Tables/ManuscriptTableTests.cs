using System.Net;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Tables;

/// <summary>稿件数据表：排序（白名单）、筛选留在地址里、每页条数、导出 Excel 正好是筛选和排序后的全部行，且只含可见的稿件。</summary>
public sealed class ManuscriptTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    /// <summary>officer 报送三篇（标题乙、甲、丙，先后相隔一分钟），返回编号（按报送先后）。</summary>
    private async Task<(string Marker, long[] Ids)> ThreeAsync()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        var ids = new List<long>();
        foreach (var title in new[] { "乙", "甲", "丙" })
        {
            ids.Add((await ManuscriptApi.SubmitAsync(officer, $"{marker}{title}")).Long("id"));
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return (marker, ids.ToArray());
    }

    [Fact]
    public async Task List_SortByTitleAscThenDesc_OrdersByTitle()
    {
        var (marker, ids) = await ThreeAsync();
        var office = await factory.ApiClientAsync("office");

        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&sort=title&dir=asc")).ShouldBe([ids[2], ids[0], ids[1]]); // 丙 U+4E19, 乙 U+4E59, 甲 U+7532
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&sort=title&dir=desc")).ShouldBe([ids[1], ids[0], ids[2]]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&sort=submittedAt&dir=asc")).ShouldBe(ids);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}")).ShouldBe(ids.Reverse());
    }

    [Fact]
    public async Task List_StatusFilterUnderEverySort_KeepsOnlyThatStatusInTheSortOrder()
    {
        // 按状态以外的列排序时，状态条件改写成不走状态索引的形式（省级规模的性能）：结果必须与普通条件相同。
        var (marker, ids) = await ThreeAsync();
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), ids[1], "return", "请补充");
        var office = await factory.ApiClientAsync("office");

        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=in_review&sort=title&dir=asc")).ShouldBe([ids[2], ids[0]]); // 丙 < 乙
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=in_review&sort=eventDate")).ShouldBe([ids[2], ids[0]]); // 同一天：编号倒序
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=in_review&sort=submittedAt&dir=asc")).ShouldBe([ids[0], ids[2]]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=returned&sort=title")).ShouldBe([ids[1]]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=returned&sort=unit")).ShouldBe([ids[1]]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&status=in_review")).ShouldBe([ids[2], ids[0]]);
    }

    [Fact]
    public async Task List_SortByStatus_GroupsByStatusThenUpdateTimeInTheSameDirection()
    {
        var (marker, ids) = await ThreeAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), ids[0], "return", "请补充");
        var office = await factory.ApiClientAsync("office");

        // 审核中（先于退回）按更新时间同方向：升序时先报送的在前，降序时退回的在前、审核中后报送的在前。
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&sort=status&dir=asc")).ShouldBe([ids[1], ids[2], ids[0]]);
        (await ManuscriptApi.ListIdsAsync(office, $"q={marker}&sort=status&dir=desc")).ShouldBe([ids[0], ids[2], ids[1]]);
    }

    [Fact]
    public async Task List_SortByRawColumnName_400()
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync("/api/v1/manuscripts?sort=body");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Paging.UnknownSort",
            "不能按“body”排序，应为 updatedAt|submittedAt|title|unit|status|eventDate 之一。");
        problem.FieldErrors("sort").Count.ShouldBe(1);
        using var session = await factory.SignInAsync("office");
        (await session.Client.GetAsync("/manuscripts?sort=title;drop")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Page_SortHeader_TogglesDirectionAndKeepsFilters()
    {
        var (marker, ids) = await ThreeAsync();
        using var session = await factory.SignInAsync("office");

        var (_, page) = await session.GetPageAsync($"/manuscripts?q={marker}&pageSize=50");
        var title = page.QuerySelector("th[data-sort-key=title]")!;
        title.GetAttribute("aria-sort").ShouldBe("none");
        var ascending = title.QuerySelector("a")!.GetAttribute("href")!;
        ascending.ShouldBe($"/manuscripts?q={Uri.EscapeDataString(marker)}&pageSize=50&sort=title");
        page.QuerySelector("th[data-sort-key=updatedAt]")!.GetAttribute("aria-sort").ShouldBe("descending");

        var (_, sorted) = await session.GetPageAsync(ascending);
        sorted.QuerySelector("th[data-sort-key=title]")!.GetAttribute("aria-sort").ShouldBe("ascending");
        RowIds(sorted).ShouldBe([ids[2], ids[0], ids[1]]);
        var descending = sorted.QuerySelector("th[data-sort-key=title] a")!.GetAttribute("href")!;
        descending.ShouldBe($"/manuscripts?q={Uri.EscapeDataString(marker)}&pageSize=50&sort=title&dir=desc");
        var (_, reversed) = await session.GetPageAsync(descending);
        RowIds(reversed).ShouldBe([ids[1], ids[0], ids[2]]);

        // 筛选表单带着排序和每页条数（隐藏字段），换条件后顺序不变。
        var hidden = reversed.QuerySelectorAll("[data-testid=filters] input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value"));
        hidden.ShouldBe(new Dictionary<string, string?> { ["sort"] = "title", ["dir"] = "desc", ["pageSize"] = "50" }, ignoreOrder: true);
        // 导出链接带着筛选和排序，不带页码和每页条数。
        reversed.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")
            .ShouldBe($"/manuscripts/export.xlsx?q={Uri.EscapeDataString(marker)}&sort=title&dir=desc");
    }

    [Fact]
    public async Task Page_PageSizeChoice_RemembersSizeAndPagerKeepsIt()
    {
        var officer = await factory.ApiClientAsync("officer");
        var marker = ManuscriptApi.Marker();
        for (var i = 0; i < 21; i++) await ManuscriptApi.SubmitAsync(officer, new ManuscriptForm { Title = $"{marker}-{i}", Draft = true });
        using var session = await factory.SignInAsync("officer");

        var (_, first) = await session.GetPageAsync($"/manuscripts?q={marker}");
        RowIds(first).Count.ShouldBe(20);
        first.QuerySelector("[data-testid=page-size] a.active")!.TextContent.Trim().ShouldBe("20");
        var next = first.QuerySelectorAll("nav .page-link").Select(a => a.GetAttribute("href")).First(h => h!.Contains("page=2"));
        next.ShouldBe($"/manuscripts?q={Uri.EscapeDataString(marker)}&page=2");
        var fifty = first.QuerySelectorAll("[data-testid=page-size] a").Single(a => a.TextContent.Trim() == "50").GetAttribute("href")!;
        fifty.ShouldBe($"/manuscripts?q={Uri.EscapeDataString(marker)}&pageSize=50");

        var (_, all) = await session.GetPageAsync(fifty);
        RowIds(all).Count.ShouldBe(21);
        all.QuerySelector("[data-testid=page-size] a.active")!.TextContent.Trim().ShouldBe("50");
    }

    [Fact]
    public async Task Page_NoMatch_ReadableEmptyStateWithClearLink()
    {
        using var session = await factory.SignInAsync("office");

        var (_, page) = await session.GetPageAsync("/manuscripts?q=" + ManuscriptApi.Marker());

        page.QuerySelector("[data-testid=empty-list]")!.TextContent.ShouldContain("没有符合条件的稿件。");
        page.QuerySelector("[data-testid=clear-filters]")!.GetAttribute("href").ShouldBe("/manuscripts");
        page.QuerySelector("table.data-table").ShouldBeNull();
    }

    [Fact]
    public async Task Export_FilteredAndSorted_AllRowsInThatOrderWithChineseHeadersAndChinaTime()
    {
        factory.Clock.SetChina(2026, 11, 20, 23, 30);
        var (marker, ids) = await ThreeAsync();
        var office = await factory.ApiClientAsync("office");
        var head = await factory.ApiClientAsync("head");
        await ManuscriptApi.ReviewOkAsync(head, ids[2], "approve");

        var sheet = await ExportedSheet.GetAsync(office, $"/api/v1/manuscripts/export.xlsx?q={marker}&sort=title&dir=asc&pageSize=1&page=2");

        sheet.FileName.ShouldBe("稿件列表-2026年11月20日.xlsx");
        sheet.Header.ShouldBe(["编号", "标题", "规范名称", "单位", "作者", "类别", "状态", "重要程度", "突发", "迟报", "事件日期", "报送时间", "更新时间"]);
        sheet.Column("编号").ShouldBe(new[] { ids[2], ids[0], ids[1] }.Select(i => i.ToString()));
        sheet.Column("标题").ShouldBe([$"{marker}丙", $"{marker}乙", $"{marker}甲"]);
        sheet.Column("状态").ShouldBe(["已审定", "审核中（待单位负责人审核）", "审核中（待单位负责人审核）"]);
        sheet.Column("单位").ShouldAllBe(u => u == "示例街道党政办公室");
        sheet.Column("重要程度").ShouldAllBe(u => u == "一般");
        // 23:30 北京时间（UTC 15:30）报送的第一篇。
        sheet.Column("报送时间")[1].ShouldBe("2026-11-20 23:30");
        sheet.Column("事件日期")[1].ShouldBe("2026-11-20");
        sheet.FrozenTopLeft.ShouldBe("A2");
        sheet.Widths.Count.ShouldBe(13);
        sheet.Widths[1].ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task Export_OutOfScopeRows_NeverAppear()
    {
        var (marker, ids) = await ThreeAsync();
        var officer2 = await factory.ApiClientAsync("officer2");
        var own = (await ManuscriptApi.SubmitAsync(officer2, marker + "幸福")).Long("id");
        using var head2 = await factory.SignInAsync("head2");

        var api = await ExportedSheet.GetAsync(officer2, $"/api/v1/manuscripts/export.xlsx?q={marker}");
        var page = await ExportedSheet.GetAsync(head2.Client, $"/manuscripts/export.xlsx?q={marker}");

        api.Column("编号").ShouldBe([own.ToString()]);
        page.Column("编号").ShouldBe([own.ToString()]);
        var office = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/manuscripts/export.xlsx?q={marker}");
        office.Column("编号").Select(long.Parse).ShouldBe(ids.Append(own), ignoreOrder: true);
    }

    [Fact]
    public async Task Export_BadFilter_400BeforeAnyFile()
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync("/api/v1/manuscripts/export.xlsx?status=published");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Manuscript.UnknownStatus", "状态“published”无效。");
    }

    [Fact]
    public async Task Export_OpensInLibreOfficeCalc()
    {
        var (marker, _) = await ThreeAsync();

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/manuscripts/export.xlsx?q={marker}");

        await sheet.ShouldOpenInCalcAsync(output);
    }

    private static List<long> RowIds(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=manuscript-list] a.manuscript-row").Select(a => long.Parse(a.GetAttribute("data-id")!)).ToList();
}
