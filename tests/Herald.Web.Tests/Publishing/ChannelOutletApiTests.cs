using System.Net;
using System.Net.Http.Json;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>渠道与媒体的修改、停用、启用：API 与管理页同一个处理器，同样的规则与审计。</summary>
public sealed class ChannelOutletApiTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    [Fact]
    public async Task Channel_UpdateDisableEnable_SavedAndAudited()
    {
        using var office = await factory.ApiClientAsync("office");
        var street = await factory.UnitIdAsync("示例街道");
        var created = await PostJsonAsync(office, "/api/v1/channels", new { unitId = street, name = "街道抖音号", type = "short_video", responsibleName = "周敏" });
        var id = created.Json.Long("id");

        var updated = await office.PutAsJsonAsync($"/api/v1/channels/{id}",
            new { name = "街道视频号", type = "short_video", url = "https://video.example.invalid/street", responsibleName = "李文静", responsiblePhone = "13805370101" });
        var disabled = await office.PostAsync($"/api/v1/channels/{id}/disable", null);
        var enabled = await office.PostAsync($"/api/v1/channels/{id}/enable", null);

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var channel = await updated.ReadJsonAsync();
        (channel.Str("name"), channel.Str("url"), channel.Str("responsibleName")).ShouldBe(("街道视频号", "https://video.example.invalid/street", "李文静"));
        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("Channel", id)).ShouldBe(["channel.create", "channel.update", "channel.disable", "channel.enable"]);
    }

    [Fact]
    public async Task Channel_UpdateToDuplicateOrBadInput_RefusedNothingChanged()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await factory.ChannelIdAsync(StreetWebsite);

        var duplicate = await office.PutAsJsonAsync($"/api/v1/channels/{id}", new { name = StreetWeChat, type = "website", responsibleName = "周敏" });
        var control = await office.PutAsJsonAsync($"/api/v1/channels/{id}", new { name = "门户\n网站", type = "website", responsibleName = "周敏" });
        var badType = await office.PutAsJsonAsync($"/api/v1/channels/{id}", new { name = "门户网站", type = "fax", responsibleName = "周敏" });

        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Channel.DuplicateName");
        (await control.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Text.ControlCharacters")).FieldErrors("name").ShouldNotBeEmpty();
        (await badType.ReadJsonAsync()).Int("status").ShouldBe(400);
        (await factory.QueryAsync(db => db.Channels.SingleAsync(c => c.Id == id))).Name.ShouldBe(StreetWebsite);
        (await office.PutAsJsonAsync("/api/v1/channels/999999", new { name = "无", type = "website", responsibleName = "某" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, $"/api/v1/channels/{id}");
    }

    [Fact]
    public async Task Outlet_UpdateDisableEnable_SavedAuditedAndHiddenWhileDisabled()
    {
        using var office = await factory.ApiClientAsync("office");
        using var officer = await factory.ApiClientAsync("officer");
        var created = await PostJsonAsync(office, "/api/v1/outlets", new { name = "示例市广播电台", level = "municipal", type = "radio" });
        var id = created.Json.Long("id");

        var updated = await office.PutAsJsonAsync($"/api/v1/outlets/{id}", new { name = "示例市广播电视台", level = "municipal", type = "tv" });
        var disabled = await office.PostAsync($"/api/v1/outlets/{id}/disable", null);
        var whileDisabled = await (await officer.GetAsync("/api/v1/outlets")).ReadJsonAsync();
        var enabled = await office.PostAsync($"/api/v1/outlets/{id}/enable", null);

        var outlet = await updated.ReadJsonAsync();
        (outlet.Str("name"), outlet.Str("type")).ShouldBe(("示例市广播电视台", "tv"));
        (await disabled.ReadJsonAsync()).Bool("disabled").ShouldBeTrue();
        whileDisabled.EnumerateArray().Select(o => o.Long("id")).ShouldNotContain(id);
        (await enabled.ReadJsonAsync()).Bool("disabled").ShouldBeFalse();
        (await factory.AuditActionsAsync("Outlet", id)).ShouldBe(["outlet.create", "outlet.update", "outlet.disable", "outlet.enable"]);
    }

    [Fact]
    public async Task Outlet_BadInputAndUnknownIds_Chinese400And404()
    {
        using var office = await factory.ApiClientAsync("office");
        var id = await factory.OutletIdAsync(ProvincialPaper);

        var badLevel = await office.PutAsJsonAsync($"/api/v1/outlets/{id}", new { name = ProvincialPaper, level = "galactic", type = "newspaper" });
        var duplicate = await office.PutAsJsonAsync($"/api/v1/outlets/{id}", new { name = CountyGovBulletin, level = "provincial", type = "newspaper" });

        (await badLevel.ReadJsonAsync()).Int("status").ShouldBe(400);
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Outlet.DuplicateName");
        (await office.PostAsync("/api/v1/outlets/999999/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await office.ShouldRefuseBadBodiesAsync(HttpMethod.Put, $"/api/v1/outlets/{id}");
    }
}
