using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Bulletins;

/// <summary>谁能建、改、发布、看：宣传办管理所辖范围；草稿对其他人 404；已发布的在本人范围内可见；时期未结束、重复发布 409；过期修改 409。</summary>
public sealed class BulletinAccessTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> StreetIdAsync() => await factory.UnitIdAsync("示例街道");

    private async Task<long> DraftAsync(HttpClient office, int year, int quarter) =>
        (await BulletinApi.CreateOkAsync(office, new { year, quarter, rootUnitId = await StreetIdAsync() })).Long("id");

    [Fact]
    public async Task Create_NotOffice_Forbidden()
    {
        var officer = await factory.ApiClientAsync("officer");
        var viewer = await factory.ApiClientAsync("viewer");

        var byOfficer = await BulletinApi.CreateAsync(officer, new { year = 2024, quarter = 1, rootUnitId = await StreetIdAsync() });
        var byViewer = await BulletinApi.CreateAsync(viewer, new { year = 2024, quarter = 1 });

        await byOfficer.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        await byViewer.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await factory.QueryAsync(db => db.Bulletins.CountAsync(b => b.Year == 2024))).ShouldBe(0);
    }

    [Fact]
    public async Task Create_SamePeriodTwice_SecondClickRefusedNextVersionAfterPublishingKeepsOffice()
    {
        // 科技局的范围只有这个测试用：发文机关的缺省值不受别的测试影响。
        var office = await factory.ApiClientAsync("office");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");
        var body = new { year = 2025, quarter = 2, rootUnitId = bureau };

        var first = await BulletinApi.CreateOkAsync(office, body);
        var doubleClick = await BulletinApi.CreateAsync(office, body);
        var renamed = await office.PutAsJsonAsync($"/api/v1/bulletins/{first.Long("id")}", new
        {
            issuingOffice = "示例县科学技术局办公室", issueDate = "2025-07-06", praiseUnitCount = 3, praiseCorrespondentCount = 5,
            revision = first.Int("revision"),
        });
        await BulletinApi.PublishOkAsync(office, first.Long("id"));
        var second = await BulletinApi.CreateOkAsync(office, body);
        var annual = await BulletinApi.CreateOkAsync(office, new { year = 2025, kind = "annual", rootUnitId = bureau });

        await doubleClick.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Bulletin.DraftExists",
            "这个时期、这个范围已有一份草稿（第1版），请直接修改它；发布之后才能再建新版本。");
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.Bulletins.CountAsync(b => b.RootUnitId == bureau && b.Year == 2025 && b.Quarter == 2))).ShouldBe(2);
        first.Int("version").ShouldBe(1);
        first.Str("issuingOffice").ShouldBe("示例县科学技术局宣传办公室");
        first.Str("issueDate").ShouldBe("2026-11-20");
        first.Str("rootName").ShouldBe("示例县科学技术局");
        second.Int("version").ShouldBe(2);
        second.Str("issuingOffice").ShouldBe("示例县科学技术局办公室");
        annual.Int("version").ShouldBe(1);
        annual.Str("kind").ShouldBe("annual");
        annual.Int("quarter").ShouldBe(0);
        annual.Str("title").ShouldBe("关于2025年度宣传信息工作考核情况的通报");
        var audited = await factory.QueryAsync(db => db.AuditEntries
            .Where(a => a.Action == "bulletin.create" && (a.EntityId == first.Long("id") || a.EntityId == second.Long("id")))
            .CountAsync());
        audited.ShouldBe(2);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bulletin.edit" && a.EntityId == first.Long("id")))).ShouldBe(1);
    }

    [Fact]
    public async Task Create_OfficeOfTwoUnitsWithoutRoot_AsksForScope()
    {
        var office = await factory.ApiClientAsync("office");

        var result = await BulletinApi.CreateAsync(office, new { year = 2026, quarter = 2 });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Bulletin.RootRequired");
        problem.FieldErrors("rootUnitId").ShouldBe(["您在多个单位担任宣传办，请选择统计范围。"]);
    }

    [Fact]
    public async Task Create_BadInput_ClearChineseErrors()
    {
        var office = await factory.ApiClientAsync("office");
        var street = await StreetIdAsync();

        await (await BulletinApi.CreateAsync(office, new { year = 2026, quarter = 5, rootUnitId = street })).Response
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Bulletin.QuarterRange", "季度应为 1 至 4。");
        await (await BulletinApi.CreateAsync(office, new { quarter = 1, rootUnitId = street })).Response
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required");
        await (await BulletinApi.CreateAsync(office, new { year = 2026, quarter = 1, kind = "monthly", rootUnitId = street })).Response
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Bulletin.UnknownKind");
        // 范围外的与不存在的单位同样 403（议题 9 第 14 项），不区分。
        await (await BulletinApi.CreateAsync(office, new { year = 2026, quarter = 1, rootUnitId = 999_999 })).Response
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Bulletin.UnitNotInScope");
    }

    [Fact]
    public async Task Draft_OthersGet404AndCannotPublish_OfficeSees()
    {
        var office = await factory.ApiClientAsync("office");
        var viewer = await factory.ApiClientAsync("viewer");
        var officer = await factory.ApiClientAsync("officer");
        var id = await DraftAsync(office, 2026, 2);

        (await viewer.GetAsync($"/api/v1/bulletins/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/bulletins/{id}/document.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await BulletinApi.PublishAsync(officer, id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden");
        (await viewer.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { issuingOffice = "x", issueDate = "2026-11-20", praiseUnitCount = 1,
            praiseCorrespondentCount = 1, revision = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/bulletins"))!
            .ShouldNotContain(b => b.Long("id") == id);
        (await BulletinApi.GetOkAsync(office, id)).Str("status").ShouldBe("draft");
        (await factory.QueryAsync(db => db.Bulletins.SingleAsync(b => b.Id == id))).PublishedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Publish_BeforePeriodEnds_ConflictWithEndDate()
    {
        var office = await factory.ApiClientAsync("office");
        // 时钟为 2026-11-20：第 4 季度到 12 月 31 日才结束。
        var id = await DraftAsync(office, 2026, 4);

        var response = await BulletinApi.PublishAsync(office, id);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Bulletin.PeriodNotOver", "统计时期到 2026年12月31日 才结束，结束后才能发布。");
        var row = await factory.QueryAsync(db => db.Bulletins.SingleAsync(b => b.Id == id));
        row.Snapshot.ShouldBeNull();
        row.DocumentHash.ShouldBeNull();
    }

    [Fact]
    public async Task Publish_Twice_SecondConflictAndFilesUnchanged()
    {
        var office = await factory.ApiClientAsync("office");
        var id = await DraftAsync(office, 2026, 1);
        var first = await BulletinApi.PublishOkAsync(office, id);

        var second = await BulletinApi.PublishAsync(office, id);

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Bulletin.Frozen");
        var row = await factory.QueryAsync(db => db.Bulletins.SingleAsync(b => b.Id == id));
        row.DocumentHash.ShouldBe(first.Str("documentHash"));
        row.PublishedAt.ShouldNotBeNull();
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "bulletin.publish" && a.EntityId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Published_VisibleInScopeOnly()
    {
        var office = await factory.ApiClientAsync("office");
        await factory.AddUserAsync("bureau_officer", "科技局信息员", "示例县科学技术局高新技术科", Role.Correspondent);
        var id = await DraftAsync(office, 2025, 4);
        await BulletinApi.PublishOkAsync(office, id);

        // 街道的领导（范围为整个街道）、党政办的信息员（本单位在通报范围内）都能看；科技局的人看不到。
        var viewer = await factory.ApiClientAsync("viewer");
        var officer = await factory.ApiClientAsync("officer");
        var outsider = await factory.ApiClientAsync("bureau_officer");
        (await BulletinApi.GetOkAsync(viewer, id)).Str("status").ShouldBe("published");
        (await BulletinApi.GetOkAsync(officer, id)).Bool("canManage").ShouldBeFalse();
        (await officer.GetAsync($"/api/v1/bulletins/{id}/workbook.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/bulletins"))!.ShouldContain(b => b.Long("id") == id);
        (await outsider.GetAsync($"/api/v1/bulletins/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/bulletins/{id}/document.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/bulletins"))!.ShouldNotContain(b => b.Long("id") == id);
    }

    [Fact]
    public async Task Edit_StaleRevision_RefusedAndCurrentTextKept()
    {
        var office = await factory.ApiClientAsync("office");
        var id = await DraftAsync(office, 2025, 3);
        var revision = (await BulletinApi.GetOkAsync(office, id)).Int("revision");
        var edit = new
        {
            issuingOffice = "中共示例街道工作委员会宣传办公室", issueDate = "2025-10-10", opening = "第一段。\n第二段。",
            requirements = "（一）加强学习。认真学习。", praiseUnitCount = 2, praiseCorrespondentCount = 1, revision,
        };

        var saved = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", edit);
        var stale = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", edit with { });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Bulletin.Stale");
        var json = await BulletinApi.GetOkAsync(office, id);
        json.Str("issuingOffice").ShouldBe("中共示例街道工作委员会宣传办公室");
        json.Str("issueDate").ShouldBe("2025-10-10");
        json.Int("revision").ShouldBe(revision + 1);
        var docx = await BulletinApi.DownloadAsync(office, $"/api/v1/bulletins/{id}/document.docx");
        var paragraphs = BulletinFiles.Paragraphs(docx);
        paragraphs[0].ShouldBe("中共示例街道工作委员会宣传办公室");
        paragraphs.ShouldContain("第一段。");
        paragraphs.ShouldContain("第二段。");
        paragraphs.ShouldContain("（一）加强学习。认真学习。");
        paragraphs[^1].ShouldBe("2025年10月10日");
    }

    [Fact]
    public async Task Edit_BadInput_FieldErrorsAndPublishedRefused()
    {
        var office = await factory.ApiClientAsync("office");
        var id = await DraftAsync(office, 2025, 1);
        var revision = (await BulletinApi.GetOkAsync(office, id)).Int("revision");

        var missing = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { issuingOffice = "宣传办", issueDate = "2025/4/1", praiseUnitCount = 3 });
        var empty = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { issuingOffice = " ", issueDate = "2025-04-01", praiseUnitCount = 3,
            praiseCorrespondentCount = 5, revision });
        var tooMany = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { issuingOffice = "宣传办", issueDate = "2025-04-01", praiseUnitCount = 51,
            praiseCorrespondentCount = 5, revision });

        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Form.BadDate");
        problem.FieldErrors("praiseCorrespondentCount").ShouldBe(["此项为必填项。"]);
        problem.FieldErrors("revision").ShouldBe(["此项为必填项。"]);
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("issuingOffice").ShouldNotBeEmpty();
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Bulletin.PraiseRange");

        await BulletinApi.PublishOkAsync(office, id);
        var afterPublish = await office.PutAsJsonAsync($"/api/v1/bulletins/{id}", new { issuingOffice = "宣传办", issueDate = "2025-04-01",
            praiseUnitCount = 3, praiseCorrespondentCount = 5, revision = revision + 1 });
        await afterPublish.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Bulletin.Frozen");
    }

    [Theory]
    [InlineData("/api/v1/bulletins", "get")]
    [InlineData("/api/v1/bulletins", "post")]
    [InlineData("/api/v1/bulletins/{id}", "get")]
    [InlineData("/api/v1/bulletins/{id}", "put")]
    [InlineData("/api/v1/bulletins/{id}/publish", "post")]
    [InlineData("/api/v1/bulletins/{id}/document.docx", "get")]
    [InlineData("/api/v1/bulletins/{id}/workbook.xlsx", "get")]
    public async Task OpenApi_BulletinOperation_Documented(string path, string method)
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var document = await response.ReadJsonAsync();

        document.GetProperty("paths").GetProperty(path).GetProperty(method).Str("summary").ShouldNotBeNullOrWhiteSpace();
    }
}
