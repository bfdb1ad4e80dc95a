using System.Net;
using System.Text.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Publishing;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Tables;

/// <summary>用稿登记数据表：新筛选（单位、标题、级别）、排序、导出（范围同列表），批量核实逐条检查、逐条报告。</summary>
public sealed class AdoptionTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    /// <summary>officer 申报一条用稿，返回（稿件，登记）。</summary>
    private async Task<(long Manuscript, long Adoption, string Title)> ClaimedAsync(string outlet = ProvincialPaper, string? title = null)
    {
        title ??= ManuscriptApi.Marker();
        var id = await factory.ApprovedAsync(title);
        var claim = await PublishingApi.ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(outlet));
        claim.Status.ShouldBe(HttpStatusCode.Created, claim.Json.ToString());
        return (id, claim.Json.Long("id"), title);
    }

    [Fact]
    public async Task List_KeywordLevelAndSort_FilterAndOrder()
    {
        var marker = ManuscriptApi.Marker();
        var (_, provincial, _) = await ClaimedAsync(ProvincialPaper, marker + "乙");
        var (_, county, _) = await ClaimedAsync(CountyGovBulletin, marker + "甲");
        var office = await factory.ApiClientAsync("office");

        var all = await GetAsync(office, $"/api/v1/adoptions?status=all&q={marker}&sort=level&dir=asc");
        all.Json.Items("items").Select(i => i.Long("id")).ShouldBe([provincial, county]); // 省级在县级之前
        var desc = await GetAsync(office, $"/api/v1/adoptions?status=all&q={marker}&sort=level&dir=desc");
        desc.Json.Items("items").Select(i => i.Long("id")).ShouldBe([county, provincial]);
        var byLevel = await GetAsync(office, $"/api/v1/adoptions?status=all&q={marker}&level=provincial");
        byLevel.Json.Items("items").Select(i => i.Long("id")).ShouldBe([provincial]);
        // 稿件的列不在白名单上：省级规模下要连接全部稿件再排序。
        foreach (var key in new[] { "proof_hash", "title", "unit" })
            (await office.GetAsync("/api/v1/adoptions?sort=" + key)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_OfficeAndCorrespondent_OnlyVisibleRowsReadableColumns()
    {
        var marker = ManuscriptApi.Marker();
        var (_, own, _) = await ClaimedAsync(title: marker + "党政");
        var officer2 = await factory.ApiClientAsync("officer2");
        var other = (await ManuscriptApi.SubmitAsync(officer2, marker + "社区")).Long("id");
        await ManuscriptApi.ReviewOkAsync(await factory.ApiClientAsync("head2"), other, "approve");
        var otherClaim = (await PublishingApi.ClaimAsync(officer2, other, await factory.OutletIdAsync(ProvincialPaper))).Json.Long("id");

        var office = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/export.xlsx?q={marker}&sort=claimedAt&dir=asc");
        var officer = await ExportedSheet.GetAsync(await factory.ApiClientAsync("officer"), $"/api/v1/adoptions/export.xlsx?q={marker}");

        office.FileName.ShouldBe("用稿登记-2026年11月20日.xlsx");
        office.Column("编号").Select(long.Parse).ShouldBe([own, otherClaim]); // 申报时间相同：同值的按编号，方向同排序
        office.Column("媒体级别").ShouldBe(["省级", "省级"]);
        office.Column("状态").ShouldBe(["待核实", "待核实"]);
        officer.Column("编号").Select(long.Parse).ShouldBe([own]);
    }

    [Fact]
    public async Task Export_OpensInLibreOfficeCalc()
    {
        var (_, _, title) = await ClaimedAsync();

        var sheet = await ExportedSheet.GetAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/export.xlsx?q={title}");

        sheet.Column("稿件标题").ShouldBe([title]);
        await sheet.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task VerifyBatch_MixedItems_EachCheckedAndReported()
    {
        var (_, first, firstTitle) = await ClaimedAsync();
        var (_, second, _) = await ClaimedAsync(CountyGovBulletin);
        var (_, done, _) = await ClaimedAsync();
        var office = await factory.ApiClientAsync("office");
        (await PostEmptyAsync(office, $"/api/v1/adoptions/{done}/verify")).Status.ShouldBe(HttpStatusCode.OK);

        var result = await PostJsonAsync(office, "/api/v1/adoptions/verify-batch", new { ids = new[] { first, done, 987654321L, second, first } });

        result.Status.ShouldBe(HttpStatusCode.OK, result.Json.ToString());
        var items = result.Json.EnumerateArray().ToList();
        items.Select(i => i.Long("id")).ShouldBe([first, done, 987654321L, second]);
        items[0].Str("status").ShouldBe("verified");
        items[0].Str("title").ShouldBe(firstTitle);
        items[0].TryGetProperty("error", out _).ShouldBeFalse();
        items[1].Str("code").ShouldBe("Adoption.NotPending");
        items[1].TryGetProperty("status", out _).ShouldBeFalse();
        items[2].Str("code").ShouldBe("NotFound");
        items[2].Str("error").ShouldBe("找不到您要的内容，或您无权查看。");
        items[3].Str("status").ShouldBe("verified");
        var statuses = await factory.QueryAsync(db => db.Adoptions.Where(a => a.Id == first || a.Id == second).Select(a => a.Status).ToListAsync());
        statuses.ShouldAllBe(s => s == Herald.Domain.Publishing.AdoptionStatus.Verified);

        // 重复提交：都已核实，逐条报告，不会核实两次。
        var again = await PostJsonAsync(office, "/api/v1/adoptions/verify-batch", new { ids = new[] { first, second } });
        again.Json.EnumerateArray().Select(i => i.Str("code")).ShouldBe(["Adoption.NotPending", "Adoption.NotPending"]);
    }

    [Fact]
    public async Task VerifyBatch_OutOfScopeAndWrongRole_ReportedPerItemWithoutLeaking()
    {
        var (_, claim, _) = await ClaimedAsync();
        await factory.AddUserAsync("bureau.office", "科技局宣传", "示例县科学技术局", Role.Office);
        var bureau = await factory.ApiClientAsync("bureau.office");
        var officer = await factory.ApiClientAsync("officer");

        var outOfScope = await PostJsonAsync(bureau, "/api/v1/adoptions/verify-batch", new { ids = new[] { claim } });
        var notOffice = await PostJsonAsync(officer, "/api/v1/adoptions/verify-batch", new { ids = new[] { claim } });

        outOfScope.Json.EnumerateArray().Single().Str("code").ShouldBe("NotFound");
        outOfScope.Json.EnumerateArray().Single().TryGetProperty("title", out _).ShouldBeFalse();
        notOffice.Json.EnumerateArray().Single().Str("code").ShouldBe("Forbidden");
        (await factory.QueryAsync(db => db.Adoptions.Where(a => a.Id == claim).Select(a => a.Status).SingleAsync()))
            .ShouldBe(Herald.Domain.Publishing.AdoptionStatus.Pending);
    }

    [Theory]
    [InlineData("{\"ids\":[]}", "Batch.Empty")]
    [InlineData("{}", "Batch.Empty")]
    public async Task VerifyBatch_NoIds_400(string body, string code)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.PostAsync("/api/v1/adoptions/verify-batch", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code, "请至少选择一项。");
    }

    [Fact]
    public async Task VerifyBatch_TooMany_400()
    {
        var office = await factory.ApiClientAsync("office");

        var response = await PostJsonAsync(office, "/api/v1/adoptions/verify-batch", new { ids = Enumerable.Range(1, 101).Select(i => (long)i) });

        await response.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Batch.TooMany", "一次最多处理 100 项。");
    }

    [Fact]
    public async Task Page_BatchForm_VerifiesCheckedAndShowsEachResult()
    {
        var (_, first, firstTitle) = await ClaimedAsync();
        var (_, second, _) = await ClaimedAsync(CountyGovBulletin);
        using var office = await factory.SignInAsync("office");
        var (_, page) = await office.GetPageAsync("/adoptions");
        page.QuerySelector("form#adoption-batch").ShouldNotBeNull();
        page.QuerySelector($"tr[data-adoption-id='{first}'] input[name=ids][form=adoption-batch]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=select-all]").ShouldNotBeNull();
        await PostEmptyAsync(await factory.ApiClientAsync("office"), $"/api/v1/adoptions/{second}/verify");

        var response = await office.PostFormAsync("/adoptions", "/adoptions/verify-batch",
            new() { ["ids"] = first.ToString(), ["returnUrl"] = "/adoptions?status=pending" });
        var result = await WebSession.ParseAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = result.QuerySelector($"[data-testid=batch-item][data-id='{first}']")!;
        row.GetAttribute("data-done").ShouldBe("true");
        row.TextContent.ShouldContain(firstTitle);
        row.TextContent.ShouldContain("已核实");
        result.QuerySelector("[data-testid=batch-back]")!.GetAttribute("href").ShouldBe("/adoptions?status=pending");
    }
}
