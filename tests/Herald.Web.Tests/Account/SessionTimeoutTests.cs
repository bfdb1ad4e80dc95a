using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

/// <summary>30 分钟无操作超时（滑动）：时间取自应用的 TimeProvider（测试时钟）。</summary>
public sealed class SessionTimeoutTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Page_Idle31Minutes_RedirectsToSignInWithExpiredFlag()
    {
        using var session = await factory.SignInAsync("officer");
        (await session.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await session.Client.GetAsync("/manuscripts");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.AbsolutePath.ShouldBe("/signin");
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        query["expired"].ShouldBe("1");
        query["returnUrl"].ShouldBe("/manuscripts");

        var (page, document) = await session.GetPageAsync(location.PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=alert-warning]")!.TextContent.Trim().ShouldBe("登录已超时或已失效，请重新登录。");
    }

    [Fact]
    public async Task Page_ActiveEvery20Minutes_StaysSignedInPastTheIdleLimit()
    {
        using var session = await factory.SignInAsync("head");

        for (var i = 1; i <= 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            var response = await session.Client.GetAsync("/");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"after {i * 20} minutes");
        }
    }

    [Fact]
    public async Task Page_Idle29Minutes_StillSignedIn()
    {
        using var session = await factory.SignInAsync("leader");

        factory.Clock.Advance(TimeSpan.FromMinutes(29));

        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_HtmxRequestAfterTimeout_Answers401WithHxRedirect()
    {
        using var session = await factory.SignInAsync("principal");
        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/reviews");
        request.Headers.Add("HX-Request", "true");
        var response = await session.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var target = new Uri(new Uri("http://localhost"), response.Headers.GetValues("HX-Redirect").Single());
        target.AbsolutePath.ShouldBe("/signin");
        System.Web.HttpUtility.ParseQueryString(target.Query)["expired"].ShouldBe("1");
    }
}
