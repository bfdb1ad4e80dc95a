using System.Net;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.Tables;

/// <summary>舆情列表数据表：标题、立案日期筛选，排序（白名单），导出为中文的等级、状态、时限，范围同列表（单位只导出交办给本单位的）。</summary>
public sealed class CaseTableTests(CaseFactory factory, ITestOutputHelper output) : IClassFixture<CaseFactory>
{
    /// <summary>宣传办立案三件（标题乙、甲、丙，等级一般、重大、较大，相隔一分钟），只交办第二件给党政办公室。</summary>
    private async Task<(string Marker, long[] Ids)> ThreeAsync()
    {
        var office = await factory.ApiClientAsync("office");
        var marker = "案" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        foreach (var (title, severity) in new[] { ("乙", "general"), ("甲", "major"), ("丙", "significant") })
        {
            var item = await factory.ItemAsync(marker + title);
            var opened = await OpenAsync(office, [item], severity, title: marker + title);
            opened.Status.ShouldBe(HttpStatusCode.Created, opened.Json.ToString());
            ids.Add(opened.Id);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var assigned = await PostAsync(office, $"/api/v1/opinion/cases/{ids[1]}/assign",
            new { unitId = await factory.UnitIdAsync(PartyOffice), instructions = "请今日内核实并回应。" });
        assigned.Status.ShouldBe(HttpStatusCode.OK, assigned.Json.ToString());
        return (marker, ids.ToArray());
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query)
    {
        var result = await GetAsync(client, "/api/v1/opinion/cases?" + query);
        result.Status.ShouldBe(HttpStatusCode.OK, result.Json.ToString());
        return result.Json.Items("items").Select(i => i.Long("id")).ToList();
    }

    [Fact]
    public async Task List_KeywordSortAndDates_FilterAndOrder()
    {
        var (marker, ids) = await ThreeAsync();
        var office = await factory.ApiClientAsync("office");

        (await IdsAsync(office, $"q={marker}")).ShouldBe([ids[1], ids[2], ids[0]]); // 默认：等级高的在前
        (await IdsAsync(office, $"q={marker}&sort=title")).ShouldBe([ids[2], ids[0], ids[1]]); // 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532
        (await IdsAsync(office, $"q={marker}&sort=openedAt&dir=asc")).ShouldBe(ids);
        (await IdsAsync(office, $"q={marker}&from=2026-11-21")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("sort=summary", "Paging.UnknownSort")]
    [InlineData("from=2026-13-01", "Form.BadDate")]
    public async Task Export_BadSortOrDate_400(string query, string code)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync("/api/v1/opinion/cases/export.xlsx?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Export_OfficeAndUnit_SameScopeAsTheListReadableColumns()
    {
        var (marker, ids) = await ThreeAsync();

        var office = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/export.xlsx?q={marker}&sort=title");
        var unit = await ExportedSheet.GetAsync(await factory.ApiClientAsync("head"), $"/api/v1/opinion/cases/export.xlsx?q={marker}");

        office.FileName.ShouldBe("舆情列表-2026年11月20日.xlsx");
        office.Column("编号").ShouldBe(new[] { ids[2], ids[0], ids[1] }.Select(i => i.ToString()));
        office.Column("等级").ShouldBe(["Ⅲ 较大", "Ⅳ 一般", "Ⅱ 重大"]);
        office.Column("状态").ShouldBe(["待交办", "待交办", "已交办"]);
        office.Column("责任单位")[2].ShouldBe(PartyOffice);
        office.Column("最近的时限").ShouldAllBe(c => c.Length > 0);
        unit.Column("编号").ShouldBe([ids[1].ToString()]);
        await office.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task Page_SortHeaderAndExportLinkKeepFilters()
    {
        var (marker, ids) = await ThreeAsync();
        using var session = await factory.SignInAsync("office");

        var (_, page) = await session.GetPageAsync($"/opinion/cases?q={marker}&sort=openedAt&dir=asc");

        page.QuerySelectorAll("[data-testid=case-row]").Select(r => long.Parse(r.GetAttribute("data-id")!)).ShouldBe(ids);
        page.QuerySelector("th[data-sort-key=openedAt]")!.GetAttribute("aria-sort").ShouldBe("ascending");
        page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href")
            .ShouldBe($"/opinion/cases/export.xlsx?q={Uri.EscapeDataString(marker)}&sort=openedAt&dir=asc");
    }
}
