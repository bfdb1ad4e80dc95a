using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Opinion;

/// <summary>只有"舆情信息员"一个角色的人（不报送稿件）也看得到舆情菜单：上报舆情、舆情信息、舆情事件。</summary>
public sealed class OpinionOfficerMenuTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task OpinionOfficerOnly_SidebarHasTheOpinionEntries_AndTheReportPageOpens()
    {
        await factory.AddUserAsync("yq.menu", "舆情信息员甲", "示例街道平安建设办公室", Role.OpinionOfficer);
        using var session = await factory.SignInAsync("yq.menu");

        var (_, home) = await session.GetPageAsync("/");

        home.QuerySelectorAll("#sidebar a.nav-link").Select(a => a.GetAttribute("href")).Where(h => h!.StartsWith("/opinion/", StringComparison.Ordinal))
            .ShouldBe(["/opinion/report", "/opinion/items", "/opinion/cases"]);
        var (report, page) = await session.GetPageAsync("/opinion/report");
        report.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=opinion-report-form]")!.TextContent.ShouldContain("示例街道平安建设办公室");
    }
}
