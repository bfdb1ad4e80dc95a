using System.Net;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Audit;

/// <summary>
/// 议题 9 第 10 项：被拒绝的访问（403/404）、导出（Excel/Word）、文件下载、查阅审计日志本身都记入审计；
/// 审计记录里没有稿件、舆情的标题（只有编号）。
/// </summary>
public sealed class AccessAuditTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private Task<List<string>> DetailsAsync(string action, string userName) =>
        factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == action && a.UserName == userName)
            .OrderBy(a => a.Id).Select(a => a.Detail ?? "").ToListAsync());

    [Fact]
    public async Task DeniedAccess_MissingObjectAndForbiddenList_Audited()
    {
        using var officer = await factory.ApiClientAsync("officer");

        (await officer.GetAsync("/api/v1/manuscripts/987654")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var details = await DetailsAsync("access.denied", "officer");
        details.ShouldContain("GET /api/v1/manuscripts/987654 404");
        details.ShouldContain("GET /api/v1/users 403");
    }

    [Fact]
    public async Task DeniedAccess_PageOfAnotherUnitsManuscript_Audited()
    {
        var foreign = (await ManuscriptApi.SubmitAsync(await factory.ApiClientAsync("officer2"), ManuscriptApi.Marker())).Long("id");
        using var officer = await factory.SignInAsync("officer");

        (await officer.Client.GetAsync($"/manuscripts/{foreign}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await DetailsAsync("access.denied", "officer")).ShouldContain($"GET /manuscripts/{foreign} 404");
    }

    [Fact]
    public async Task Export_Workbook_Audited()
    {
        using var secadmin = await factory.ApiClientAsync("secadmin");

        var response = await secadmin.GetAsync("/api/v1/users/export.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DetailsAsync("export", "secadmin")).ShouldContain("GET /api/v1/users/export.xlsx 200");
    }

    [Fact]
    public async Task Download_FileWithName_Audited()
    {
        using var admin = await factory.SignInAsync("admin");

        var response = await admin.Client.GetAsync("/org/import/template");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition.ShouldNotBeNull();
        (await DetailsAsync("file.download", "admin")).ShouldContain("GET /org/import/template 200");
    }

    [Fact]
    public async Task AuditLog_ReadAndExported_Audited()
    {
        using var auditor = await factory.ApiClientAsync("auditor");

        (await auditor.GetAsync("/api/v1/audit?action=signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetAsync("/api/v1/audit/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await DetailsAsync("audit.read", "auditor")).ShouldContain("action signin");
        (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "audit.export" && a.UserName == "auditor"))).ShouldBeTrue();
    }

    [Fact]
    public async Task ContentAudits_NoTitles_IdsOnly()
    {
        var title = ManuscriptApi.Marker();
        var officer = await factory.ApiClientAsync("officer");
        var id = (await ManuscriptApi.SubmitAsync(officer, title, draft: true)).Long("id");

        var details = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Manuscript" && a.EntityId == id)
            .Select(a => a.Detail ?? "").ToListAsync());

        details.ShouldNotBeEmpty();
        details.ShouldAllBe(d => !d.Contains(title));
    }
}
