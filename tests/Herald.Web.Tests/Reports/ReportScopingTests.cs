using System.Net;
using Herald.Web.Features.Common;
using Herald.Web.Features.Reports;
using Herald.Web.Infrastructure.Auth;
using Herald.Web.Infrastructure.Data;
using Herald.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Reports;

/// <summary>报表范围与稿件可见范围相同；看不到的单位、人的明细一律 404。</summary>
[Collection(ReportScenarioCollection.Name)]
public sealed class ReportScopingTests(ReportScenario scenario)
{
    private const string NotFound = "找不到您要的内容，或您无权查看。";

    private async Task<IReadOnlyList<long>> UnitRowsAsync(string user)
    {
        var client = await scenario.ApiClientAsync(user);
        var response = await client.GetAsync("/api/v1/reports/units?" + ReportScenario.Period);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        return json.Items("rows").Select(r => r.Long("unitId")).ToList();
    }

    [Fact]
    public async Task UnitHead_SeesOnlyOwnUnit_SameNumbersAsTheOffice()
    {
        (await UnitRowsAsync("head")).ShouldBe([scenario.PartyOffice]);

        var head = await scenario.ApiClientAsync("head");
        var report = await (await head.GetAsync("/api/v1/reports/units?" + ReportScenario.Period)).ReadJsonAsync();
        report.Items("rows")[0].GetProperty("points").GetDecimal().ShouldBe(46.5m);
        var people = await (await head.GetAsync("/api/v1/reports/correspondents?" + ReportScenario.Period)).ReadJsonAsync();
        people.Items("rows").Select(r => r.Long("userId")).ShouldBe([scenario.OfficerId]);
        (await head.GetAsync($"/api/v1/reports/units/{scenario.PartyOffice}/points?" + ReportScenario.Period)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnitHead_AnotherUnitsLineItemsOrSubtree_404()
    {
        var head = await scenario.ApiClientAsync("head");

        await (await head.GetAsync($"/api/v1/reports/units/{scenario.Xingfu}/points?" + ReportScenario.Period))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await head.GetAsync($"/api/v1/reports/units?rootUnitId={scenario.Xingfu}&" + ReportScenario.Period))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await head.GetAsync($"/api/v1/reports/correspondents/{scenario.Officer2Id}/points?" + ReportScenario.Period))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        await (await head.GetAsync("/api/v1/reports/units/999999/points?" + ReportScenario.Period))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);

        using var session = await scenario.SignInAsync("head");
        (await session.Client.GetAsync($"/reports/units/{scenario.Xingfu}/points?" + ReportScenario.Period)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SupervisingLeader_SeesSupervisedUnits()
    {
        var expected = new[]
        {
            scenario.PartyOffice, await scenario.UnitIdAsync("示例街道经济发展办公室"), scenario.Xingfu, await scenario.UnitIdAsync("和平社区"),
            await scenario.UnitIdAsync("示例街道平安建设办公室"),
        };
        (await UnitRowsAsync("leader")).Order().ShouldBe(expected.Order());
    }

    [Fact]
    public async Task OfficeViewerPrincipal_SeeTheirWholeSubtrees()
    {
        // 宣传办与领导（查看）挂在两个根单位上：全部 16 个单位；主要负责人只管示例街道：10 个。
        (await UnitRowsAsync("office")).Count.ShouldBe(16);
        (await UnitRowsAsync("viewer")).Count.ShouldBe(16);
        (await UnitRowsAsync("principal")).Count.ShouldBe(10);
        (await UnitRowsAsync("principal")).ShouldContain(scenario.Xingfu);
    }

    [Fact]
    public async Task RootUnit_LimitsTheRowsToTheSubtree()
    {
        var office = await scenario.ApiClientAsync("office");
        var bureau = await scenario.UnitIdAsync("示例县科学技术局");
        var json = await (await office.GetAsync($"/api/v1/reports/units?rootUnitId={bureau}&" + ReportScenario.Period)).ReadJsonAsync();

        json.Items("rows").Count.ShouldBe(6);
        json.Str("rootName").ShouldBe("示例县科学技术局");
        json.GetProperty("totals").GetProperty("points").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task SystemAdministrator_WithoutManuscriptScope_403()
    {
        var admin = await scenario.ApiClientAsync("admin");

        (await admin.GetAsync("/api/v1/reports/units?" + ReportScenario.Period)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/v1/reports/correspondents?" + ReportScenario.Period)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>单位很多时改在内存中按单位筛选：结果与在 SQL 中筛选相同。</summary>
[Collection(ReportScenarioCollection.Name)]
public sealed class ReportScopeFilterTests(ReportScenario scenario)
{
    [Fact]
    public async Task LargeUnitScope_FilteredInMemory_SameNumbersAsInSql()
    {
        await using var scope = scenario.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeraldDbContext>();
        var tree = await scope.ServiceProvider.GetRequiredService<OrgDirectory>().GetAsync(db);
        var leaderId = await scenario.UserIdAsync("leader");
        var visible = tree.ManuscriptUnits(leaderId);
        var period = ReportPeriod.Quarter(2025, 3);

        var inSql = await new BuildPeriodReport(db, null!).BuildAsync(period, null, tree, visible);
        var inMemory = await new BuildPeriodReport(db, null!) { MaxUnitsInSql = 1 }.BuildAsync(period, null, tree, visible);

        visible.Count.ShouldBe(5);
        inMemory.Units.ShouldBe(inSql.Units);
        inMemory.Correspondents.ShouldBe(inSql.Correspondents);
        inMemory.Score.Lines.ShouldBe(inSql.Score.Lines);
        // 党政办 46.5 + 幸福社区 3 = 49.5（另三个单位 0 分）。
        inMemory.Totals.Points.ShouldBe(49.5m);
        inMemory.Units.Select(u => u.UnitId).Order().ShouldBe(visible.Order());
    }
}
