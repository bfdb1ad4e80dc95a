using System.Net;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Herald.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>发布渠道：API 按范围列出、只有宣传办能登记；管理页新增、修改、停用。</summary>
public sealed class ChannelTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static async Task<IReadOnlyList<string>> ChannelNamesAsync(HttpClient client, string query = "")
    {
        var result = await GetAsync(client, "/api/v1/channels" + query);
        result.Status.ShouldBe(HttpStatusCode.OK, $"body: {result.Json}");
        return result.Json.EnumerateArray().Select(c => c.Str("name")).ToList();
    }

    [Theory]
    [InlineData("office")]
    [InlineData("principal")]
    [InlineData("viewer")]
    public async Task List_OfficePrincipalViewer_SeeEveryUnitsChannels(string user)
    {
        var names = await ChannelNamesAsync(await factory.ApiClientAsync(user));

        names.ShouldContain(StreetWeChat);
        names.ShouldContain(BureauWeChat);
    }

    [Fact]
    public async Task List_Correspondent_OnlyChannelsOfUnitsInManuscriptScope()
    {
        var partyOffice = await factory.UnitIdAsync("示例街道党政办公室");
        var xingfu = await factory.UnitIdAsync("幸福社区");
        var office = await factory.ApiClientAsync("office");
        var own = ManuscriptApi.Marker();
        var other = ManuscriptApi.Marker();
        (await PostJsonAsync(office, "/api/v1/channels", new { unitId = partyOffice, name = own, type = "bulletin_board", responsibleName = "李文静" }))
            .Status.ShouldBe(HttpStatusCode.Created);
        (await PostJsonAsync(office, "/api/v1/channels", new { unitId = xingfu, name = other, type = "led_screen", responsibleName = "王海涛" }))
            .Status.ShouldBe(HttpStatusCode.Created);

        var officerSees = await ChannelNamesAsync(await factory.ApiClientAsync("officer"));
        var officer2Sees = await ChannelNamesAsync(await factory.ApiClientAsync("officer2"));

        officerSees.ShouldContain(own);
        officerSees.ShouldNotContain(other);
        officerSees.ShouldNotContain(StreetWeChat);
        officer2Sees.ShouldContain(other);
        officer2Sees.ShouldNotContain(own);
    }

    [Fact]
    public async Task Create_Office_201WithFieldsAndAudited()
    {
        var street = await factory.UnitIdAsync("示例街道");
        var name = ManuscriptApi.Marker() + "视频号";

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/channels", new
        {
            unitId = street, name, type = "short_video", url = "https://channels.example.invalid/street", responsibleName = "周敏", responsiblePhone = "05376210001",
        });

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var json = result.Json;
        (json.Long("unitId"), json.Str("unitName"), json.Str("name"), json.Str("type"), json.Str("url"), json.Str("responsibleName"), json.Str("responsiblePhone"), json.Bool("disabled"))
            .ShouldBe((street, "示例街道", name, "short_video", "https://channels.example.invalid/street", "周敏", "05376210001", false));
        (await factory.AuditActionsAsync("Channel", json.Long("id"))).ShouldBe(["channel.create"]);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("head")]
    [InlineData("principal")]
    [InlineData("admin")]
    public async Task Create_NotOffice_403AndNothingCreated(string user)
    {
        var street = await factory.UnitIdAsync("示例街道");
        var name = ManuscriptApi.Marker();

        var result = await PostJsonAsync(await factory.ApiClientAsync(user), "/api/v1/channels", new { unitId = street, name, type = "weibo", responsibleName = "某某" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden", "您没有执行此操作的权限。");
        (await factory.QueryAsync(db => db.Channels.AnyAsync(c => c.Name == name))).ShouldBeFalse();
    }

    [Fact]
    public async Task Create_UnitOutsideOfficeScope_403()
    {
        var office = await factory.ApiClientAsync("office");
        var root = await factory.QueryAsync(async db =>
        {
            var unit = Domain.Organization.Unit.Create("范围外的单位" + ManuscriptApi.Marker(), Domain.Organization.UnitType.Agency, null, 9, DateTime.UtcNow);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        factory.Services.GetRequiredService<OrgDirectory>().Invalidate();

        var result = await PostJsonAsync(office, "/api/v1/channels", new { unitId = root, name = "公众号", type = "we_chat", responsibleName = "某某" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Channel.UnitNotInScope", "只能为本宣传办所辖的单位登记发布渠道。");
    }

    [Fact]
    public async Task Create_DuplicateNameInSameUnit_409()
    {
        var street = await factory.UnitIdAsync("示例街道");

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/channels",
            new { unitId = street, name = StreetWeChat, type = "we_chat", responsibleName = "周敏" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Channel.DuplicateName", $"本单位已有名为“{StreetWeChat}”的发布渠道。");
        (await factory.QueryAsync(db => db.Channels.CountAsync(c => c.Name == StreetWeChat))).ShouldBe(1);
    }

    [Theory]
    [InlineData(null, "we_chat", "周敏", "name", "Required")]
    [InlineData("公众号", "wechat_official", "周敏", "channelType", "Publishing.UnknownCode")]
    [InlineData("公众号", null, "周敏", "channelType", "Required")]
    [InlineData("公众号", "we_chat", null, "responsibleName", "Required")]
    public async Task Create_BadField_400NamingTheField(string? name, string? type, string? responsible, string field, string code)
    {
        var street = await factory.UnitIdAsync("示例街道");

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/channels",
            new { unitId = street, name, type, responsibleName = responsible });

        var problem = await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        problem.FieldErrors(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Create_JavascriptUrl_400()
    {
        var street = await factory.UnitIdAsync("示例街道");

        var result = await PostJsonAsync(await factory.ApiClientAsync("office"), "/api/v1/channels",
            new { unitId = street, name = ManuscriptApi.Marker(), type = "website", url = "javascript:alert(1)", responsibleName = "周敏" });

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Url.Invalid", "链接应为以 http:// 或 https:// 开头的网址。");
    }

    [Fact]
    public async Task Page_OfficeAddsEditsAndDisables_GroupedByUnit()
    {
        using var office = await factory.SignInAsync("office");
        var xingfu = await factory.UnitIdAsync("幸福社区");
        var name = ManuscriptApi.Marker() + "宣传栏";

        var (page, document) = await office.GetPageAsync("/publishing/channels");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelectorAll("[data-testid=channel-group]").Length.ShouldBeGreaterThanOrEqualTo(2);

        (await office.PostFormAsync("/publishing/channels", "/publishing/channels", new()
        {
            ["UnitId"] = xingfu.ToString(), ["Name"] = name, ["Type"] = "bulletin_board", ["Url"] = "", ["ResponsibleName"] = "王海涛", ["ResponsiblePhone"] = "13805370202",
        })).ShouldRedirectTo("/publishing/channels?notice=added");
        var id = await factory.ChannelIdAsync(name);
        var (_, list) = await office.GetPageAsync("/publishing/channels");
        var row = list.QuerySelector($"[data-channel-id='{id}']")!;
        row.TextContent.ShouldContain("宣传栏");
        row.TextContent.ShouldContain("王海涛");
        row.Closest("[data-testid=channel-group]")!.GetAttribute("data-unit-id").ShouldBe(xingfu.ToString());

        var (edit, editPage) = await office.GetPageAsync($"/publishing/channels/{id}/edit");
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        editPage.QuerySelector("#Name")!.GetAttribute("value").ShouldBe(name);
        (await office.PostFormAsync($"/publishing/channels/{id}/edit", $"/publishing/channels/{id}/edit", new()
        {
            ["UnitId"] = xingfu.ToString(), ["Name"] = name + "二号", ["Type"] = "led_screen", ["ResponsibleName"] = "刘红梅",
        })).ShouldRedirectTo("/publishing/channels?notice=updated");
        (await office.PostFormAsync("/publishing/channels", $"/publishing/channels/{id}/disable", new()))
            .ShouldRedirectTo("/publishing/channels?notice=disabled");

        var saved = await factory.QueryAsync(db => db.Channels.SingleAsync(c => c.Id == id));
        (saved.Name, saved.Type, saved.ResponsibleName, saved.Disabled).ShouldBe((name + "二号", Domain.Publishing.ChannelType.LedScreen, "刘红梅", true));
        (await factory.AuditActionsAsync("Channel", id)).ShouldBe(["channel.create", "channel.update", "channel.disable"]);
        (await office.PostFormAsync("/publishing/channels", $"/publishing/channels/{id}/enable", new()))
            .ShouldRedirectTo("/publishing/channels?notice=enabled");
        (await factory.QueryAsync(db => db.Channels.SingleAsync(c => c.Id == id))).Disabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Page_MissingName_400KeepsTypedValues()
    {
        using var office = await factory.SignInAsync("office");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await office.PostFormAsync("/publishing/channels", "/publishing/channels", new()
        {
            ["UnitId"] = street.ToString(), ["Name"] = "", ["Type"] = "weibo", ["ResponsibleName"] = "周敏", ["ResponsiblePhone"] = "0537",
        });

        (await response.ShouldFailWithAsync("此项为必填项")).ShouldStartWith("名称");
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("#ResponsiblePhone")!.GetAttribute("value").ShouldBe("0537");
        page.QuerySelector("#Type option[selected]")!.GetAttribute("value").ShouldBe("weibo");
    }

    [Fact]
    public async Task Page_DuplicateName_409WithMessage()
    {
        using var office = await factory.SignInAsync("office");
        var street = await factory.UnitIdAsync("示例街道");

        var response = await office.PostFormAsync("/publishing/channels", "/publishing/channels", new()
        {
            ["UnitId"] = street.ToString(), ["Name"] = StreetWebsite, ["Type"] = "website", ["ResponsibleName"] = "周敏",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WebSession.ParseAsync(response)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain($"本单位已有名为“{StreetWebsite}”的发布渠道。");
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("viewer")]
    public async Task Page_NotOffice_403(string user)
    {
        using var session = await factory.SignInAsync(user);

        (await session.Client.GetAsync("/publishing/channels")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
