using System.Net;
using Herald.Web.Tests.Support;

namespace Herald.Web.Tests.Bulletins;

/// <summary>网页：列表、新建、草稿页（实时数字）、修改（过期修改被拒并保留输入）、发布、下载；其他人看不到草稿。</summary>
public sealed class BulletinPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> CreateViaPageAsync(WebSession office, int year, int quarter)
    {
        var street = await factory.UnitIdAsync("示例街道");
        var response = await office.PostFormAsync("/bulletins", "/bulletins", new()
        {
            ["Kind"] = "quarterly", ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Quarter"] = quarter.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RootUnitId"] = street.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/bulletins/");
        location.ShouldEndWith("?notice=created");
        return long.Parse(location["/bulletins/".Length..location.IndexOf('?')], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task ListPage_Office_ShowsCreateFormDefaultingToLastQuarter()
    {
        using var office = await factory.SignInAsync("office");

        var (response, page) = await office.GetPageAsync("/bulletins");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=bulletin-create]").ShouldNotBeNull();
        page.QuerySelector("#Year")!.GetAttribute("value").ShouldBe("2026");
        page.QuerySelector("#Quarter option[selected]")!.GetAttribute("value").ShouldBe("3");
    }

    [Fact]
    public async Task CreateEditPublish_ThroughPages_WorksAndDownloadsCarryStandardName()
    {
        using var office = await factory.SignInAsync("office");
        var id = await CreateViaPageAsync(office, 2025, 2);

        var (draftResponse, draft) = await office.GetPageAsync($"/bulletins/{id}?notice=created");
        draftResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        draft.QuerySelector("[data-testid=bulletin-status]")!.GetAttribute("data-status").ShouldBe("draft");
        draft.QuerySelector("[data-testid=total-submitted] .stat-value")!.TextContent.ShouldBe("0");
        var revision = draft.QuerySelector("form[data-testid=bulletin-edit] input[name=Revision]")!.GetAttribute("value")!;

        var saved = await office.PostFormAsync($"/bulletins/{id}", $"/bulletins/{id}/edit", new()
        {
            ["IssuingOffice"] = "中共示例街道工作委员会宣传办公室", ["IssueDate"] = "2025-07-08", ["Opening"] = "", ["Requirements"] = "",
            ["PraiseUnitCount"] = "3", ["PraiseCorrespondentCount"] = "5", ["Revision"] = revision,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe($"/bulletins/{id}?notice=saved");
        var (_, afterSave) = await office.GetPageAsync($"/bulletins/{id}");
        afterSave.QuerySelector("#IssuingOffice")!.GetAttribute("value").ShouldBe("中共示例街道工作委员会宣传办公室");

        var publishRevision = afterSave.QuerySelector("form[data-testid=bulletin-publish] input[name=Revision]")!.GetAttribute("value")!;
        var published = await office.PostFormAsync($"/bulletins/{id}", $"/bulletins/{id}/publish", new() { ["Revision"] = publishRevision });
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.OriginalString.ShouldBe($"/bulletins/{id}?notice=published");
        var (_, done) = await office.GetPageAsync($"/bulletins/{id}?notice=published");
        done.QuerySelector("[data-testid=bulletin-status]")!.GetAttribute("data-status").ShouldBe("published");
        done.QuerySelector("form[data-testid=bulletin-edit]").ShouldBeNull();

        var download = await office.Client.GetAsync($"/bulletins/{id}/document.docx");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("关于2025年第2季度宣传信息工作情况的通报.docx");
        var docx = await download.Content.ReadAsByteArrayAsync();
        BulletinFiles.Paragraphs(docx)[0].ShouldBe("中共示例街道工作委员会宣传办公室");
        var workbook = await office.Client.GetAsync($"/bulletins/{id}/workbook.xlsx");
        workbook.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("关于2025年第2季度宣传信息工作情况的通报.xlsx");
    }

    [Fact]
    public async Task EditPage_StaleRevision_RefusedWithMessageAndInputKept()
    {
        using var windowA = await factory.SignInAsync("office");
        using var windowB = await factory.SignInAsync("office");
        var id = await CreateViaPageAsync(windowA, 2025, 3);
        var (_, page) = await windowB.GetPageAsync($"/bulletins/{id}");
        var revision = page.QuerySelector("form[data-testid=bulletin-edit] input[name=Revision]")!.GetAttribute("value")!;
        Dictionary<string, string> Form(string office) => new()
        {
            ["IssuingOffice"] = office, ["IssueDate"] = "2025-10-09", ["Opening"] = "窗口的开头", ["Requirements"] = "",
            ["PraiseUnitCount"] = "3", ["PraiseCorrespondentCount"] = "5", ["Revision"] = revision,
        };

        var first = await windowA.PostFormAsync($"/bulletins/{id}", $"/bulletins/{id}/edit", Form("窗口A的发文机关"));
        var second = await windowB.PostFormAsync($"/bulletins/{id}", $"/bulletins/{id}/edit", Form("窗口B的发文机关"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await WebSession.ParseAsync(second);
        refused.QuerySelector("form[data-testid=bulletin-edit] [data-testid=alert-danger]")!.TextContent
            .ShouldContain("这份通报在您打开后已被修改");
        refused.QuerySelector("#IssuingOffice")!.GetAttribute("value").ShouldBe("窗口B的发文机关");
        refused.QuerySelector("#Opening")!.TextContent.ShouldBe("窗口的开头");
        var (_, fresh) = await windowA.GetPageAsync($"/bulletins/{id}");
        fresh.QuerySelector("#IssuingOffice")!.GetAttribute("value").ShouldBe("窗口A的发文机关");
    }

    [Fact]
    public async Task Pages_BadInputAndEarlyPublish_ClearErrors()
    {
        using var office = await factory.SignInAsync("office");

        var noYear = await office.PostFormAsync("/bulletins", "/bulletins", new() { ["Kind"] = "quarterly", ["Year"] = "", ["Quarter"] = "1" });
        noYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(noYear)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("年份");

        var id = await CreateViaPageAsync(office, 2026, 4);
        var street = (await factory.UnitIdAsync("示例街道")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var again = await office.PostFormAsync("/bulletins", "/bulletins", new() { ["Kind"] = "quarterly", ["Year"] = "2026", ["Quarter"] = "4", ["RootUnitId"] = street });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.ParseAsync(again)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("已有一份草稿（第1版）");
        var (_, page) = await office.GetPageAsync($"/bulletins/{id}");
        var revision = page.QuerySelector("form[data-testid=bulletin-publish] input[name=Revision]")!.GetAttribute("value")!;
        var early = await office.PostFormAsync($"/bulletins/{id}", $"/bulletins/{id}/publish", new() { ["Revision"] = revision });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WebSession.ParseAsync(early)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("2026年12月31日");
    }

    [Fact]
    public async Task Pages_OthersSeePublishedNotDrafts()
    {
        using var office = await factory.SignInAsync("office");
        var draftId = await CreateViaPageAsync(office, 2024, 1);
        var publishedId = await CreateViaPageAsync(office, 2024, 2);
        var (_, page) = await office.GetPageAsync($"/bulletins/{publishedId}");
        var revision = page.QuerySelector("form[data-testid=bulletin-publish] input[name=Revision]")!.GetAttribute("value")!;
        (await office.PostFormAsync($"/bulletins/{publishedId}", $"/bulletins/{publishedId}/publish", new() { ["Revision"] = revision }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var viewer = await factory.SignInAsync("viewer");
        var (listResponse, list) = await viewer.GetPageAsync("/bulletins");
        listResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.QuerySelector("[data-testid=bulletin-create]").ShouldBeNull();
        var ids = list.QuerySelectorAll("[data-testid=bulletin-row]").Select(r => r.GetAttribute("data-bulletin-id")).ToList();
        ids.ShouldContain(publishedId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ids.ShouldNotContain(draftId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await viewer.GetPageAsync($"/bulletins/{draftId}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.Client.GetAsync($"/bulletins/{draftId}/workbook.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (publishedResponse, published) = await viewer.GetPageAsync($"/bulletins/{publishedId}");
        publishedResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        published.QuerySelector("form[data-testid=bulletin-publish]").ShouldBeNull();
        published.QuerySelector("[data-testid=download-docx]").ShouldNotBeNull();
    }
}
