using System.Net;
using System.Net.Http.Json;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

/// <summary>/api/v1/correspondents：与 /org/correspondents 页面同样的处理器、同样的范围（宣传办只管其所辖单位）。</summary>
public sealed class CorrespondentApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Register_LinkedUserWithoutRole_GrantsRoleTakesAccountDetails_Audited()
    {
        using var office = await factory.ApiClientAsync("office");
        var wangzhuang = await factory.UnitIdAsync("王庄村");
        var user = await factory.AddUserAsync("wz.api", "王庄信息员", "王庄村");
        await factory.QueryAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == user)).UpdateProfile("王庄信息员", "13805370333", null);
            return await db.SaveChangesAsync();
        });

        var response = await office.PostAsJsonAsync("/api/v1/correspondents",
            new { unitId = wangzhuang, userId = user, position = "村委委员", appointedOn = "2026-11-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var saved = await response.ReadJsonAsync();
        saved.Str("roleGrantedTo").ShouldBe("王庄信息员");
        var record = saved.GetProperty("correspondent");
        record.Str("name").ShouldBe("王庄信息员");
        record.Str("phone").ShouldBe("13805370333");
        record.Str("unitPath").ShouldBe("示例街道 / 王庄村");
        record.Str("appointedOn").ShouldBe("2026-11-01");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/correspondents/{record.Long("id")}");
        (await factory.QueryAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == user && r.Role == Role.Correspondent && r.UnitId == wangzhuang)))
            .ShouldBeTrue();
        (await factory.AuditActionsAsync("CorrespondentRecord", record.Long("id"))).ShouldBe(["correspondent.register"]);
        var registry = await (await office.GetAsync($"/api/v1/correspondents?unitId={wangzhuang}")).ReadJsonAsync();
        registry.Items("active").Select(c => c.Long("id")).ShouldBe([record.Long("id")]);
        registry.Items("missing").ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ThenEnd_RecordMovesToHistory_FurtherEditsConflict()
    {
        using var office = await factory.ApiClientAsync("office");
        var liJia = await factory.UnitIdAsync("李家村");
        var id = await RegisterAsync(office, liJia, "李家信息员");

        var updated = await office.PutAsJsonAsync($"/api/v1/correspondents/{id}",
            new { name = "李家信息员", phone = "0537-5550000", position = "文书", appointedOn = "2026-10-01" });
        var ended = await office.PostAsJsonAsync($"/api/v1/correspondents/{id}/end", new { endedOn = "2026-11-15" });
        var late = await office.PutAsJsonAsync($"/api/v1/correspondents/{id}", new { name = "再改", phone = "0537-5550000", appointedOn = "2026-10-01" });

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterUpdate = (await updated.ReadJsonAsync()).GetProperty("correspondent");
        afterUpdate.Str("position").ShouldBe("文书");
        afterUpdate.IsNull("email").ShouldBeTrue();
        (await ended.ReadJsonAsync()).Str("endedOn").ShouldBe("2026-11-15");
        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Correspondent.Ended");
        var registry = await (await office.GetAsync($"/api/v1/correspondents?unitId={liJia}")).ReadJsonAsync();
        registry.Items("ended").Select(c => c.Long("id")).ShouldContain(id);
        (await factory.AuditActionsAsync("CorrespondentRecord", id)).ShouldBe(["correspondent.register", "correspondent.update", "correspondent.end"]);
    }

    [Theory]
    [InlineData("{\"name\":\"无单位\",\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\"}", "unitId", "Required")]
    [InlineData("{\"unitId\":{wz},\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\"}", "name", "Required")]
    [InlineData("{\"unitId\":{wz},\"name\":\"甲\",\"phone\":\"电话\",\"appointedOn\":\"2026-11-01\"}", "phone", "Phone.Invalid")]
    [InlineData("{\"unitId\":{wz},\"name\":\"甲\\n乙\",\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\"}", "name", "Text.ControlCharacters")]
    [InlineData("{\"unitId\":{wz},\"name\":\"甲\",\"phone\":\"13800000000\",\"appointedOn\":\"2026/11/01\"}", "appointedOn", "Form.BadDate")]
    [InlineData("{\"unitId\":{wz},\"name\":\"甲\",\"phone\":\"13800000000\",\"appointedOn\":\"2099-01-01\"}", "appointedOn", "Correspondent.AppointedInFuture")]
    [InlineData("{\"unitId\":{wz},\"name\":\"甲\",\"phone\":\"13800000000\",\"appointedOn\":\"2026-11-01\",\"userId\":999999}", "userId", "Correspondent.UserNotInUnit")]
    public async Task Register_BadField_Chinese400NothingSaved(string body, string field, string code)
    {
        using var office = await factory.ApiClientAsync("office");
        var before = await factory.QueryAsync(db => db.Correspondents.CountAsync());
        var content = new StringContent(body.Replace("{wz}", (await factory.UnitIdAsync("王庄村")).ToString()), System.Text.Encoding.UTF8, "application/json");

        var response = await office.PostAsync("/api/v1/correspondents", content);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code)).FieldErrors(field).ShouldNotBeEmpty();
        (await factory.QueryAsync(db => db.Correspondents.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task WriteOperations_BadBodiesAndUnknownIds()
    {
        using var office = await factory.ApiClientAsync("office");

        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/correspondents");
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, "/api/v1/correspondents/1");
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Post, "/api/v1/correspondents/1/end");
        (await office.GetAsync("/api/v1/correspondents/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.PostAsJsonAsync("/api/v1/correspondents/999999/end", new { endedOn = "2026-11-01" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noDate = await office.PostAsJsonAsync("/api/v1/correspondents/1/end", new { endedOn = "" });
        (await noDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Required")).FieldErrors("endedOn").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task OfficeWithSmallerScope_OtherUnitsInvisibleAndUntouchable()
    {
        var bureau = await factory.UnitIdAsync("示例县科学技术局");
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        await factory.AddUserAsync("kjj.office.api", "科技局宣传", "示例县科学技术局", Role.Office);
        using var bureauOffice = await factory.ApiClientAsync("kjj.office.api");
        var streetRecord = await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == party).Select(c => c.Id).FirstAsync());
        var changes = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "CorrespondentRecord"));

        var registry = await (await bureauOffice.GetAsync("/api/v1/correspondents")).ReadJsonAsync();
        var filtered = await (await bureauOffice.GetAsync($"/api/v1/correspondents?unitId={party}")).ReadJsonAsync();
        var get = await bureauOffice.GetAsync($"/api/v1/correspondents/{streetRecord}");
        var register = await bureauOffice.PostAsJsonAsync("/api/v1/correspondents",
            new { unitId = party, name = "越权", phone = "13800000000", appointedOn = "2026-11-01" });
        var update = await bureauOffice.PutAsJsonAsync($"/api/v1/correspondents/{streetRecord}",
            new { name = "越权", phone = "13800000000", appointedOn = "2026-11-01" });
        var end = await bureauOffice.PostAsJsonAsync($"/api/v1/correspondents/{streetRecord}/end", new { endedOn = "2026-11-01" });

        registry.Items("active").Select(c => c.Str("name")).ShouldBe(["马丽"]);
        registry.Items("missing").ShouldAllBe(m => m.Str("path").StartsWith("示例县科学技术局"));
        registry.Items("missing").Select(m => m.Long("id")).ShouldContain(bureau);
        filtered.Items("active").ShouldBeEmpty();
        filtered.Items("missing").ShouldBeEmpty();
        await get.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        await register.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Correspondent.UnitNotInScope");
        await update.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        await end.ShouldBeProblemAsync(HttpStatusCode.NotFound, "NotFound");
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "CorrespondentRecord"))).ShouldBe(changes);
    }

    private static async Task<long> RegisterAsync(HttpClient office, long unitId, string name)
    {
        var response = await office.PostAsJsonAsync("/api/v1/correspondents", new { unitId, name, phone = "13800000001", appointedOn = "2026-10-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("correspondent").Long("id");
    }
}
