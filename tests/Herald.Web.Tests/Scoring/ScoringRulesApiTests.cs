using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Scoring;

/// <summary>GET/PUT /api/v1/scoring-rules：读权限、新增版本、逐项校验、生效日期不早于今天、过期的编辑 409。时钟 2026-11-20。</summary>
public sealed class ScoringRulesApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<int> VersionCountAsync() => await factory.QueryAsync(db => db.ScoringRuleSets.CountAsync());

    [Theory]
    [InlineData("office")]
    [InlineData("principal")]
    [InlineData("viewer")]
    public async Task Get_OfficePrincipalViewer_SeeCurrentAndHistory(string user)
    {
        var client = await factory.ApiClientAsync(user);
        var response = await client.GetAsync("/api/v1/scoring-rules");
        var json = await response.ReadJsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"body: {json}");
        var current = json.GetProperty("current");
        current.Bool("current").ShouldBeTrue();
        current.GetProperty("points").GetProperty("central").GetProperty("newspaper").GetDecimal().ShouldBe(10m);
        current.GetProperty("points").GetProperty("internal").GetProperty("gov_bulletin").GetDecimal().ShouldBe(0.5m);
        current.GetProperty("instructionBonus").GetProperty("central").GetDecimal().ShouldBe(20m);
        json.Items("versions").ShouldContain(v => v.Str("effectiveFrom") == "2000-01-01");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("leader")]
    [InlineData("admin")]
    public async Task Get_Others_403(string user)
    {
        var client = await factory.ApiClientAsync(user);
        await (await client.GetAsync("/api/v1/scoring-rules")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Theory]
    [InlineData("principal")]
    [InlineData("viewer")]
    [InlineData("head")]
    public async Task Put_NotOffice_403(string user)
    {
        var before = await VersionCountAsync();
        var client = await factory.ApiClientAsync(user);

        await (await client.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2026-12-01")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await VersionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Put_Office_CreatesAVersionWithAudit()
    {
        var office = await factory.ApiClientAsync("office");
        var response = await office.PutAsJsonAsync("/api/v1/scoring-rules",
            RuleBodies.Body("2027-01-01", central: 12m, multiAdoption: "sum", capPoints: 80m, capPeriod: "quarter", monthlyQuota: 3,
                missingPenalty: 1.5m, latePenalty: 0.5m, note: "2027年起调整"));
        var created = await response.ReadJsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"body: {created}");
        created.Str("effectiveFrom").ShouldBe("2027-01-01");
        created.GetProperty("points").GetProperty("central").GetProperty("xuexi").GetDecimal().ShouldBe(12m);
        (created.Str("multiAdoption"), created.Str("capPeriod"), created.Int("monthlyQuota")).ShouldBe(("sum", "quarter", 3));
        created.GetProperty("capPoints").GetDecimal().ShouldBe(80m);
        created.Str("createdByName").ShouldBe("周敏");
        created.Bool("current").ShouldBeFalse();

        var list = await (await office.GetAsync("/api/v1/scoring-rules")).ReadJsonAsync();
        list.Items("versions")[0].Long("id").ShouldBe(created.Long("id"));
        list.Items("versions")[0].Str("note").ShouldBe("2027年起调整");
        // 新版本明年才生效：今天仍按原版本。
        list.GetProperty("current").Long("id").ShouldNotBe(created.Long("id"));
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "scoring.rules.create" && a.EntityId == created.Long("id"))))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Put_EffectiveYesterday_RefusedInChineseWithTheReason()
    {
        var before = await VersionCountAsync();
        var office = await factory.ApiClientAsync("office");
        var problem = await (await office.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2026-11-19")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Scoring.EffectiveInPast");

        var message = problem.FieldErrors("effectiveFrom").Single();
        message.ShouldContain("不能早于今天（2026年11月20日）");
        message.ShouldContain("已发布的通报已经冻结");
        (await VersionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Put_EffectiveToday_BecomesCurrent()
    {
        var factoryToday = new HeraldFactory();
        await using var _ = factoryToday;
        var office = await factoryToday.ApiClientAsync("office");
        var created = await (await office.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2026-11-20", provincial: 6m))).ReadJsonAsync();

        created.Bool("current").ShouldBeTrue();
        var list = await (await office.GetAsync("/api/v1/scoring-rules")).ReadJsonAsync();
        list.GetProperty("current").Long("id").ShouldBe(created.Long("id"));
        list.GetProperty("current").GetProperty("points").GetProperty("provincial").GetProperty("tv").GetDecimal().ShouldBe(6m);
    }

    [Fact]
    public async Task Put_ManyBadFields_EachReportedInChinese()
    {
        var before = await VersionCountAsync();
        var body = RuleBodies.Body("2026-12-01", frontPageMultiplier: 0.5m, capPoints: 0m, monthlyQuota: 101, missingPenalty: -1m);
        var points = (Dictionary<string, Dictionary<string, decimal?>>)body["points"]!;
        points["central"].Remove("tv");
        points["county"]["web"] = 1000.5m;
        body["multiAdoption"] = "average";
        body["capPeriod"] = "week";
        body["note"] = new string('注', 501);
        var office = await factory.ApiClientAsync("office");
        var problem = await (await office.PutAsJsonAsync("/api/v1/scoring-rules", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");

        problem.FieldErrors("points.central.tv").ShouldBe(["此项为必填项。"]);
        problem.FieldErrors("points.county.web").ShouldBe(["应为 0 到 1000 之间的数。"]);
        problem.FieldErrors("frontPageMultiplier").ShouldBe(["头版/头条倍数应在 1 到 10 之间。"]);
        problem.FieldErrors("capPoints").ShouldBe(["积分上限应大于 0；不设上限请留空。"]);
        problem.FieldErrors("monthlyQuota").Single().ShouldStartWith("每月报送任务应为 0 到 100 的整数");
        problem.FieldErrors("missingPenalty").ShouldBe(["应为 0 到 1000 之间的数。"]);
        problem.FieldErrors("multiAdoption").Single().ShouldContain("只计最高或累计");
        problem.FieldErrors("capPeriod").Single().ShouldContain("每月、每季度或每年");
        problem.FieldErrors("note").ShouldBe(["内容过长，最多 500 个字。"]);
        (await VersionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Put_TooManyDecimals_Refused()
    {
        var body = RuleBodies.Body("2026-12-01", latePenalty: 0.125m);
        var office = await factory.ApiClientAsync("office");
        var problem = await (await office.PutAsJsonAsync("/api/v1/scoring-rules", body))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Scoring.NotANumber");
        problem.FieldErrors("latePenalty").ShouldBe(["应为数字，最多两位小数。"]);
    }

    [Fact]
    public async Task Put_StaleBasedOn_409AndNothingAdded()
    {
        var office = await factory.ApiClientAsync("office");
        var latest = (await (await office.GetAsync("/api/v1/scoring-rules")).ReadJsonAsync()).Items("versions").Max(v => v.Long("id"));

        var first = await office.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2026-12-15", basedOn: latest));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var count = await VersionCountAsync();
        // 同一表单再提交一次（重复点击）：最新版本已不是 basedOn。
        await (await office.PutAsJsonAsync("/api/v1/scoring-rules", RuleBodies.Body("2026-12-15", basedOn: latest)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "Scoring.Stale");
        (await VersionCountAsync()).ShouldBe(count);
    }
}
