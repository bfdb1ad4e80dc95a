using System.Net;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>
/// 用稿登记 API：本单位人员申报（待核实，通知宣传办），宣传办登记（即核实）、核实、不予认定（通知申报人）；
/// 重复登记 409；范围外 404、无权 403；每次状态变化都有审计记录。
/// </summary>
public sealed class AdoptionApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private const string NotFound = "找不到您要的内容，或您无权查看。";

    private async Task<(long Manuscript, long Adoption)> ClaimedAsync(string user = "officer", string outlet = ProvincialPaper)
    {
        var id = await factory.ApprovedAsync();
        var result = await ClaimAsync(await factory.ApiClientAsync(user), id, await factory.OutletIdAsync(outlet));
        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        return (id, result.Id);
    }

    private Task<int> AdoptionCountAsync(long manuscriptId) =>
        factory.QueryAsync(db => db.Adoptions.CountAsync(a => a.ManuscriptId == manuscriptId));

    [Fact]
    public async Task Claim_Correspondent_201PendingOfficeNotifiedAndAudited()
    {
        var id = await factory.ApprovedAsync();
        var outlet = await factory.OutletIdAsync(ProvincialPaper);

        var result = await ClaimAsync(await factory.ApiClientAsync("officer"), id, outlet, column: "要闻版", frontPage: true);

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var a = result.Json;
        (a.Str("status"), a.Str("kind"), a.Long("outletId"), a.Str("sourceName"), a.Str("level"), a.Str("outletType"), a.Bool("govInfo"))
            .ShouldBe(("pending", "outlet", outlet, ProvincialPaper, "provincial", "newspaper", false));
        (a.Str("adoptedOn"), a.Str("column"), a.Bool("frontPage"), a.Str("claimedBy"), a.Long("manuscriptId")).ShouldBe((Today, "要闻版", true, "李文静", id));
        a.IsNull("verifiedBy").ShouldBeTrue();
        a.IsNull("proof").ShouldBeTrue();
        var forOffice = (await NotificationsAsync(await factory.ApiClientAsync("office"), id)).ShouldHaveSingleItem();
        (forOffice.Str("kind"), forOffice.Str("actorName")).ShouldBe(("adoption_claimed", "李文静"));
        (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).Select(n => n.Str("kind")).ShouldNotContain("adoption_claimed");
        (await factory.AuditActionsAsync("Adoption", result.Id)).ShouldBe(["adoption.claim"]);
        var detail = await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("viewer"), id);
        detail.Items("adoptions").Select(x => (x.Long("id"), x.Str("status"))).ShouldBe([(result.Id, "pending")]);
    }

    [Fact]
    public async Task Claim_UnitHead_201Pending()
    {
        var (_, adoption) = await ClaimedAsync("head");

        (await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption))).Status.ShouldBe(Domain.Publishing.AdoptionStatus.Pending);
    }

    [Fact]
    public async Task Record_Office_201VerifiedAtOnceNoClaimNotification()
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimAsync(await factory.ApiClientAsync("office"), id, await factory.OutletIdAsync("示例县融媒体中心"));

        result.Status.ShouldBe(HttpStatusCode.Created);
        (result.Json.Str("status"), result.Json.Str("verifiedBy"), result.Json.Str("level")).ShouldBe(("verified", "周敏", "county"));
        (await NotificationsAsync(await factory.ApiClientAsync("office"), id)).ShouldBeEmpty();
        (await factory.AuditActionsAsync("Adoption", result.Id)).ShouldBe(["adoption.record"]);
    }

    [Theory]
    [InlineData("officer2")]
    [InlineData("head2")]
    public async Task Claim_OtherUnit_404AndNothingCreated(string user)
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimAsync(await factory.ApiClientAsync(user), id, await factory.OutletIdAsync(ProvincialPaper));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound", NotFound);
        (await AdoptionCountAsync(id)).ShouldBe(0);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("viewer")]
    [InlineData("principal")]
    public async Task Claim_CanSeeButNotOfTheUnit_403(string user)
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimAsync(await factory.ApiClientAsync(user), id, await factory.OutletIdAsync(ProvincialPaper));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await AdoptionCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Claim_SameOutletTwice_409ChineseDetailAndOneRow()
    {
        var (id, _) = await ClaimedAsync();

        var again = await ClaimAsync(await factory.ApiClientAsync("office"), id, await factory.OutletIdAsync(ProvincialPaper));

        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Adoption.Duplicate", "“大众日报”对这篇稿件的用稿已经登记过了，不能重复登记。");
        (await AdoptionCountAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Claim_NotApproved_409()
    {
        var id = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer"), ManuscriptApi.Marker())).Long("id");

        var result = await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper));

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Publishing.NotApproved");
    }

    [Theory]
    [InlineData("2026-11-21", "adoptedOn", "Adoption.DateInFuture", "日期不能晚于今天。")]
    [InlineData("2026-11-19", "adoptedOn", "Adoption.DateBeforeSubmission", "日期不能早于稿件的报送日期。")]
    [InlineData("2026/11/20", "adoptedOn", "Form.BadDate", "日期格式应为 yyyy-MM-dd，如 2026-03-05。")]
    [InlineData("", "adoptedOn", "Required", "此项为必填项。")]
    public async Task Claim_BadDate_400(string adoptedOn, string field, string code, string message)
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper), adoptedOn);

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, message)).FieldErrors(field).ShouldBe([message]);
        (await AdoptionCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Claim_NoOrUnknownOrDisabledOutlet_400()
    {
        var id = await factory.ApprovedAsync();
        var officer = await factory.ApiClientAsync("officer");
        var office = await factory.ApiClientAsync("office");
        var name = ManuscriptApi.Marker() + "停刊的报纸";
        var disabled = (await PostJsonAsync(office, "/api/v1/outlets", new { name, level = "county", type = "newspaper" })).Id;
        using (var session = await factory.SignInAsync("office"))
            (await session.PostFormAsync("/publishing/outlets", $"/publishing/outlets/{disabled}/disable", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var none = await PostJsonAsync(officer, $"/api/v1/manuscripts/{id}/adoptions", new { adoptedOn = Today });
        var unknown = await ClaimAsync(officer, id, 999_999);
        var off = await ClaimAsync(officer, id, disabled);

        (await none.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("outletId").ShouldNotBeEmpty();
        await unknown.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Adoption.OutletUnknown", "找不到所选的媒体，请从媒体名录中选择。");
        await off.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Adoption.OutletDisabled", $"媒体“{name}”已停用，不能再登记它的用稿。");
        (await AdoptionCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Claim_MalformedJson_400()
    {
        var id = await factory.ApprovedAsync();
        var officer = await factory.ApiClientAsync("officer");

        var response = await officer.PostAsync($"/api/v1/manuscripts/{id}/adoptions",
            new StringContent("{\"outletId\": \"大众日报\"", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "BadRequest", "请求格式不正确。");
    }

    [Fact]
    public async Task Claim_GovBulletin_MarkedAsGovInfo()
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(CountyGovBulletin));

        (result.Json.Str("outletType"), result.Json.Bool("govInfo"), result.Json.Str("level")).ShouldBe(("gov_bulletin", true, "county"));
    }

    [Fact]
    public async Task Instruction_Claim_201PendingAndOfficeNotified()
    {
        var id = await factory.ApprovedAsync();

        var result = await PostJsonAsync(await factory.ApiClientAsync("officer"), $"/api/v1/manuscripts/{id}/instructions",
            new { leader = "县委书记 王某某", level = "county", instructedOn = Today, url = "https://gov.example.invalid/ps/1" });

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var a = result.Json;
        (a.Str("kind"), a.Str("sourceName"), a.Str("level"), a.Str("status"), a.Str("url")).ShouldBe(("instruction", "县委书记 王某某", "county", "pending", "https://gov.example.invalid/ps/1"));
        a.IsNull("outletType").ShouldBeTrue();
        a.IsNull("outletId").ShouldBeTrue();
        (await NotificationsAsync(await factory.ApiClientAsync("office"), id)).ShouldHaveSingleItem().Str("kind").ShouldBe("adoption_claimed");
    }

    [Fact]
    public async Task Instruction_ByOffice_Verified_DuplicateSameDay409()
    {
        var id = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");
        var body = new { leader = "市长 李某某", level = "municipal", instructedOn = Today };

        (await PostJsonAsync(office, $"/api/v1/manuscripts/{id}/instructions", body)).Json.Str("status").ShouldBe("verified");
        var again = await PostJsonAsync(office, $"/api/v1/manuscripts/{id}/instructions", body);

        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Adoption.DuplicateInstruction", "市长 李某某 对这篇稿件同一天的批示已经登记过了。");
        (await AdoptionCountAsync(id)).ShouldBe(1);
    }

    [Theory]
    [InlineData(null, "county", Today, "leader", "Required")]
    [InlineData("王某某", null, Today, "level", "Required")]
    [InlineData("王某某", "national", Today, "level", "Publishing.UnknownCode")]
    [InlineData("王某某", "county", "2026-11-21", "instructedOn", "Adoption.DateInFuture")]
    [InlineData("王某某", "county", null, "instructedOn", "Required")]
    public async Task Instruction_BadField_400NamingTheField(string? leader, string? level, string? instructedOn, string field, string code)
    {
        var id = await factory.ApprovedAsync();

        var result = await PostJsonAsync(await factory.ApiClientAsync("officer"), $"/api/v1/manuscripts/{id}/instructions", new { leader, level, instructedOn });

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
        (await AdoptionCountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Verify_Office_200ClaimantNotifiedAndAudited()
    {
        var (id, adoption) = await ClaimedAsync();

        var result = await PostEmptyAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/{adoption}/verify");

        result.Status.ShouldBe(HttpStatusCode.OK, $"body: {result.Json}");
        (result.Json.Str("status"), result.Json.Str("verifiedBy")).ShouldBe(("verified", "周敏"));
        var told = (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).First();
        (told.Str("kind"), told.Str("actorName")).ShouldBe(("adoption_verified", "周敏"));
        (await factory.AuditActionsAsync("Adoption", adoption)).ShouldBe(["adoption.claim", "adoption.verify"]);
        var history = (await ManuscriptApi.GetOkAsync(await factory.ApiClientAsync("officer"), id)).Items("history").Select(h => h.Str("action")).ToList();
        history.TakeLast(2).ShouldBe(["adoption_recorded", "adoption_verified"]);
    }

    [Fact]
    public async Task Verify_DoubleClick_Second409AndNothingChanges()
    {
        var (id, adoption) = await ClaimedAsync();
        var office = await factory.ApiClientAsync("office");
        var first = await PostEmptyAsync(office, $"/api/v1/adoptions/{adoption}/verify");
        first.Status.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        try
        {
            var second = await PostEmptyAsync(office, $"/api/v1/adoptions/{adoption}/verify");

            await second.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Adoption.NotPending", "这条用稿登记已经处理过了，请刷新页面查看最新状态。");
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(-1));
        }
        var saved = await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption));
        saved.VerifiedAt.ShouldBe(new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc));
        (await factory.AuditActionsAsync("Adoption", adoption)).ShouldBe(["adoption.claim", "adoption.verify"]);
        (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).Count(n => n.Str("kind") == "adoption_verified").ShouldBe(1);
    }

    [Theory]
    [InlineData("officer", HttpStatusCode.Forbidden)]
    [InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("principal", HttpStatusCode.Forbidden)]
    [InlineData("officer2", HttpStatusCode.NotFound)]
    public async Task VerifyOrRefuse_NotOffice_Refused(string user, HttpStatusCode status)
    {
        var (_, adoption) = await ClaimedAsync();
        var client = await factory.ApiClientAsync(user);

        (await PostEmptyAsync(client, $"/api/v1/adoptions/{adoption}/verify")).Status.ShouldBe(status);
        (await PostJsonAsync(client, $"/api/v1/adoptions/{adoption}/refuse", new { reason = "不算" })).Status.ShouldBe(status);
        (await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption))).Status.ShouldBe(Domain.Publishing.AdoptionStatus.Pending);
    }

    [Fact]
    public async Task VerifyUnknownAdoption_404()
    {
        await (await PostEmptyAsync(await factory.ApiClientAsync("office"), "/api/v1/adoptions/987654/verify"))
            .Response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Refuse_WithReason_200ClaimantToldWhy_SecondRefusal409()
    {
        var (id, adoption) = await ClaimedAsync();
        var office = await factory.ApiClientAsync("office");

        var result = await PostJsonAsync(office, $"/api/v1/adoptions/{adoption}/refuse", new { reason = "截图看不清版面日期" });
        var again = await PostJsonAsync(office, $"/api/v1/adoptions/{adoption}/refuse", new { reason = "再次" });

        result.Status.ShouldBe(HttpStatusCode.OK);
        (result.Json.Str("status"), result.Json.Str("refuseReason")).ShouldBe(("refused", "截图看不清版面日期"));
        var told = (await NotificationsAsync(await factory.ApiClientAsync("officer"), id)).First();
        (told.Str("kind"), told.Str("comment")).ShouldBe(("adoption_refused", "截图看不清版面日期"));
        await again.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Adoption.AlreadyRefused");
        (await factory.AuditActionsAsync("Adoption", adoption)).ShouldBe(["adoption.claim", "adoption.refuse"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Refuse_NoReason_400AndStillPending(string? reason)
    {
        var (_, adoption) = await ClaimedAsync();

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/{adoption}/refuse", new { reason });

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Adoption.ReasonRequired", "不予认定时必须填写理由。"))
            .FieldErrors("reason").ShouldNotBeEmpty();
        (await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption))).Status.ShouldBe(Domain.Publishing.AdoptionStatus.Pending);
    }

    [Fact]
    public async Task Refuse_Verified_RevokedAndAuditedAsRevoke()
    {
        var (_, adoption) = await ClaimedAsync();
        var office = await factory.ApiClientAsync("office");
        (await PostEmptyAsync(office, $"/api/v1/adoptions/{adoption}/verify")).Status.ShouldBe(HttpStatusCode.OK);

        var result = await PostJsonAsync(office, $"/api/v1/adoptions/{adoption}/refuse", new { reason = "登记有误：实为转载" });

        result.Json.Str("status").ShouldBe("refused");
        (await factory.AuditActionsAsync("Adoption", adoption)).ShouldBe(["adoption.claim", "adoption.verify", "adoption.revoke"]);
    }

    [Fact]
    public async Task Refused_SameOutletMayBeClaimedAgain()
    {
        var (id, adoption) = await ClaimedAsync();
        (await PostJsonAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/{adoption}/refuse", new { reason = "缺少证明" })).Status.ShouldBe(HttpStatusCode.OK);

        var again = await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper));

        again.Status.ShouldBe(HttpStatusCode.Created);
        (await AdoptionCountAsync(id)).ShouldBe(2);
    }

    [Fact]
    public async Task List_ScopedByManuscriptVisibility()
    {
        var (_, mine) = await ClaimedAsync();

        var forOfficer = await GetAsync(await factory.ApiClientAsync("officer"), "/api/v1/adoptions?pageSize=100");
        var forOfficer2 = await GetAsync(await factory.ApiClientAsync("officer2"), "/api/v1/adoptions?pageSize=100");
        var forOffice = await GetAsync(await factory.ApiClientAsync("office"), "/api/v1/adoptions?status=pending&pageSize=100");

        forOfficer.Json.Items("items").Select(a => a.Long("id")).ShouldContain(mine);
        forOfficer2.Json.Items("items").Select(a => a.Long("id")).ShouldNotContain(mine);
        forOffice.Json.Items("items").Select(a => a.Long("id")).ShouldContain(mine);
        forOffice.Json.Items("items").ShouldAllBe(a => a.Str("status") == "pending");
    }

    [Fact]
    public async Task List_FiltersByStatusOutletAndPeriod_Paged()
    {
        var (_, paper) = await ClaimedAsync(outlet: ProvincialPaper);
        var (_, tv) = await ClaimedAsync(outlet: "山东广播电视台");
        var office = await factory.ApiClientAsync("office");
        (await PostEmptyAsync(office, $"/api/v1/adoptions/{tv}/verify")).Status.ShouldBe(HttpStatusCode.OK);
        var tvOutlet = await factory.OutletIdAsync("山东广播电视台");

        var verifiedTv = await GetAsync(office, $"/api/v1/adoptions?status=verified&outletId={tvOutlet}&from={Today}&to={Today}&pageSize=100");
        var tomorrowOnly = await GetAsync(office, "/api/v1/adoptions?from=2026-11-21");
        var firstPage = await GetAsync(office, "/api/v1/adoptions?pageSize=1");

        verifiedTv.Json.Items("items").Select(a => a.Long("id")).ShouldContain(tv);
        verifiedTv.Json.Items("items").Select(a => a.Long("id")).ShouldNotContain(paper);
        tomorrowOnly.Json.Int("total").ShouldBe(0);
        firstPage.Json.Items("items").Count.ShouldBe(1);
        firstPage.Json.Int("total").ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData("status=approved", "status", "Publishing.UnknownCode")]
    [InlineData("from=20261120", "from", "Form.BadDate")]
    public async Task List_BadFilter_400(string query, string field, string code)
    {
        var result = await GetAsync(await factory.ApiClientAsync("office"), "/api/v1/adoptions?" + query);

        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/api/v1/manuscripts/{id}/publications", "post")]
    [InlineData("/api/v1/manuscripts/{id}/not-used", "post")]
    [InlineData("/api/v1/manuscripts/{id}/adoptions", "post")]
    [InlineData("/api/v1/manuscripts/{id}/instructions", "post")]
    [InlineData("/api/v1/adoptions", "get")]
    [InlineData("/api/v1/adoptions/{id}/verify", "post")]
    [InlineData("/api/v1/adoptions/{id}/refuse", "post")]
    [InlineData("/api/v1/adoptions/{id}/proof", "get")]
    [InlineData("/api/v1/channels", "get")]
    [InlineData("/api/v1/channels", "post")]
    [InlineData("/api/v1/outlets", "get")]
    [InlineData("/api/v1/outlets", "post")]
    public async Task OpenApi_DocumentsEveryPublishingOperation(string path, string method)
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        document.GetProperty("paths").GetProperty(path).GetProperty(method).Str("summary").ShouldNotBeNullOrWhiteSpace();
    }
}
