using Microsoft.EntityFrameworkCore;
using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Smoke;

public sealed class StartupTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Healthz_EmptyDataDir_AnswersOkAfterMigrationAndSeed()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (factory.PostgresConnectionString is null) File.Exists(Path.Combine(factory.DataDir, "herald.db")).ShouldBeTrue();
        (await factory.QueryAsync(db => db.Users.AnyAsync())).ShouldBeTrue();
    }

    [Fact]
    public async Task Home_Anonymous_RedirectsToSignIn()
    {
        using var session = factory.AnonymousSession();
        var response = await session.Client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task Home_SignedInOfficer_ShowsDemoBannerAndGreeting()
    {
        using var session = await factory.SignInAsync("officer");
        var (response, document) = await session.GetPageAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-testid=demo-banner]").ShouldNotBeNull();
        document.QuerySelector("h1")!.TextContent.ShouldContain("李文静");
    }
}
