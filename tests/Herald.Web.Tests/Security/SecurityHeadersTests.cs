using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Security;

public sealed class SecurityHeadersTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
        var csp = Header("Content-Security-Policy");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-eval");
        Header("X-Frame-Options").ShouldBe("DENY");
        Header("X-Content-Type-Options").ShouldBe("nosniff");
        Header("Referrer-Policy").ShouldBe("same-origin");
    }

    [Fact]
    public async Task SignInPage_Anonymous_HasSecurityHeaders()
    {
        var response = await factory.CreateClient().GetAsync("/signin");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task HomePage_SignedIn_HasSecurityHeaders()
    {
        using var session = await factory.SignInAsync("officer");

        var response = await session.Client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task Api_Unauthorized_HasSecurityHeaders()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldHaveSecurityHeaders(response);
    }

    [Fact]
    public async Task ErrorPage_NotFound_HasSecurityHeaders()
    {
        using var session = await factory.SignInAsync("officer");

        var response = await session.Client.GetAsync("/manuscripts/999999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldHaveSecurityHeaders(response);
    }
}
