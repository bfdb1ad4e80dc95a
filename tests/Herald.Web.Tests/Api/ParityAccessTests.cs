using System.Net;
using System.Text;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Api;

/// <summary>
/// 为页面对照新加的 API 操作（组织管理之外的）：页面拒绝的调用者，API 同样拒绝——角色不对 403，
/// 宣传办超出所辖范围 404（不泄露对象是否存在），库里什么都没变。组织、备案、类别见 OrgAccessTests。
/// </summary>
public sealed class ParityAccessTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    /// <summary>kjj.office 是只管示例县科学技术局的宣传办；{streetChannel} 为示例街道的渠道，{outlet} 为一家媒体，{bureau} 为科技局。</summary>
    public static TheoryData<string, string, string, string?, HttpStatusCode, string> Cases => new()
    {
        { "head", "PUT", "/api/v1/channels/{streetChannel}", "{\"name\":\"越权\",\"type\":\"website\",\"responsibleName\":\"某\"}", HttpStatusCode.Forbidden, "Forbidden" },
        { "kjj.office", "PUT", "/api/v1/channels/{streetChannel}", "{\"name\":\"越权\",\"type\":\"website\",\"responsibleName\":\"某\"}", HttpStatusCode.NotFound, "NotFound" },
        { "kjj.office", "POST", "/api/v1/channels/{streetChannel}/disable", null, HttpStatusCode.NotFound, "NotFound" },
        { "officer", "POST", "/api/v1/channels/{streetChannel}/enable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "PUT", "/api/v1/outlets/{outlet}", "{\"name\":\"越权\",\"level\":\"county\",\"type\":\"web\"}", HttpStatusCode.Forbidden, "Forbidden" },
        { "principal", "POST", "/api/v1/outlets/{outlet}/disable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "officer", "POST", "/api/v1/outlets/{outlet}/enable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "POST", "/api/v1/opinion/feeds/1/disable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "opinion", "POST", "/api/v1/opinion/feeds/1/enable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "principal", "POST", "/api/v1/opinion/feeds/1/poll", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "GET", "/api/v1/opinion/intake-tokens", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "opinion", "POST", "/api/v1/opinion/intake-tokens", "{\"vendor\":\"越权厂商\"}", HttpStatusCode.Forbidden, "Forbidden" },
        { "principal", "POST", "/api/v1/opinion/intake-tokens/1/revoke", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "opinion", "PUT", "/api/v1/opinion/deadline-rules", "[{\"severity\":\"major\",\"kind\":\"first_response\",\"hours\":9}]", HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "POST", "/api/v1/opinion/plans", "{\"name\":\"越权预案\",\"category\":\"其他\",\"severity\":\"general\"}", HttpStatusCode.Forbidden, "Forbidden" },
        { "principal", "PUT", "/api/v1/opinion/plans/1", "{\"name\":\"越权预案\",\"category\":\"其他\",\"severity\":\"general\"}", HttpStatusCode.Forbidden, "Forbidden" },
        { "opinion", "POST", "/api/v1/opinion/plans/1/disable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "viewer", "POST", "/api/v1/opinion/plans/1/enable", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "office", "POST", "/api/v1/org/import", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "GET", "/api/v1/org/import/template", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "GET", "/api/v1/reports/export.xlsx?rootUnitId={bureau}", null, HttpStatusCode.NotFound, "NotFound" },
        { "auditor", "POST", "/api/v1/opinion/reports", "multipart", HttpStatusCode.Forbidden, "OpinionItem.NoReportUnit" },
        { "head", "PUT", "/api/v1/usage-rules", "{\"rules\":[]}", HttpStatusCode.Forbidden, "Forbidden" },
        { "officer", "GET", "/api/v1/usage-rules/export", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "head", "GET", "/api/v1/pool", null, HttpStatusCode.Forbidden, "Forbidden" },
        { "officer", "GET", "/api/v1/pool/export.xlsx", null, HttpStatusCode.Forbidden, "Forbidden" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_CallerThePageRefuses_RefusedAndNothingChanged(string userName, string method, string url, string? body,
        HttpStatusCode status, string code)
    {
        await EnsureScopedOfficeAsync();
        using var client = await factory.ApiClientAsync(userName);
        var streetChannel = await factory.QueryAsync(db => db.Channels.Where(c => c.Name == "示例街道门户网站").Select(c => c.Id).SingleAsync());
        var outlet = await factory.QueryAsync(db => db.Outlets.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        url = url.Replace("{streetChannel}", streetChannel.ToString()).Replace("{outlet}", outlet.ToString())
            .Replace("{bureau}", (await factory.UnitIdAsync("示例县科学技术局")).ToString());
        var before = await ChangesAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Content = body switch
        {
            null => null,
            "multipart" => new MultipartFormDataContent { { new StringContent("微博"), "platform" }, { new StringContent("越权上报"), "content" } },
            _ => new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(status, code);
        (await ChangesAsync()).ShouldBe(before);
    }

    private async Task EnsureScopedOfficeAsync()
    {
        if (!await factory.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "kjj.office")))
            await factory.AddUserAsync("kjj.office", "科技局宣传", "示例县科学技术局", Role.Office);
    }

    /// <summary>每次修改都记审计：除登录与取令牌之外的审计条数不变，就是什么都没改。</summary>
    private Task<int> ChangesAsync() =>
        factory.QueryAsync(db => db.AuditEntries.CountAsync(a => !a.Action.StartsWith("signin") && a.Action != "token.issue"
                                                                  && a.Action != "access.denied"));
}
