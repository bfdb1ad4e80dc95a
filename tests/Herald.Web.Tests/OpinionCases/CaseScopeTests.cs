using System.Net;
using Herald.Domain.Notifications;
using Herald.Domain.Opinion.Cases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.OpinionCases.CaseSetup;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>
/// 范围：宣传办、主要负责人、领导看全部；单位只看交办给本单位的（其他 404）；分管领导看其分管单位的。
/// 另：预案启动生成任务、任务完成，约谈问责。
/// </summary>
public sealed class CaseScopeTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    [Theory]
    [InlineData("office", true)]
    [InlineData("principal", true)]
    [InlineData("viewer", true)]
    [InlineData("officer", true)]
    [InlineData("head", true)]
    [InlineData("leader", true)]
    [InlineData("officer2", false)]
    [InlineData("head2", false)]
    [InlineData("auditor", false)]
    public async Task PartyOfficeCase_VisibleTo(string user, bool visible)
    {
        var id = await factory.AssignedCaseAsync(unitName: PartyOffice);
        var client = await factory.ApiClientAsync(user);

        var detail = await GetAsync(client, $"/api/v1/opinion/cases/{id}");
        var list = await GetAsync(client, "/api/v1/opinion/cases?pageSize=100");

        if (visible)
        {
            detail.Status.ShouldBe(HttpStatusCode.OK);
            list.Json.Items("items").Select(i => i.Long("id")).ShouldContain(id);
        }
        else
        {
            await detail.Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
            list.Json.Items("items").Select(i => i.Long("id")).ShouldNotContain(id);
        }
    }

    [Theory]
    [InlineData("officer2", true)]
    [InlineData("head2", true)]
    [InlineData("leader", true)]
    [InlineData("officer", false)]
    [InlineData("head", false)]
    public async Task CommunityCase_VisibleTo(string user, bool visible)
    {
        var id = await factory.AssignedCaseAsync(unitName: Community);

        var detail = await GetAsync(await factory.ApiClientAsync(user), $"/api/v1/opinion/cases/{id}");

        detail.Status.ShouldBe(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("office", HttpStatusCode.OK)]
    [InlineData("principal", HttpStatusCode.OK)]
    [InlineData("viewer", HttpStatusCode.OK)]
    [InlineData("leader", HttpStatusCode.NotFound)]
    [InlineData("head", HttpStatusCode.NotFound)]
    public async Task UnassignedCase_OnlyTheWideRoles(string user, HttpStatusCode expected)
    {
        var id = (await OpenAsync(await factory.ApiClientAsync("office"), [await factory.ItemAsync("未交办的")])).Id;

        (await GetAsync(await factory.ApiClientAsync(user), $"/api/v1/opinion/cases/{id}")).Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("head", "close")]
    [InlineData("leader", "close")]
    [InlineData("viewer", "close")]
    [InlineData("principal", "reopen")]
    public async Task VisibleButNotTheOffice_Forbidden(string user, string action)
    {
        var id = await factory.AssignedCaseAsync();

        var result = await PostAsync(await factory.ApiClientAsync(user), $"/api/v1/opinion/cases/{id}/{action}",
            new { summary = "x", lessons = "y", reason = "z" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task ActivatePlan_TasksWithOwnersAndDueTimes_CompletedByOwner()
    {
        var id = await factory.AssignedCaseAsync("major");
        var officer2 = await factory.UserIdAsync("officer2");
        var communityId = await factory.UnitIdAsync(Community);
        var officeId = await factory.UserIdAsync("office");
        var planId = await factory.QueryAsync(async db =>
        {
            var plan = EmergencyPlan.Create("停水停电舆情处置预案" + Guid.NewGuid().ToString("N")[..4], "公共服务", OpinionSeverity.Major, null,
            [
                new PlanStepInput("成立处置专班", TaskOwnerKind.Office, null, null, 30),
                new PlanStepInput("现场核查", TaskOwnerKind.ResponsibleUnit, null, null, 120),
                new PlanStepInput("社区入户解释", TaskOwnerKind.Unit, communityId, null, 240),
                new PlanStepInput("网上舆情监测", TaskOwnerKind.User, null, officer2, 1440),
            ], officeId, factory.Clock.GetUtcNow().UtcDateTime);
            db.Set<EmergencyPlan>().Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var office = await factory.ApiClientAsync("office");

        var activated = await PostAsync(office, $"/api/v1/opinion/cases/{id}/plans/{planId}", new { });

        activated.Status.ShouldBe(HttpStatusCode.OK, $"body: {activated.Json}");
        activated.Json.Items("tasks").Select(t => (t.Str("title"), t.Str("ownerKind"), t.Str("owner"), t.Str("dueAt"))).ShouldBe(
        [
            ("成立处置专班", "office", "示例街道", "2026-11-20T02:30:00Z"),
            ("现场核查", "responsible_unit", PartyOffice, "2026-11-20T04:00:00Z"),
            ("社区入户解释", "unit", Community, "2026-11-20T06:00:00Z"),
            ("网上舆情监测", "user", "王海涛", "2026-11-21T02:00:00Z"),
        ]);
        var again = await PostAsync(office, $"/api/v1/opinion/cases/{id}/plans/{planId}", new { });
        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.PlanAlreadyActive");
        (await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.OpinionCaseId == id && n.Kind == NotificationKind.OpinionTaskAssigned && n.UserId == officer2)))
            .ShouldBe(2, "officer2 owns the monitoring task and works at the community that owns another");

        var monitoring = activated.Json.Items("tasks").Single(t => t.Str("title") == "网上舆情监测").Long("id");
        var byOfficer = await PostAsync(await factory.ApiClientAsync("officer"), $"/api/v1/opinion/cases/{id}/tasks/{monitoring}/complete", new { note = "x" });
        await byOfficer.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        var fieldCheck = activated.Json.Items("tasks").Single(t => t.Str("title") == "现场核查").Long("id");
        var done = await PostAsync(await factory.ApiClientAsync("officer"), $"/api/v1/opinion/cases/{id}/tasks/{fieldCheck}/complete", new { note = "已核查" });
        var task = done.Json.Items("tasks").Single(t => t.Long("id") == fieldCheck);
        (task.Str("completedBy"), task.Str("note")).ShouldBe(("李文静", "已核查"));
        var twice = await PostAsync(office, $"/api/v1/opinion/cases/{id}/tasks/{fieldCheck}/complete", new { note = "再次" });
        await twice.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.TaskAlreadyDone");
    }

    [Fact]
    public async Task Interview_OnlyOnOverdueCases()
    {
        var start = factory.Clock.GetUtcNow();
        var id = await factory.AssignedCaseAsync("major");
        var office = await factory.ApiClientAsync("office");
        var body = new { interviewee = "张建国 党政办主任", interviewedAt = "2026-11-20T12:30", interviewer = "赵立新 党工委书记", outcome = "责令立即回应并作书面检查" };

        await (await PostAsync(office, $"/api/v1/opinion/cases/{id}/interviews", body)).Response.ShouldBeProblemAsync(HttpStatusCode.Conflict,
            "OpinionCase.NotOverdue");
        factory.Clock.Set(new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.FromHours(8)));
        try
        {
            var future = await PostAsync(office, $"/api/v1/opinion/cases/{id}/interviews", body with { interviewedAt = "2026-11-20T14:00" });
            await future.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "OpinionCase.InterviewInFuture");
            var recorded = await PostAsync(office, $"/api/v1/opinion/cases/{id}/interviews", body);

            recorded.Status.ShouldBe(HttpStatusCode.OK, $"body: {recorded.Json}");
            var i = recorded.Json.Items("interviews").Single();
            (i.Str("unit"), i.Str("interviewee"), i.Str("interviewedAt"), i.Str("interviewer"), i.Str("outcome"), i.Str("recordedBy"))
                .ShouldBe((PartyOffice, "张建国 党政办主任", "2026-11-20T04:30:00Z", "赵立新 党工委书记", "责令立即回应并作书面检查", "周敏"));
        }
        finally
        {
            factory.Clock.Set(start);
        }
    }
}
