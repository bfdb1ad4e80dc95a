using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.OpinionCases;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Security;

/// <summary>
/// 议题 9 第 14 项：新建时给了另一单位（调用者无权的单位）的编号，一律 403（不是 400）且什么都不建；
/// 信息员备案记录不泄露存在：别的单位的记录与不存在的记录同样 404，回答一字不差。
/// kjj.office 是只管示例县科学技术局的宣传办；示例街道及其下级都在它的范围之外。
/// </summary>
public sealed class ForeignUnitTests(CaseFactory factory) : IClassFixture<CaseFactory>
{
    private async Task<HttpClient> BureauOfficeAsync()
    {
        if (!await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "kjj.office")))
            await factory.AddUserAsync("kjj.office", "科技局宣传", "示例县科学技术局", Role.Office);
        return await factory.ApiClientAsync("kjj.office");
    }

    [Fact]
    public async Task CreateManuscript_OtherUnit_403NothingSaved()
    {
        var officer = await factory.ApiClientAsync("officer");
        var before = await factory.QueryAsync(db => db.Manuscripts.CountAsync());

        var result = await ManuscriptApi.PostAsync(officer, new ManuscriptForm { UnitId = await factory.UnitIdAsync("和平社区") });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Manuscript.NotYourUnit", "您不是该单位的信息员。");
        (await factory.QueryAsync(db => db.Manuscripts.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task ReportOpinionItem_OtherUnit_403NothingSaved()
    {
        var officer = await factory.ApiClientAsync("officer");
        var before = await factory.QueryAsync(db => db.OpinionItems.CountAsync());
        var form = new MultipartFormDataContent
        {
            { new StringContent("微博"), "platform" }, { new StringContent("本地生活号"), "source" },
            { new StringContent("有网友称和平社区路灯不亮。"), "content" },
            { new StringContent((await factory.UnitIdAsync("和平社区")).ToString()), "unitId" },
        };

        var response = await officer.PostAsync("/api/v1/opinion/reports", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "OpinionItem.NotReportUnit", "不能以这个单位的名义上报。");
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task OpenCase_OwnerUnitOutsideScope_403NothingSaved()
    {
        var bureauOffice = await BureauOfficeAsync();
        var before = await factory.QueryAsync(db => db.OpinionCases.CountAsync());

        var opened = await CaseSetup.OpenAsync(bureauOffice, [await factory.ItemAsync("范围外立案")],
            superior: new { ownerUnitId = await factory.UnitIdAsync("示例街道") });

        await opened.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "OpinionCase.UnitOutOfScope");
        (await factory.QueryAsync(db => db.OpinionCases.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task RegisterCorrespondent_OtherUnit_403NothingSaved()
    {
        var bureauOffice = await BureauOfficeAsync();
        var before = await factory.QueryAsync(db => db.Correspondents.CountAsync());

        var response = await bureauOffice.PostAsJsonAsync("/api/v1/correspondents",
            new { unitId = await factory.UnitIdAsync("和平社区"), name = "越权", phone = "13800000000", appointedOn = "2026-11-01" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Correspondent.UnitNotInScope", "只能在您所辖范围内的单位登记信息员。");
        (await factory.QueryAsync(db => db.Correspondents.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task CreateChannel_OtherUnit_403()
    {
        var bureauOffice = await BureauOfficeAsync();

        var response = await bureauOffice.PostAsJsonAsync("/api/v1/channels",
            new { unitId = await factory.UnitIdAsync("示例街道"), name = "越权公众号", type = "we_chat", responsibleName = "某某" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Channel.UnitNotInScope");
        (await factory.QueryAsync(db => db.Channels.AnyAsync(c => c.Name == "越权公众号"))).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateBulletin_RootOutsideScope_403NothingSaved()
    {
        var bureauOffice = await BureauOfficeAsync();
        var before = await factory.QueryAsync(db => db.Bulletins.CountAsync());

        var response = await bureauOffice.PostAsJsonAsync("/api/v1/bulletins",
            new { year = 2026, quarter = 1, rootUnitId = await factory.UnitIdAsync("示例街道") });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Bulletin.UnitNotInScope", "只能为您所辖范围内的单位出通报。");
        (await factory.QueryAsync(db => db.Bulletins.CountAsync())).ShouldBe(before);
    }

    public static TheoryData<string, string> CorrespondentRecordCalls => new()
    {
        { "GET", "/api/v1/correspondents/{id}" },
        { "PUT", "/api/v1/correspondents/{id}" },
        { "POST", "/api/v1/correspondents/{id}/end" },
    };

    [Theory]
    [MemberData(nameof(CorrespondentRecordCalls))]
    public async Task CorrespondentRecord_OtherUnitsAndMissing_SameNotFound(string method, string url)
    {
        var bureauOffice = await BureauOfficeAsync();
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        var foreign = await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == party).Select(c => c.Id).FirstAsync());
        var body = new { name = "越权", phone = "13800000000", appointedOn = "2026-11-01", endedOn = "2026-11-01" };

        async Task<string> CallAsync(long id)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", id.ToString()));
            if (method != "GET") request.Content = JsonContent.Create(body);
            var response = await bureauOffice.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            return await response.Content.ReadAsStringAsync();
        }

        var otherUnits = await CallAsync(foreign);
        var missing = await CallAsync(99_999_999);

        Strip(otherUnits).ShouldBe(Strip(missing));
    }

    [Fact]
    public async Task CorrespondentRecordPage_OtherUnitsAndMissing_SameNotFound()
    {
        await BureauOfficeAsync();
        using var session = await factory.SignInAsync("kjj.office");
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        var foreign = await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == party).Select(c => c.Id).FirstAsync());

        var otherUnits = await session.Client.GetAsync($"/org/correspondents/{foreign}/edit");
        var missing = await session.Client.GetAsync("/org/correspondents/99999999/edit");

        otherUnits.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    // ProblemDetails 里的 traceId 每次不同、instance 是请求地址，比较时去掉。
    private static string Strip(string problem) =>
        System.Text.RegularExpressions.Regex.Replace(problem, "\"(traceId|instance)\":\"[^\"]*\",?", "");
}
