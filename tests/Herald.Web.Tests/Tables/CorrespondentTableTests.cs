using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Xunit.Abstractions;

namespace Herald.Web.Tests.Tables;

/// <summary>信息员名册数据表（演示数据，只读）：排序、关键词、导出与名册同一范围，其他角色不能导出。</summary>
public sealed class CorrespondentTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=active-records] [data-testid=correspondent-row] .fw-semibold").Select(e => e.TextContent).ToList();

    [Fact]
    public async Task Page_SortByNameDescAndKeyword_OrderAndFilterKeptInLinks()
    {
        using var office = await factory.SignInAsync("office");

        var (_, byName) = await office.GetPageAsync("/org/correspondents?sort=name&dir=desc");
        var (_, keyword) = await office.GetPageAsync("/org/correspondents?q=1380537");
        var (_, wang) = await office.GetPageAsync("/org/correspondents?q=" + Uri.EscapeDataString("王海"));

        Names(byName).ShouldBe(["王海涛", "马丽", "李文静"]); // 名册在内存里按当前语言排序：中文按拼音 wang > ma > li
        byName.QuerySelector("th[data-sort-key=name]")!.GetAttribute("aria-sort").ShouldBe("descending");
        byName.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href").ShouldBe("/org/correspondents/export.xlsx?sort=name&dir=desc");
        Names(keyword).ShouldContain("李文静");
        Names(wang).ShouldBe(["王海涛"]);
        keyword.QuerySelector("[data-testid=filters] #q")!.GetAttribute("value").ShouldBe("1380537");
    }

    [Fact]
    public async Task Export_Office_AllActiveRowsInTreeOrderReadableColumns()
    {
        factory.Clock.SetChina(2026, 11, 20, 9, 0);

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), "/api/v1/correspondents/export.xlsx?pageSize=1");

        sheet.FileName.ShouldBe("信息员名册-2026年11月20日.xlsx");
        sheet.Header.ShouldBe(["单位", "姓名", "职务", "联系电话", "电子邮箱", "任命日期", "免去日期", "关联账号"]);
        sheet.Column("姓名").ShouldBe(["李文静", "王海涛", "马丽"]);
        sheet.Column("单位")[0].ShouldBe("示例街道 / 示例街道党政办公室");
        sheet.Column("关联账号")[0].ShouldBe("李文静（officer）");
        sheet.FrozenTopLeft.ShouldBe("A2");
        await sheet.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task Export_OfficeWithSmallerScope_OnlyItsUnits()
    {
        await factory.AddUserAsync("corr.bureau", "科技局宣传", "示例县科学技术局", Role.Office);

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("corr.bureau"), "/api/v1/correspondents/export.xlsx");

        sheet.Column("姓名").ShouldBe(["马丽"]);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    public async Task Export_NotOffice_403(string userName)
    {
        var client = await factory.ApiClientAsync(userName);

        (await client.GetAsync("/api/v1/correspondents/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("view=missing", "Corr.UnknownView")]
    [InlineData("sort=phone", "Paging.UnknownSort")]
    public async Task Export_BadViewOrSort_400(string query, string code)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.GetAsync("/api/v1/correspondents/export.xlsx?" + query);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
    }
}
