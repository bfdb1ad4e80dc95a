using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Organization;

/// <summary>只读的名册检查：演示数据不被改动，结果可以精确比较。</summary>
public sealed class CorrespondentRegistryTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task MissingUnits_OfficeOnDemoData_ExactlyTheActiveUnitsWithoutRecord()
    {
        using var office = await factory.SignInAsync("office");

        var (response, document) = await office.GetPageAsync("/org/correspondents?view=missing");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Paths(document).ShouldBe([
            "示例街道",
            "示例街道 / 示例街道经济发展办公室",
            "示例街道 / 示例街道社会事务办公室",
            "示例街道 / 示例街道平安建设办公室",
            "示例街道 / 示例街道综合行政执法中队",
            "示例街道 / 和平社区",
            "示例街道 / 李家村",
            "示例街道 / 王庄村",
            "示例县科学技术局",
            "示例县科学技术局 / 示例县科学技术局办公室",
            "示例县科学技术局 / 示例县科学技术局农村科技科",
            "示例县科学技术局 / 示例县科学技术局政策法规科",
            "示例县科学技术局 / 示例县科技创新服务中心",
        ]);
        document.QuerySelector("[data-testid=tab-missing] .badge")!.TextContent.Trim().ShouldBe("13");
    }

    [Fact]
    public async Task ActiveRecords_Office_ListsDemoRecordsWithLinkedAccounts()
    {
        using var office = await factory.SignInAsync("office");

        var (_, document) = await office.GetPageAsync("/org/correspondents");

        var rows = document.QuerySelectorAll("[data-testid=active-records] [data-testid=correspondent-row]");
        rows.Select(r => r.QuerySelector(".fw-semibold")!.TextContent).ShouldBe(["李文静", "王海涛", "马丽"]);
        rows[0].TextContent.ShouldContain("示例街道 / 示例街道党政办公室");
        rows[0].TextContent.ShouldContain("党政办干事");
        rows[0].TextContent.ShouldContain("13805370101");
        rows[0].QuerySelector("[data-testid=linked-account]")!.TextContent.ShouldContain("李文静（officer）");
        rows[2].QuerySelector("[data-testid=linked-account]")!.TextContent.ShouldContain("未关联");
    }

    [Fact]
    public async Task Registry_SysAdmin_SeesAllUnits()
    {
        using var admin = await factory.SignInAsync("admin");

        var (_, document) = await admin.GetPageAsync("/org/correspondents?view=missing");

        Paths(document).Count.ShouldBe(13);
    }

    private static List<string> Paths(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll("[data-testid=missing-unit] span.me-auto")
            .Select(s => s.ChildNodes.First().TextContent.Trim()).ToList();
}
