using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.OpinionCases;

/// <summary>应急预案与时限规则的维护：API 与 /opinion/plans、/opinion/policy 页同一个处理器。</summary>
public sealed class PlanPolicyApiTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    [Fact]
    public async Task Plan_CreateUpdateDisableEnable_HoursAsNumbers_StaleRevisionConflicts()
    {
        using var office = await factory.ApiClientAsync("office");
        var name = "燃气泄漏舆情预案" + Guid.NewGuid().ToString("N")[..4];

        var created = await office.PostAsJsonAsync("/api/v1/opinion/plans", new
        {
            name, category = "安全生产", severity = "major",
            steps = new object[] { new { title = "启动应急响应", owner = "office", hours = 0.5 }, new { title = "现场处置", owner = "responsible_unit", hours = "2" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.ReadJsonAsync();
        var id = plan.Long("id");
        plan.Items("steps").Select(s => s.Int("offsetMinutes")).ShouldBe([30, 120]);

        var updated = await office.PutAsJsonAsync($"/api/v1/opinion/plans/{id}", new
        {
            name, category = "安全生产", severity = "significant", revision = plan.Int("revision"),
            steps = new object[] { new { title = "启动应急响应", owner = "office", hours = 1 } },
        });
        var stale = await office.PutAsJsonAsync($"/api/v1/opinion/plans/{id}", new { name, category = "安全生产", severity = "major", revision = plan.Int("revision") });
        var disabled = await office.PostAsync($"/api/v1/opinion/plans/{id}/disable", null);
        var enabled = await office.PostAsync($"/api/v1/opinion/plans/{id}/enable", null);

        var after = await updated.ReadJsonAsync();
        (after.Str("severity"), after.Items("steps").Count).ShouldBe(("significant", 1));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "OpinionCase.Stale");
        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("EmergencyPlan", id)).ShouldBe(
            ["emergency_plan.create", "emergency_plan.update", "emergency_plan.disable", "emergency_plan.enable"]);
    }

    [Fact]
    public async Task Plan_BadInput_Chinese400_UnknownPlan404()
    {
        using var office = await factory.ApiClientAsync("office");

        var noSeverity = await office.PostAsJsonAsync("/api/v1/opinion/plans", new { name = "缺等级", category = "其他" });
        var badHours = await office.PostAsJsonAsync("/api/v1/opinion/plans", new
        {
            name = "坏时限", category = "其他", severity = "general", steps = new object[] { new { title = "步骤", owner = "office", hours = "很快" } },
        });
        var hoursAsObject = await office.PostAsJsonAsync("/api/v1/opinion/plans", new
        {
            name = "坏时限", category = "其他", severity = "general", steps = new object[] { new { title = "步骤", hours = new { value = 1 } } },
        });

        (await noSeverity.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("severity").ShouldNotBeEmpty();
        (await badHours.ReadJsonAsync()).Int("status").ShouldBe(400);
        await hoursAsObject.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest");
        (await office.PostAsync("/api/v1/opinion/plans/999999/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/opinion/plans");
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, "/api/v1/opinion/plans/1");
    }

    [Fact]
    public async Task DeadlineRules_PutCells_OnlyThoseChange_EmptyHoursRemovesAndAudited()
    {
        using var office = await factory.ApiClientAsync("office");
        var before = await Rules(office);

        var saved = await office.PutAsJsonAsync("/api/v1/opinion/deadline-rules", new object[]
        {
            new { severity = "general", kind = "first_response", hours = 1.5, basis = "本县规定" },
            new { severity = "significant", kind = "first_response", hours = (decimal?)null },
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await Rules(office);
        after[("general", "first_response")].ShouldBe(90);
        after.ContainsKey(("significant", "first_response")).ShouldBeFalse();
        after.Where(r => r.Key.Severity is not ("general" or "significant") || r.Key.Kind != "first_response")
            .ShouldBe(before.Where(r => r.Key.Severity is not ("general" or "significant") || r.Key.Kind != "first_response"), ignoreOrder: true);
        (await factory.AuditDetailsAsync("opinion_policy.update")).ShouldContain(d => d.Contains("general.first_response=90"));
    }

    [Fact]
    public async Task DeadlineRules_BadCells_Chinese400NothingSaved()
    {
        using var office = await factory.ApiClientAsync("office");
        var before = await Rules(office);

        var badSeverity = await office.PutAsJsonAsync("/api/v1/opinion/deadline-rules", new object[] { new { severity = "apocalyptic", kind = "first_response", hours = 1 } });
        var badHours = await office.PutAsJsonAsync("/api/v1/opinion/deadline-rules", new object[] { new { severity = "general", kind = "first_response", hours = "一小时" } });

        (await badSeverity.ReadJsonAsync()).Int("status").ShouldBe(400);
        (await badHours.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Form.NotANumber")).FieldErrors("general.first_response").ShouldNotBeEmpty();
        (await Rules(office)).ShouldBe(before, ignoreOrder: true);
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, "/api/v1/opinion/deadline-rules");
    }

    private static async Task<Dictionary<(string Severity, string Kind), int>> Rules(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/opinion/deadline-rules")).ReadJsonAsync()).EnumerateArray()
            .Where(r => r.GetProperty("minutes").ValueKind == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(r => (r.Str("severity"), r.Str("kind")), r => r.Int("minutes"));
}
