using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Herald.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Web.Tests.Web;

/// <summary>
/// 每个页面 POST 路由（从应用的端点数据源生成，新路由自动加入）收到空表单或乱填的表单（类型不对、超长、不存在的编号），
/// 以带防伪令牌的登录用户身份提交：答 4xx 或带中文说明的页面，从不 500。
/// </summary>
public sealed partial class BadFormPostTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    // Field names the forms use, each with a value of the wrong type or out of range.
    private static readonly Dictionary<string, string> Garbage = new()
    {
        ["id"] = "abc", ["unitId"] = "-1", ["UnitId"] = "99999999999999999999", ["userId"] = "x", ["categoryId"] = "1e9",
        ["title"] = new string('长', 200_000), ["body"] = "\0", ["name"] = "", ["Name"] = " ", ["role"] = "no_such_role",
        ["Role"] = "管理员", ["importance"] = "urgent!", ["eventDate"] = "2026-13-45", ["knownAt"] = "yesterday",
        ["from"] = "0000-00-00", ["to"] = "9999-99-99", ["revision"] = "NaN", ["Revision"] = "-9223372036854775809",
        ["decision"] = "maybe", ["action"] = "explode", ["ids"] = "1,x,0", ["itemIds"] = "0", ["manuscriptIds"] = "abc",
        ["level"] = "999", ["severity"] = "extreme", ["status"] = "??", ["channelId"] = "0", ["outletId"] = "-5",
        ["dueAt"] = "2026-02-30T25:61", ["points"] = "1e400", ["quarter"] = "9", ["year"] = "99999", ["page"] = "-1",
        ["Password"] = "", ["NewPassword"] = "", ["UserName"] = "", ["returnUrl"] = "//evil.example", ["ReturnUrl"] = "/%09/x",
        ["planId"] = "x", ["keywords"] = "\u202E", ["text"] = "", ["reason"] = new string('x', 100_000), ["captions"] = "",
        ["stagedPhotos"] = "../../etc/passwd", ["document"] = "not-a-file", ["ParentId"] = "0", ["Type"] = "Nope",
    };

    public static IEnumerable<object[]> Users => [["admin"], ["office"]];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task PagePost_EmptyAndMalformedForms_NeverAnswer500(string userName)
    {
        using var session = await factory.SignInAsync(userName);
        var token = await session.TokenAsync("/");
        var failures = new List<string>();
        // Ids that do not exist first: with real ids some posts change state (a user disabled), so they come last.
        foreach (var id in new[] { "999999999", "1" })
        {
            foreach (var route in PagePostRoutes())
            {
                var url = RouteParameter().Replace(route, id);
                foreach (var (kind, fields) in new[] { ("empty", new Dictionary<string, string>()), ("malformed", Garbage) })
                {
                    var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
                    var response = await session.Client.PostAsync(url, form);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{kind} POST {url} → {(int)response.StatusCode}");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    [Fact]
    public async Task SignIn_AnonymousEmptyForm_Answers400()
    {
        using var session = factory.AnonymousSession();
        var token = await session.TokenAsync("/signin");
        var response = await session.Client.PostAsync("/signin",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("用户名");
    }

    [Fact]
    public async Task Culture_ReturnUrlWithTab_Answers400()
    {
        using var session = factory.AnonymousSession();
        var response = await session.Client.GetAsync("/culture?c=en-US&r=/%09/x");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenCase_ItemIdZero_Answers400()
    {
        using var office = await factory.ApiClientAsync("office");
        var response = await office.PostAsync("/api/v1/opinion/cases",
            new StringContent("""{"title":"测试舆情","itemIds":[0]}""", Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    /// <summary>页面（非 /api）的 POST 路由模板，如 /manuscripts/{id:long}/review。</summary>
    private List<string> PagePostRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("/api/", StringComparison.Ordinal) && r != "/signout")
            .Distinct().Order().ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
