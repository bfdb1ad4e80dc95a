using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Account;

public sealed class SignInTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static Dictionary<string, string> Credentials(string userName, string password, string returnUrl = "/") =>
        new() { ["UserName"] = userName, ["Password"] = password, ["ReturnUrl"] = returnUrl };

    [Fact]
    public async Task SignIn_GoodPassword_RedirectsToReturnUrlWithHttpOnlyCookie()
    {
        using var session = factory.AnonymousSession();

        var response = await session.PostFormAsync("/signin", "/signin", Credentials("officer", HeraldFactory.Password, "/manuscripts"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/manuscripts");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("herald.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldNotContain("expires=", Case.Insensitive); // 会话 Cookie，关闭浏览器即失效
        (await session.Client.GetAsync("/manuscripts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_RedirectsHomeInstead()
    {
        using var session = factory.AnonymousSession();

        var response = await session.PostFormAsync("/signin", "/signin", Credentials("officer", HeraldFactory.Password, "//evil.example/x"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns401PageWithMessageAndNoCookie()
    {
        using var session = factory.AnonymousSession();

        var response = await session.PostFormAsync("/signin", "/signin", Credentials("head", "Wrong#2026pass"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("herald.auth=", StringComparison.Ordinal));
        var document = await WebSession.ParseAsync(response);
        document.QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim().ShouldBe("用户名或口令错误。");
        (document.QuerySelector("#UserName") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("head");
        (await session.Client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_UnknownUser_SameMessageAsWrongPassword()
    {
        using var session = factory.AnonymousSession();

        var response = await session.PostFormAsync("/signin", "/signin", Credentials("nobody", HeraldFactory.Password));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var document = await WebSession.ParseAsync(response);
        document.QuerySelector("[data-testid=alert-danger]")!.TextContent.Trim().ShouldBe("用户名或口令错误。");
    }

    [Fact]
    public async Task SignOut_SignedIn_EndsSession()
    {
        using var session = await factory.SignInAsync("viewer");

        var response = await session.PostFormAsync("/", "/signout", new());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/signin");
        var home = await session.Client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.AbsolutePath.ShouldBe("/signin");
    }
}
