using System.Net;
using System.Text.Json;
using Herald.Domain.Organization;
using Herald.Domain.Publishing;
using Herald.Web.Tests.Publishing;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Tables;

/// <summary>
/// 采编池数据表：排序、筛选、导出（范围同列表）；批量发布与批量不采用逐篇检查、逐篇报告（已发布、已标记、范围外、不是宣传办），
/// 各篇一个事务，重复提交无害。类别筛选的选项来自类别模块的共用查找（含停用的类别）。
/// </summary>
public sealed class PoolTableTests(HeraldFactory factory, ITestOutputHelper output) : IClassFixture<HeraldFactory>
{
    private Task<EditorialStatus> EditorialAsync(long id) =>
        factory.QueryAsync(db => db.Manuscripts.Where(m => m.Id == id).Select(m => m.Editorial).SingleAsync());

    private static (string Code, string Error) ErrorOf(JsonElement item)
    {
        item.TryGetProperty("status", out _).ShouldBeFalse();
        return (item.Str("code"), item.Str("error"));
    }

    [Fact]
    public async Task PublishBatch_MixedItems_EachCheckedAndReported()
    {
        var marker = ManuscriptApi.Marker();
        var first = await factory.ApprovedAsync(marker + "甲");
        var published = await factory.ApprovedAsync(marker + "乙");
        var second = await factory.ApprovedAsync(marker + "丙");
        var office = await factory.ApiClientAsync("office");
        var channel = await factory.ChannelIdAsync(StreetWebsite);
        (await PublishAsync(office, published, channel)).Status.ShouldBe(HttpStatusCode.Created);

        var result = await PostJsonAsync(office, "/api/v1/pool/publish-batch",
            new { ids = new[] { first, published, 987654321L, second, first }, channelId = channel, url = "https://www.example.gov.cn/a.html" });

        result.Status.ShouldBe(HttpStatusCode.OK, result.Json.ToString());
        var items = result.Json.EnumerateArray().ToList();
        items.Select(i => i.Long("id")).ShouldBe([first, published, 987654321L, second]);
        items[0].Str("status").ShouldBe("published");
        items[0].Str("title").ShouldBe(marker + "甲");
        ErrorOf(items[1]).ShouldBe(("Publishing.AlreadyPublished", "这篇稿件已经发布到“示例街道门户网站”，不能重复发布。"));
        ErrorOf(items[2]).ShouldBe(("NotFound", "找不到您要的内容，或您无权查看。"));
        items[3].Str("status").ShouldBe("published");
        (await EditorialAsync(first)).ShouldBe(EditorialStatus.Published);
        (await factory.QueryAsync(db => db.Publications.CountAsync(p => p.ManuscriptId == first))).ShouldBe(1);

        // 重复提交：都已发布到这个渠道，逐篇报告，不会发布两次。
        var again = await PostJsonAsync(office, "/api/v1/pool/publish-batch", new { ids = new[] { first, second }, channelId = channel });
        again.Json.EnumerateArray().Select(i => ErrorOf(i).Code).ShouldBe(["Publishing.AlreadyPublished", "Publishing.AlreadyPublished"]);
        (await factory.QueryAsync(db => db.Publications.CountAsync(p => p.ManuscriptId == first))).ShouldBe(1);
    }

    [Fact]
    public async Task NotUsedBatch_PendingAndPublished_OnlyPendingMarked()
    {
        var pending = await factory.ApprovedAsync();
        var published = await factory.ApprovedAsync();
        var office = await factory.ApiClientAsync("office");
        (await PublishAsync(office, published, await factory.ChannelIdAsync(StreetWebsite))).Status.ShouldBe(HttpStatusCode.Created);

        var result = await PostJsonAsync(office, "/api/v1/pool/not-used-batch", new { ids = new[] { pending, published }, reason = "与前稿重复" });
        var again = await PostJsonAsync(office, "/api/v1/pool/not-used-batch", new { ids = new[] { pending }, reason = "与前稿重复" });

        var items = result.Json.EnumerateArray().ToList();
        items[0].Str("status").ShouldBe("not_used");
        ErrorOf(items[1]).Code.ShouldBe("Publishing.NotPending");
        ErrorOf(again.Json.EnumerateArray().Single()).Code.ShouldBe("Publishing.NotPending");
        (await EditorialAsync(pending)).ShouldBe(EditorialStatus.NotUsed);
        (await EditorialAsync(published)).ShouldBe(EditorialStatus.Published);
    }

    [Fact]
    public async Task Batches_OutOfScopeAndNotOffice_ReportedPerItemWithoutLeaking()
    {
        var id = await factory.ApprovedAsync();
        await factory.AddUserAsync("bureau.office", "科技局宣传", "示例县科学技术局", Role.Office);
        var bureau = await factory.ApiClientAsync("bureau.office");
        var channel = await factory.ChannelIdAsync(StreetWebsite);

        var outOfScope = await PostJsonAsync(bureau, "/api/v1/pool/publish-batch", new { ids = new[] { id }, channelId = channel });
        var notOffice = await PostJsonAsync(await factory.ApiClientAsync("officer"), "/api/v1/pool/not-used-batch", new { ids = new[] { id }, reason = "重复" });

        ErrorOf(outOfScope.Json.EnumerateArray().Single()).Code.ShouldBe("NotFound");
        outOfScope.Json.EnumerateArray().Single().TryGetProperty("title", out _).ShouldBeFalse();
        ErrorOf(notOffice.Json.EnumerateArray().Single()).Code.ShouldBe("Forbidden");
        (await EditorialAsync(id)).ShouldBe(EditorialStatus.Pending);
    }

    [Theory]
    [InlineData("/api/v1/pool/publish-batch", "{\"ids\":[]}", "Batch.Empty")]
    [InlineData("/api/v1/pool/publish-batch", "{\"ids\":[1]}", "Required")]
    [InlineData("/api/v1/pool/not-used-batch", "{\"ids\":[1],\"reason\":\" \"}", "Editorial.ReasonRequired")]
    [InlineData("/api/v1/pool/not-used-batch", "{\"reason\":\"重复\"}", "Batch.Empty")]
    public async Task Batches_BadInput_400(string url, string body, string code)
    {
        var office = await factory.ApiClientAsync("office");

        var response = await office.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).Str("code").ShouldBe(code);
    }

    [Fact]
    public async Task List_SortAndFilter_ApiAndExportAgree()
    {
        var marker = ManuscriptApi.Marker();
        var b = await factory.ApprovedAsync(marker + "乙");
        var a = await factory.ApprovedAsync(marker + "甲");
        var office = await factory.ApiClientAsync("office");

        var byTitle = await GetAsync(office, $"/api/v1/pool?q={marker}&sort=title");
        var byApproval = await GetAsync(office, $"/api/v1/pool?q={marker}");
        var sheet = await ExportedSheet.GetAsync(office, $"/api/v1/pool/export.xlsx?q={marker}&sort=title&dir=desc");

        byTitle.Json.Items("items").Select(i => i.Long("id")).ShouldBe([b, a]);
        byApproval.Json.Items("items").Select(i => i.Long("id")).ShouldBe([a, b]); // 审定时间相同：同值的按编号倒序
        sheet.FileName.ShouldBe("采编池-2026年11月20日.xlsx");
        sheet.Column("编号").Select(long.Parse).ShouldBe([a, b]);
        sheet.Column("状态").ShouldBe(["已审定", "已审定"]);
        (await office.GetAsync("/api/v1/pool?sort=body")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await factory.ApiClientAsync("officer")).GetAsync("/api/v1/pool")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await sheet.ShouldOpenInCalcAsync(output);
    }

    [Fact]
    public async Task Page_CategoryFilter_AllCategoriesInTheirOrder()
    {
        var categories = await factory.QueryAsync(db => db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name }).ToListAsync());
        using var office = await factory.SignInAsync("office");

        var (_, page) = await office.GetPageAsync("/pool");

        page.QuerySelectorAll("#categoryId option").Skip(1).Select(o => (long.Parse(o.GetAttribute("value")!), o.TextContent.Trim()))
            .ShouldBe(categories.Select(c => (c.Id, c.Name)));
    }

    [Fact]
    public async Task Page_BatchForm_PublishesCheckedAndShowsEachResult()
    {
        var marker = ManuscriptApi.Marker();
        var first = await factory.ApprovedAsync(marker + "甲");
        var second = await factory.ApprovedAsync(marker + "乙");
        var channel = await factory.ChannelIdAsync(StreetWebsite);
        using var office = await factory.SignInAsync("office");
        var (_, page) = await office.GetPageAsync($"/pool?q={marker}");
        page.QuerySelector("form#pool-batch").ShouldNotBeNull();
        page.QuerySelector($"tr[data-id='{first}'] input[name=ids][form=pool-batch]").ShouldNotBeNull();
        page.QuerySelector($"#batch-channel option[value='{channel}']").ShouldNotBeNull();
        page.QuerySelector("[data-testid=export-xlsx]")!.GetAttribute("href").ShouldBe($"/pool/export.xlsx?q={Uri.EscapeDataString(marker)}");

        var response = await office.PostFormAsync($"/pool?q={marker}", "/pool/publish-batch", new()
        {
            ["ids"] = first.ToString(), ["channelId"] = channel.ToString(), ["returnUrl"] = $"/pool?q={marker}",
        });
        var result = await WebSession.ParseAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = result.QuerySelector($"[data-testid=batch-item][data-id='{first}']")!;
        row.GetAttribute("data-done").ShouldBe("true");
        row.TextContent.ShouldContain(marker + "甲");
        row.TextContent.ShouldContain("已发布");
        result.QuerySelector("[data-testid=batch-back]")!.GetAttribute("href").ShouldBe($"/pool?q={marker}");
        (await EditorialAsync(second)).ShouldBe(EditorialStatus.Pending);
    }
}
