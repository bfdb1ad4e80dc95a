using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Organization;

public sealed class AuditPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task AuditPage_Auditor_NewestFirstFilteredByUserAndActionPrefix()
    {
        using var officer = await factory.SignInAsync("officer");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var head = await factory.SignInAsync("head");
        using var auditor = await factory.SignInAsync("auditor");

        var (response, all) = await auditor.GetPageAsync("/audit?action=signin.success");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var users = all.QuerySelectorAll("[data-testid=audit-row]").Select(r => r.GetAttribute("data-user")).ToList();
        users.IndexOf("head").ShouldBeLessThan(users.IndexOf("officer"));
        all.QuerySelector("[data-testid=audit-row]")!.TextContent.ShouldContain("2026年11月20日");

        var (_, mine) = await auditor.GetPageAsync("/audit?user=OFFICER&action=signin");
        var rows = mine.QuerySelectorAll("[data-testid=audit-row]");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetAttribute("data-user") == "officer" && r.GetAttribute("data-action")!.StartsWith("signin"));
    }

    [Fact]
    public async Task AuditPage_DateRangeInChinaTime_ExcludesOtherDays()
    {
        using var auditor = await factory.SignInAsync("auditor");

        var (_, today) = await auditor.GetPageAsync("/audit?from=2026-11-20&to=2026-11-20");
        var (_, yesterday) = await auditor.GetPageAsync("/audit?to=2026-11-19");

        today.QuerySelectorAll("[data-testid=audit-row]").ShouldNotBeEmpty();
        yesterday.QuerySelectorAll("[data-testid=audit-row]").ShouldBeEmpty();
        var (bad, _) = await auditor.GetPageAsync("/audit?from=20261120");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AuditPage_SecAdmin_Allowed_IsReadOnly()
    {
        using var secadmin = await factory.SignInAsync("secadmin");

        var (response, page) = await secadmin.GetPageAsync("/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("form[method=post]").Select(f => f.GetAttribute("action")).ShouldBe(["/signout"]);
        (await secadmin.Client.PostAsync("/audit", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task AuditPage_SystemAdministrator_Forbidden()
    {
        using var admin = await factory.SignInAsync("admin");

        (await admin.Client.GetAsync("/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
