using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Herald.Web.Tests.Organization;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Herald.Web.Tests.Keywords;

public sealed class KeywordPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    private async Task<long> CreateAsync(WebSession office, string name, string purpose = "watch")
    {
        var response = await office.PostFormAsync("/admin/keywords", "/admin/keywords", new() { ["Name"] = name, ["Purpose"] = purpose });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.QueryAsync(db => db.KeywordLists.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());
        response.ShouldRedirectTo($"/admin/keywords/{id}?notice=created");
        return id;
    }

    private static MultipartFormDataContent Form(string name, string words, int revision, string allow = "", string blocking = "")
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(name), "Name" },
            { new StringContent(words), "Words" },
            { new StringContent(allow), "AllowList" },
            { new StringContent(blocking), "Blocking" },
            { new StringContent(revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Revision" },
        };
        return content;
    }

    private Task<int> RevisionAsync(long id) =>
        factory.QueryAsync(db => db.KeywordLists.Where(l => l.Id == id).Select(l => l.Revision).SingleAsync());

    [Fact]
    public async Task PasteWords_WithBadLines_ErrorsListedAndTextKept()
    {
        using var office = await factory.SignInAsync("office");
        var id = await CreateAsync(office, "粘贴测试");
        var pasted = "塌方 5 安全事故\n爆炸 200";

        var response = await office.PostMultipartAsync($"/admin/keywords/{id}", $"/admin/keywords/{id}", Form("粘贴测试", pasted, await RevisionAsync(id)));

        var alert = await response.ShouldFailWithAsync("第 2 行：权重 200 应为 1 到 100 之间的整数。");
        alert.ShouldStartWith("没有保存");
        var page = OrgTestData.Parse(await response.Content.ReadAsStringAsync());
        ((IHtmlTextAreaElement)page.QuerySelector("#Words")!).Value.ShouldBe(pasted);
        (await factory.QueryAsync(db => db.KeywordLists.Where(l => l.Id == id).Select(l => l.WordCount).SingleAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task PasteWords_Valid_SavedAndShownAgain()
    {
        using var office = await factory.SignInAsync("office");
        var id = await CreateAsync(office, "敏感测试", "sensitive");

        var response = await office.PostMultipartAsync($"/admin/keywords/{id}", $"/admin/keywords/{id}",
            Form("敏感测试", "台独 5 政治\n\n屌丝 不文明用语", await RevisionAsync(id), allow: "过敏感冒", blocking: "政治"));

        response.ShouldRedirectTo($"/admin/keywords/{id}?notice=saved");
        var (_, page) = await office.GetPageAsync($"/admin/keywords/{id}?notice=saved");
        ((IHtmlTextAreaElement)page.QuerySelector("#Words")!).Value.ShouldBe("台独 5 政治\n屌丝 1 不文明用语");
        ((IHtmlTextAreaElement)page.QuerySelector("#Blocking")!).Value.ShouldBe("政治");
        page.QuerySelector("[data-testid=alert-success]")!.TextContent.ShouldContain("词表已保存");
    }

    [Fact]
    public async Task ImportFile_AppendsUtf8_RejectsOtherEncodings()
    {
        using var office = await factory.SignInAsync("office");
        var id = await CreateAsync(office, "导入测试");
        var form = Form("导入测试", "投诉 2", await RevisionAsync(id));
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("\uFEFF欠薪 4 劳资纠纷\r\n讨薪 4 劳资纠纷\r\n")), "File", "词表.txt");
        form.Add(new StringContent("true"), "Append");

        (await office.PostMultipartAsync($"/admin/keywords/{id}", $"/admin/keywords/{id}", form)).ShouldRedirectTo($"/admin/keywords/{id}?notice=saved");
        (await factory.QueryAsync(db => db.KeywordLists.Where(l => l.Id == id).Select(l => l.Words).SingleAsync()))
            .ShouldBe("投诉 2\n欠薪 4 劳资纠纷\n讨薪 4 劳资纠纷");

        // GBK 编码的“塌方”：不是合法的 UTF-8。
        var gbk = Form("导入测试", "", await RevisionAsync(id));
        gbk.Add(new ByteArrayContent([0xCB, 0xFA, 0xB7, 0xBD, 0x0A]), "File", "gbk.txt");
        await (await office.PostMultipartAsync($"/admin/keywords/{id}", $"/admin/keywords/{id}", gbk))
            .ShouldFailWithAsync("导入的文件不是 UTF-8 编码的文本");
        (await factory.QueryAsync(db => db.KeywordLists.Where(l => l.Id == id).Select(l => l.WordCount).SingleAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task KeywordPages_NotOffice_Forbidden()
    {
        using var officer = await factory.SignInAsync("officer");
        (await officer.Client.GetAsync("/admin/keywords")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
