using System.Net;
using System.Text.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using static Herald.Web.Tests.OpinionCases.CaseSetup;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Notifications;

/// <summary>
/// "请您审核/请核实"的通知发给同一级的每个人；这一步有人处理了，发给各人的这条都标为已读（不再挂在未读里）。
/// 本类给党政办公室加一位负责人、给街道加一位宣传办人员。
/// </summary>
public sealed class NotificationResolveTests(CaseFactory factory) : IClassFixture<CaseFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // xUnit 为每个测试新建本类的实例：两位只加一次。
        if (await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.UserName == "deputy")))
            return;
        await factory.AddUserAsync("deputy", "钱副主任", PartyOffice, Role.UnitHead);
        await factory.AddUserAsync("office2", "冯宣传", "示例街道", Role.Office);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IReadOnlyList<JsonElement>> UnreadAsync(HttpClient client, Func<JsonElement, bool> about)
    {
        var response = await client.GetAsync("/api/v1/notifications?unread=true");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).EnumerateArray().Where(about).ToList();
    }

    private static Func<JsonElement, bool> Manuscript(long id) =>
        n => n.TryGetProperty("manuscriptId", out var m) && m.ValueKind == JsonValueKind.Number && m.GetInt64() == id;

    private static Func<JsonElement, bool> Case(long id) =>
        n => n.TryGetProperty("opinionCaseId", out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt64() == id;

    [Fact]
    public async Task ReviewRequested_OneHeadApproves_OtherHeadsRequestMarkedRead()
    {
        var id = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker(), "important")).Long("id");
        var deputy = await factory.ApiClientAsync("deputy");
        (await UnreadAsync(deputy, Manuscript(id))).ShouldHaveSingleItem().Str("kind").ShouldBe("review_requested");

        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head"), id, "approve");

        (await UnreadAsync(deputy, Manuscript(id))).ShouldBeEmpty();
        (await UnreadAsync(await factory.ApiClientAsync("head"), Manuscript(id))).ShouldBeEmpty();
        (await UnreadAsync(await factory.ApiClientAsync("leader"), Manuscript(id))).ShouldHaveSingleItem().Str("kind").ShouldBe("review_requested");
    }

    [Fact]
    public async Task ReviewRequested_Returned_EveryReviewersRequestMarkedRead()
    {
        var id = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker())).Long("id");

        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("deputy"), id, "return", "请补充数据。");

        (await UnreadAsync(await factory.ApiClientAsync("head"), Manuscript(id))).ShouldBeEmpty();
    }

    [Fact]
    public async Task OpinionApprovalRequested_OneHeadApproves_OtherHeadsRequestMarkedRead()
    {
        var id = await factory.AssignedCaseAsync("major");
        var responded = await RespondAsync(await factory.ApiClientAsync("officer"), id);
        responded.Status.ShouldBe(HttpStatusCode.Created, $"body: {responded.Json}");
        var deputy = await factory.ApiClientAsync("deputy");
        (await UnreadAsync(deputy, Case(id))).Select(n => n.Str("kind")).ShouldContain("opinion_approval_requested");

        (await ReviewAsync(await factory.ApiClientAsync("head"), id, responded.Json.Items("responses").Single().Long("id"))).Status
            .ShouldBe(HttpStatusCode.OK);

        (await UnreadAsync(deputy, Case(id))).Select(n => n.Str("kind")).ShouldNotContain("opinion_approval_requested");
        (await UnreadAsync(await factory.ApiClientAsync("leader"), Case(id))).Select(n => n.Str("kind")).ShouldContain("opinion_approval_requested");
    }

    [Fact]
    public async Task AdoptionClaimed_OneOfficeVerifies_OtherOfficesRequestMarkedRead()
    {
        var id = await factory.ApprovedAsync();
        var claim = await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper));
        claim.Status.ShouldBe(HttpStatusCode.Created, $"body: {claim.Json}");
        var office2 = await factory.ApiClientAsync("office2");
        (await UnreadAsync(office2, Manuscript(id))).ShouldHaveSingleItem().Str("kind").ShouldBe("adoption_claimed");

        (await PostEmptyAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/{claim.Id}/verify")).Status.ShouldBe(HttpStatusCode.OK);

        (await UnreadAsync(office2, Manuscript(id))).ShouldBeEmpty();
    }
}
