using System.Net;
using Herald.Domain.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Organization;

public sealed class CorrespondentPagesTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Register_LinkedUserWithoutRole_GrantsCorrespondentRoleAndSaysSo()
    {
        using var office = await factory.SignInAsync("office");
        var heping = await factory.UnitIdAsync("和平社区");
        var leader = await factory.UserIdAsync("leader");
        var (_, form) = await office.GetPageAsync($"/org/correspondents/new?unitId={heping}");
        form.QuerySelectorAll("#UserId option").Select(o => o.GetAttribute("value")).ShouldContain(leader.ToString());

        var response = await office.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = heping.ToString(), ["UserId"] = leader.ToString(), ["Name"] = "", ["Phone"] = "13805370404",
            ["Position"] = "社区党委委员", ["AppointedOn"] = "2026-11-01",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/org/correspondents?notice=registered&granted=");
        var (_, list) = await office.GetPageAsync(location);
        list.QuerySelector("[data-testid=alert-info]")!.TextContent.ShouldContain("陈志强 原来没有本单位的信息员角色，已同时授予");
        var record = await factory.QueryAsync(db => db.Correspondents.SingleAsync(c => c.UnitId == heping));
        (record.Name, record.UserId, record.AppointedOn).ShouldBe(("陈志强", (long?)leader, new DateOnly(2026, 11, 1)));
        (await factory.QueryAsync(db => db.RoleAssignments.AnyAsync(r => r.UserId == leader && r.Role == Role.Correspondent && r.UnitId == heping)))
            .ShouldBeTrue();
        (await factory.AuditActionsAsync("CorrespondentRecord", record.Id)).ShouldBe(["correspondent.register"]);
        (await factory.AuditDetailsAsync("role.assign")).ShouldContain("leader: correspondent @ 示例街道 / 和平社区 (registry)");
        var (_, missing) = await office.GetPageAsync("/org/correspondents?view=missing");
        missing.QuerySelector($"[data-testid=missing-unit][data-unit-id='{heping}']").ShouldBeNull();

        var linkable = await office.Client.GetStringAsync($"/org/correspondents/linkable?unitId={heping}");
        linkable.ShouldContain("陈志强（leader）");
    }

    [Fact]
    public async Task Register_Unlinked_EditThenEnd_MovesToHistoryAndAudited()
    {
        using var office = await factory.SignInAsync("office");
        var lijia = await factory.UnitIdAsync("李家村");

        var registered = await office.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = lijia.ToString(), ["Name"] = "李春花", ["Phone"] = "13805370505", ["AppointedOn"] = "2026-06-01",
        });
        registered.ShouldRedirectTo("/org/correspondents?notice=registered");
        var id = await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == lijia).Select(c => c.Id).SingleAsync());

        var edited = await office.PostFormAsync($"/org/correspondents/{id}/edit", $"/org/correspondents/{id}/edit", new()
        {
            ["UnitId"] = lijia.ToString(), ["Name"] = "李春花", ["Phone"] = "13805370506", ["Email"] = "lch@example.invalid",
            ["Position"] = "村委会文书", ["AppointedOn"] = "2026-06-01", ["UserId"] = "",
        });
        edited.ShouldRedirectTo("/org/correspondents?notice=updated");

        var ended = await office.PostFormAsync($"/org/correspondents/{id}/edit", $"/org/correspondents/{id}/end", new() { ["EndedOn"] = "2026-11-20" });
        ended.ShouldRedirectTo("/org/correspondents?view=history&notice=ended");

        var (_, history) = await office.GetPageAsync("/org/correspondents?view=history");
        var row = history.QuerySelector($"[data-testid=ended-records] [data-record-id='{id}']")!;
        row.TextContent.ShouldContain("村委会文书");
        row.TextContent.ShouldContain("2026年11月20日免去");
        var (_, active) = await office.GetPageAsync("/org/correspondents");
        active.QuerySelector($"[data-record-id='{id}']").ShouldBeNull();
        (await factory.AuditActionsAsync("CorrespondentRecord", id)).ShouldBe(["correspondent.register", "correspondent.update", "correspondent.end"]);

        var again = await office.PostFormAsync($"/org/correspondents/{id}/edit", $"/org/correspondents/{id}/end", new() { ["EndedOn"] = "2026-11-20" });
        await again.ShouldFailWithAsync("该信息员已免去");
    }

    [Fact]
    public async Task Register_BadInput_RefusedInChinese()
    {
        using var office = await factory.SignInAsync("office");
        var wangzhuang = await factory.UnitIdAsync("王庄村");
        var officer = await factory.UserIdAsync("officer");

        var future = await office.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = wangzhuang.ToString(), ["Name"] = "王五", ["Phone"] = "13800000000", ["AppointedOn"] = "2026-12-01",
        });
        await future.ShouldFailWithAsync("任命日期不能晚于今天。");

        var otherUnit = await office.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = wangzhuang.ToString(), ["UserId"] = officer.ToString(), ["Phone"] = "13800000000", ["AppointedOn"] = "2026-11-01",
        });
        await otherUnit.ShouldFailWithAsync("只能关联本单位的有效账号");

        var badPhone = await office.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = wangzhuang.ToString(), ["Name"] = "王五", ["Phone"] = "电话", ["AppointedOn"] = "2026-11-01",
        });
        await badPhone.ShouldFailWithAsync("电话号码只能包含数字");
        (await factory.QueryAsync(db => db.Correspondents.CountAsync(c => c.UnitId == wangzhuang))).ShouldBe(0);
    }

    [Fact]
    public async Task Office_WithSmallerScope_SeesAndEditsOnlyItsUnits()
    {
        using var admin = await factory.SignInAsync("admin");
        var bureau = await factory.UnitIdAsync("示例县科学技术局");
        var party = await factory.UnitIdAsync("示例街道党政办公室");
        using var bureauOffice = await factory.NewUserSessionAsync(admin, "kjj.office", "office", bureau);

        var (_, active) = await bureauOffice.GetPageAsync("/org/correspondents");
        active.QuerySelectorAll("[data-testid=correspondent-row] .fw-semibold").Select(e => e.TextContent).ShouldBe(["马丽"]);
        var (_, missing) = await bureauOffice.GetPageAsync("/org/correspondents?view=missing");
        missing.QuerySelectorAll("[data-testid=missing-unit]").Select(e => e.GetAttribute("data-unit-id"))
            .ShouldBe(await factory.QueryAsync(db => db.Units
                .Where(u => (u.Id == bureau || u.ParentId == bureau) && u.Name != "示例县科学技术局高新技术科")
                .OrderBy(u => u.ParentId == null ? 0 : 1).ThenBy(u => u.SortOrder).Select(u => u.Id.ToString()).ToListAsync()), ignoreOrder: true);
        var (_, unitFilter) = await bureauOffice.GetPageAsync("/org/correspondents");
        unitFilter.QuerySelectorAll("#unitId option").Select(o => o.GetAttribute("value")).ShouldNotContain(party.ToString());

        var streetRecord = await factory.QueryAsync(db => db.Correspondents.Where(c => c.UnitId == party).Select(c => c.Id).FirstAsync());
        (await bureauOffice.Client.GetAsync($"/org/correspondents/{streetRecord}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var outside = await bureauOffice.PostFormAsync("/org/correspondents/new", "/org/correspondents/new", new()
        {
            ["UnitId"] = party.ToString(), ["Name"] = "越权", ["Phone"] = "13800000000", ["AppointedOn"] = "2026-11-01",
        });
        // 新建时给了范围外的单位：403（议题 9 第 14 项）。
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.Correspondents.AnyAsync(c => c.Name == "越权"))).ShouldBeFalse();
    }
}
