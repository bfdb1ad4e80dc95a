using System.Net;
using AngleSharp.Html.Dom;
using Herald.Domain.Opinion;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Opinion;

public sealed class ReportPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private static MultipartFormDataContent Form(string? platform, string content, string? key = null, string? title = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(platform ?? ""), "platform" },
            { new StringContent("本地生活号"), "source" },
            { new StringContent("https://weibo.example.invalid/p/9"), "url" },
            { new StringContent(title ?? ""), "title" },
            { new StringContent(content), "content" },
            { new StringContent(key ?? Guid.NewGuid().ToString("N")), "submissionKey" },
        };
        return form;
    }

    private static void AddFile(MultipartFormDataContent form, byte[] bytes, string name) =>
        form.Add(new ByteArrayContent(bytes), "screenshots", name);

    [Fact]
    public async Task Report_WithScreenshot_StoredForUnitWithHitsHighlighted()
    {
        using var officer = await factory.SignInAsync("officer");
        var form = Form("微博", "有网友称小区门口道路塌方，已有车辆受损。", title: "小区门口塌方");
        AddFile(form, TestImages.Png(40, 30), "截图.png");

        var response = await officer.PostMultipartAsync("/opinion/report", "/opinion/report", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
        response.ShouldRedirectTo($"/opinion/items/{id}?notice=reported");
        var item = await factory.QueryAsync(db => db.OpinionItems.Include(i => i.Attachments).SingleAsync(i => i.Id == id));
        (item.Kind, item.ReporterUnitId, item.Platform, item.Source).ShouldBe(
            (OpinionIntakeKind.Manual, (long?)await factory.UnitIdAsync("示例街道党政办公室"), "微博", "本地生活号"));
        item.Attachments.Single().ContentType.ShouldBe("image/png");
        (item.Attachments[0].Width, item.Attachments[0].Height).ShouldBe(((int?)40, (int?)30));

        var (_, page) = await officer.GetPageAsync($"/opinion/items/{id}?notice=reported");
        page.QuerySelector("[data-testid=opinion-title] mark")!.TextContent.ShouldBe("塌方");
        page.QuerySelector("[data-testid=open-case]").ShouldBeNull(); // 立案是宣传办的事
        page.QuerySelector("[data-testid=opinion-content] mark")!.TextContent.ShouldBe("塌方");
        var shot = page.QuerySelector("[data-testid=opinion-screenshots] img")!.GetAttribute("src")!;
        var download = await officer.Client.GetAsync(shot);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(TestImages.Png(40, 30));
    }

    [Fact]
    public async Task Report_MissingPlatform_ErrorKeepsTextAndScreenshot_ResubmitSucceeds()
    {
        using var officer = await factory.SignInAsync("officer");
        var key = Guid.NewGuid().ToString("N");
        var form = Form(null, "某路段积水严重，行人无法通行。", key);
        AddFile(form, TestImages.Png(20, 20, seed: 7), "积水.png");

        var response = await officer.PostMultipartAsync("/opinion/report", "/opinion/report", form);

        await response.ShouldFailWithAsync("平台：此项为必填项。");
        var page = OrgTestData.Parse(await response.Content.ReadAsStringAsync());
        ((IHtmlTextAreaElement)page.QuerySelector("#content")!).Value.ShouldBe("某路段积水严重，行人无法通行。");
        var staged = page.QuerySelectorAll("[data-testid=staged-screenshots] input[name=staged]").Select(e => e.GetAttribute("value")!).ToList();
        staged.Count.ShouldBe(1);

        var again = Form("抖音", "某路段积水严重，行人无法通行。", key);
        again.Add(new StringContent(staged[0]), "staged");
        var ok = await officer.PostMultipartAsync("/opinion/report", "/opinion/report", again);

        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = await factory.QueryAsync(db => db.OpinionItems.Include(i => i.Attachments).SingleAsync(i => i.SubmissionKey == key));
        item.Attachments.Single().FileName.ShouldBe("积水.png");
        (await factory.QueryAsync(db => db.StagedUploads.CountAsync(s => s.Id == long.Parse(staged[0], System.Globalization.CultureInfo.InvariantCulture)))).ShouldBe(0);
    }

    [Fact]
    public async Task Report_DisguisedScreenshot_Rejected()
    {
        using var officer = await factory.SignInAsync("officer");
        var form = Form("微博", "附件是改了扩展名的程序。");
        AddFile(form, TestFiles.Exe(), "截图.png");

        await (await officer.PostMultipartAsync("/opinion/report", "/opinion/report", form))
            .ShouldFailWithAsync("“截图.png”不是 JPEG 或 PNG 图片（按文件内容判断）。");
    }

    [Fact]
    public async Task Report_DoubleClick_SecondAnswers409_OneItem()
    {
        using var officer = await factory.SignInAsync("officer");
        var key = Guid.NewGuid().ToString("N");

        (await officer.PostMultipartAsync("/opinion/report", "/opinion/report", Form("微信", "重复点击测试的内容。", key))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await officer.PostMultipartAsync("/opinion/report", "/opinion/report", Form("微信", "重复点击测试的内容。", key));

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("这条信息已经提交过了，不会重复上报。");
        (await factory.QueryAsync(db => db.OpinionItems.CountAsync(i => i.SubmissionKey == key))).ShouldBe(1);
    }

    [Fact]
    public async Task ReportPage_NoUnit_Forbidden()
    {
        using var auditor = await factory.SignInAsync("auditor");
        (await auditor.Client.GetAsync("/opinion/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
