using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>
/// 重大舆情回应的审核人：与稿件审核路线一样从责任单位逐级向上找；找不到时交办表单在选择之前、交办结果和详情页上都提醒。
/// 演示组织自己的舆情信息员（opinion，平安建设办公室）能把一件重大舆情从回应、逐级审核、反馈走到办结。
/// </summary>
public sealed class MajorCaseApproverTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private const string SafetyOffice = "示例街道平安建设办公室";
    private const string SocialAffairs = "示例街道社会事务办公室";

    [Fact]
    public async Task MajorCase_DemoOpinionOfficer_RespondsGetsEveryApprovalFeedsBackAndOfficeCloses()
    {
        var id = await factory.AssignedCaseAsync("major", SafetyOffice);
        var opinion = await factory.ApiClientAsync("opinion");

        var responded = await RespondAsync(opinion, id);

        responded.Status.ShouldBe(HttpStatusCode.Created, $"body: {responded.Json}");
        var response = responded.Json.Items("responses").Single();
        response.Str("status").ShouldBe("pending_approval");
        var responseId = response.Long("id");
        foreach (var reviewer in new[] { "head3", "leader", "principal" })
        {
            var reviewed = await ReviewAsync(await factory.ApiClientAsync(reviewer), id, responseId);
            reviewed.Status.ShouldBe(HttpStatusCode.OK, $"{reviewer}: {reviewed.Json}");
        }
        var detail = await GetAsync(opinion, $"/api/v1/opinion/cases/{id}");
        detail.Json.Items("responses").Single().Str("status").ShouldBe("released");
        (await PostAsync(opinion, $"/api/v1/opinion/cases/{id}/feedback", new { report = "已发布情况通报，涉事路段已恢复供水。" })).Status
            .ShouldBe(HttpStatusCode.OK);
        var closed = await PostAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{id}/close",
            new { summary = "已回应并处置，网民情绪平复。", lessons = "重大舆情回应须提前备好审核人。" });
        closed.Status.ShouldBe(HttpStatusCode.OK, $"body: {closed.Json}");
        closed.Json.Str("status").ShouldBe("closed");
    }

    [Fact]
    public async Task MajorCase_UnitWithoutItsOwnHead_ParentsHeadAndLeaderApproveUpTheTree()
    {
        // 幸福社区下的一个网格：本身没有单位负责人、分管领导，和稿件审核路线一样由上级幸福社区的 head2、分管幸福社区的 leader 审核。
        var grid = "幸福社区第" + Guid.NewGuid().ToString("N")[..4] + "网格";
        await factory.AddUnitAsync(grid, Community, Herald.Domain.Organization.UnitType.Community);
        var gridUser = "grid" + Guid.NewGuid().ToString("N")[..6];
        await factory.AddUserAsync(gridUser, "网格员小林", grid, Herald.Domain.Organization.Role.OpinionOfficer);
        var id = await factory.AssignedCaseAsync("major", grid);
        (await GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{id}")).Json.Items("missingApprovers").ShouldBeEmpty();

        var responded = await RespondAsync(await factory.ApiClientAsync(gridUser), id);

        responded.Status.ShouldBe(HttpStatusCode.Created, $"body: {responded.Json}");
        var responseId = responded.Json.Items("responses").Single().Long("id");
        // 别的科室的负责人（head，党政办公室）不在这条路线上。
        (await ReviewAsync(await factory.ApiClientAsync("head"), id, responseId)).Status.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        foreach (var reviewer in new[] { "head2", "leader", "principal" })
        {
            var reviewed = await ReviewAsync(await factory.ApiClientAsync(reviewer), id, responseId);
            reviewed.Status.ShouldBe(HttpStatusCode.OK, $"{reviewer}: {reviewed.Json}");
        }
        (await GetAsync(await factory.ApiClientAsync(gridUser), $"/api/v1/opinion/cases/{id}")).Json.Items("responses").Single().Str("status")
            .ShouldBe("released");
    }

    [Fact]
    public async Task Assign_MajorCaseToUnitWithoutHeadOrLeaderAbove_ResultNamesTheMissingApprovers()
    {
        var office = await factory.ApiClientAsync("office");
        var opened = await OpenAsync(office, [await factory.ItemAsync("社会事务" + Guid.NewGuid().ToString("N")[..6])], "major");

        var assigned = await PostAsync(office, $"/api/v1/opinion/cases/{opened.Id}/assign",
            new { unitId = await factory.UnitIdAsync(SocialAffairs), instructions = "请核实。" });

        assigned.Status.ShouldBe(HttpStatusCode.OK);
        assigned.Json.Items("missingApprovers").Select(r => r.GetString()).ShouldBe(["unit_head", "supervising_leader"]);
    }

    [Fact]
    public async Task Assign_MajorCaseToDemoSafetyOffice_NoMissingApprovers()
    {
        var id = await factory.AssignedCaseAsync("major", SafetyOffice);

        var detail = await GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/opinion/cases/{id}");

        detail.Json.Items("missingApprovers").ShouldBeEmpty();
    }

    [Fact]
    public async Task AssignForm_MajorCase_UnitsWithoutApproversMarkedBeforeChoosing()
    {
        var office = await factory.ApiClientAsync("office");
        var opened = await OpenAsync(office, [await factory.ItemAsync("表单" + Guid.NewGuid().ToString("N")[..6])], "major");
        using var session = await factory.SignInAsync("office");

        var (_, page) = await session.GetPageAsync($"/opinion/cases/{opened.Id}");

        var options = page.QuerySelectorAll<IHtmlOptionElement>("[data-testid=assign-form] select[name=unitId] option").ToList();
        var social = options.Single(o => o.Text.Contains(SocialAffairs));
        social.Text.ShouldContain("无单位负责人、分管领导");
        options.Single(o => o.Text.Contains(SafetyOffice)).Text.Trim().ShouldBe(SafetyOffice);
        page.QuerySelector("[data-testid=assign-form] [data-testid=approver-gap-hint]").ShouldNotBeNull();
    }

    [Fact]
    public async Task CasePage_MajorCaseAssignedToUnitWithoutApprovers_WarnsOnThePage()
    {
        var id = await factory.AssignedCaseAsync("major", SocialAffairs);
        using var session = await factory.SignInAsync("office");

        var (_, page) = await session.GetPageAsync($"/opinion/cases/{id}?notice=assigned");

        page.QuerySelector("[data-testid=missing-approvers]")!.TextContent.ShouldContain("单位负责人、分管领导");
    }
}
