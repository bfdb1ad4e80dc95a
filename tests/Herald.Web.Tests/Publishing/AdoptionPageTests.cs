using System.Net;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>
/// 用稿登记的网页：信息员在稿件详情页申报（带截图），宣传办在 /adoptions 的待核实队列里核实或不予认定，
/// 信息员在 /adoptions 看到结果和理由。
/// </summary>
public sealed class AdoptionPageTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    /// <summary>officer 在详情页申报一条带截图的用稿，返回登记编号。</summary>
    private async Task<(long Manuscript, long Adoption)> ClaimOnPageAsync(string outlet = ProvincialPaper)
    {
        var id = await factory.ApprovedAsync();
        using var officer = await factory.SignInAsync("officer");
        var response = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions",
            AdoptionContent(await factory.OutletIdAsync(outlet), Today, TestImages.Png(6, 4, seed: 9), "版面.png"));
        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=adoption-claimed#adoptions");
        var adoption = await factory.QueryAsync(db => db.Adoptions.Where(a => a.ManuscriptId == id).Select(a => a.Id).SingleAsync());
        return (id, adoption);
    }

    [Fact]
    public async Task DetailPage_AuthorClaimsWithProof_PendingShownWithProofLink()
    {
        var (id, adoption) = await ClaimOnPageAsync();
        using var officer = await factory.SignInAsync("officer");

        var (_, page) = await officer.GetPageAsync($"/manuscripts/{id}?notice=adoption-claimed");

        page.QuerySelector("[data-testid=alert-success]")!.TextContent.ShouldContain("等待宣传办核实");
        var item = page.QuerySelector($"[data-testid=adoption][data-adoption-id='{adoption}']")!;
        item.GetAttribute("data-status").ShouldBe("pending");
        item.TextContent.ShouldContain("大众日报");
        item.TextContent.ShouldContain("一版要闻");
        item.TextContent.ShouldContain("头版/头条");
        item.QuerySelector("[data-testid=adoption-proof]")!.GetAttribute("href").ShouldBe($"/adoptions/{adoption}/proof");
        item.QuerySelector("[data-testid=adoption-verify]").ShouldBeNull();
        var saved = await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption));
        (saved.FrontPage, saved.PageColumn, saved.ProofContentType).ShouldBe((true, "一版要闻", "image/png"));
    }

    [Fact]
    public async Task DetailPage_FormsByRole()
    {
        var id = await factory.ApprovedAsync();

        async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAs(string user)
        {
            using var session = await factory.SignInAsync(user);
            var (response, document) = await session.GetPageAsync($"/manuscripts/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return document;
        }

        var office = await PageAs("office");
        var author = await PageAs("officer");
        var head = await PageAs("head");
        var viewer = await PageAs("viewer");

        office.QuerySelector("[data-testid=adoption-form] [data-testid=adoption-submit]")!.TextContent.Trim().ShouldBe("登记");
        author.QuerySelector("[data-testid=adoption-form] [data-testid=adoption-submit]")!.TextContent.Trim().ShouldBe("申报");
        head.QuerySelector("[data-testid=instruction-form]").ShouldNotBeNull();
        viewer.QuerySelector("[data-testid=adoptions]").ShouldNotBeNull();
        viewer.QuerySelector("[data-testid=adoption-form]").ShouldBeNull();
        viewer.QuerySelector("[data-testid=instruction-form]").ShouldBeNull();
    }

    [Fact]
    public async Task DetailPage_DisguisedProof_400MessageAndTypedValuesKept()
    {
        var id = await factory.ApprovedAsync();
        using var officer = await factory.SignInAsync("officer");
        var content = AdoptionContent(await factory.OutletIdAsync(ProvincialPaper), Today, TestFiles.Exe(), "截图.png", column: "二版 综合");

        var response = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=adoptions] [data-testid=alert-danger]")!.TextContent
            .ShouldContain("“截图.png”不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断），不能作为用稿证明。");
        page.QuerySelector("[data-testid=adoption-form] input[name=column]")!.GetAttribute("value").ShouldBe("二版 综合");
        page.QuerySelector("[data-testid=adoption-form] select[name=outletId] option[selected]")!.TextContent.ShouldStartWith(ProvincialPaper);
        page.QuerySelector("[data-testid=adoption-form] input[name=frontPage]")!.HasAttribute("checked").ShouldBeTrue();
        (await factory.QueryAsync(db => db.Adoptions.AnyAsync(a => a.ManuscriptId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task DetailPage_MissingOutletWithProof_FormOpenAtAnchorProofKeptAndUsedOnResubmit()
    {
        var id = await factory.ApprovedAsync();
        using var officer = await factory.SignInAsync("officer");
        var proof = TestImages.Png(5, 3, seed: 21);
        var file = new ByteArrayContent(proof);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        var content = new MultipartFormDataContent
        {
            { new StringContent(""), "outletId" }, { new StringContent(Today), "adoptedOn" }, { new StringContent("二版 综合"), "column" },
            { file, "proof", "二版截图.png" },
        };

        var response = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        // 表单展开，提交地址带着锚点：浏览器显示出错页时滚到表单和错误说明（以前停在页首，错误在 1600 像素以下）。
        page.QuerySelector("#adoption-entry")!.HasAttribute("open").ShouldBeTrue();
        page.QuerySelector("[data-testid=adoption-form]")!.GetAttribute("action").ShouldBe($"/manuscripts/{id}/adoptions#adoption-entry");
        page.QuerySelector("#adoption-entry [data-testid=alert-danger]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=adoption-form] [data-testid=staged-proof]")!.TextContent.ShouldContain("二版截图.png");
        var staged = page.QuerySelector("[data-testid=adoption-form] input[name=stagedProof]")!.GetAttribute("value")!;

        var again = new MultipartFormDataContent
        {
            { new StringContent((await factory.OutletIdAsync(ProvincialPaper)).ToString(System.Globalization.CultureInfo.InvariantCulture)), "outletId" },
            { new StringContent(Today), "adoptedOn" },
            { new StringContent("二版 综合"), "column" },
            { new StringContent(staged), "stagedProof" },
            { new StringContent("二版截图.png"), "stagedProofName" },
        };
        var second = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions", again);

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, await second.Content.ReadAsStringAsync());
        var saved = await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.ManuscriptId == id));
        (saved.ProofFileName, saved.ProofContentType, saved.ProofHash).ShouldBe(
            ("二版截图.png", "image/png", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(proof))));
    }

    [Fact]
    public async Task DetailPage_SomeoneElsesStagedProof_400AndNothingRecorded()
    {
        var id = await factory.ApprovedAsync();
        var foreign = await factory.QueryAsync(async db =>
        {
            var row = new Herald.Web.Infrastructure.Files.StagedUpload
            {
                UserId = await db.Users.Where(u => u.UserName == "office").Select(u => u.Id).SingleAsync(), Hash = new string('a', 64),
                FileName = "别人的.png", ContentType = "image/png", Size = 1, Kind = Herald.Web.Features.Publishing.ProofStaging.Kind,
            };
            db.StagedUploads.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        using var officer = await factory.SignInAsync("officer");
        var content = AdoptionContent(await factory.OutletIdAsync(ProvincialPaper), Today, null);
        content.Add(new StringContent(foreign.ToString(System.Globalization.CultureInfo.InvariantCulture)), "stagedProof");

        var response = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.Adoptions.AnyAsync(a => a.ManuscriptId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task DetailPage_OfficeRecordsInstruction_Verified()
    {
        var id = await factory.ApprovedAsync();
        using var office = await factory.SignInAsync("office");
        var content = new MultipartFormDataContent
        {
            { new StringContent("县委书记 王某某"), "leader" },
            { new StringContent("county"), "level" },
            { new StringContent(Today), "instructedOn" },
        };

        var response = await office.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/instructions", content);

        response.Headers.Location!.OriginalString.ShouldBe($"/manuscripts/{id}?notice=adoption-recorded#adoptions");
        var saved = await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.ManuscriptId == id));
        (saved.Kind, saved.SourceName, saved.Status).ShouldBe((Domain.Publishing.AdoptionKind.Instruction, "县委书记 王某某", Domain.Publishing.AdoptionStatus.Verified));
    }

    [Fact]
    public async Task AdoptionsPage_OfficeQueueVerify_ThenGoneFromQueueAndAuthorSeesVerified()
    {
        var (id, adoption) = await ClaimOnPageAsync();
        using var office = await factory.SignInAsync("office");

        var (page, queue) = await office.GetPageAsync("/adoptions");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        queue.QuerySelector("#status option[selected]")!.GetAttribute("value").ShouldBe("pending");
        var row = queue.QuerySelector($"[data-testid=adoption][data-adoption-id='{adoption}']")!;
        row.QuerySelector("[data-testid=adoption-verify]").ShouldNotBeNull();
        row.QuerySelector("[data-testid=adoption-refuse]")!.GetAttribute("data-require").ShouldBe($"#reason-{adoption}");

        var response = await office.PostFormAsync("/adoptions", $"/adoptions/{adoption}/verify", new() { ["returnUrl"] = "/adoptions" });

        response.Headers.Location!.OriginalString.ShouldBe("/adoptions?notice=adoption-verified");
        var (_, after) = await office.GetPageAsync("/adoptions?notice=adoption-verified");
        after.QuerySelector("[data-testid=alert-success]").ShouldNotBeNull();
        after.QuerySelector($"[data-adoption-id='{adoption}']").ShouldBeNull();
        var (_, all) = await office.GetPageAsync("/adoptions?status=all");
        all.QuerySelector($"[data-adoption-id='{adoption}']")!.GetAttribute("data-status").ShouldBe("verified");
        using var officer = await factory.SignInAsync("officer");
        var (_, mine) = await officer.GetPageAsync("/adoptions");
        var own = mine.QuerySelector($"[data-adoption-id='{adoption}']")!;
        own.GetAttribute("data-status").ShouldBe("verified");
        own.QuerySelector("[data-testid=adoption-verify]").ShouldBeNull();
        own.QuerySelector("a[href='/manuscripts/" + id + "#adoptions']").ShouldNotBeNull();
    }

    [Fact]
    public async Task AdoptionsPage_DoubleClickVerify_Second409AndNothingChanges()
    {
        var (_, adoption) = await ClaimOnPageAsync();
        using var office = await factory.SignInAsync("office");
        var token = await office.TokenAsync("/adoptions");
        Task<HttpResponseMessage> Post() => office.Client.PostAsync($"/adoptions/{adoption}/verify",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/adoptions", ["__RequestVerificationToken"] = token }));

        var first = await Post();
        var second = await Post();

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WebSession.ParseAsync(second)).QuerySelector("[data-testid=alert-danger]")!.TextContent.ShouldContain("这条用稿登记已经处理过了");
        (await Organization.OrgTestData.AuditActionsAsync(factory, "Adoption", adoption)).ShouldBe(["adoption.claim", "adoption.verify"]);
    }

    [Fact]
    public async Task AdoptionsPage_RefuseWithReason_AuthorSeesReason()
    {
        var (_, adoption) = await ClaimOnPageAsync("济宁日报");
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync("/adoptions", $"/adoptions/{adoption}/refuse", new() { ["reason"] = "截图中看不到署名", ["returnUrl"] = "/adoptions" });

        response.Headers.Location!.OriginalString.ShouldBe("/adoptions?notice=adoption-refused");
        using var officer = await factory.SignInAsync("officer");
        var (_, mine) = await officer.GetPageAsync("/adoptions?status=refused");
        var row = mine.QuerySelector($"[data-adoption-id='{adoption}']")!;
        row.QuerySelector("[data-testid=adoption-status]")!.TextContent.ShouldBe("不予认定");
        row.QuerySelector("[data-testid=refuse-reason]")!.TextContent.ShouldContain("截图中看不到署名");
    }

    [Fact]
    public async Task AdoptionsPage_RefuseWithoutReason_400OnTheManuscriptPage()
    {
        var (_, adoption) = await ClaimOnPageAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.PostFormAsync("/adoptions", $"/adoptions/{adoption}/refuse", new() { ["reason"] = "", ["returnUrl"] = "/adoptions" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=manuscript-detail]").ShouldNotBeNull();
        page.QuerySelector($"[data-adoption-id='{adoption}'] [data-testid=alert-danger]")!.TextContent.ShouldContain("不予认定时必须填写理由。");
        (await factory.QueryAsync(db => db.Adoptions.SingleAsync(a => a.Id == adoption))).Status.ShouldBe(Domain.Publishing.AdoptionStatus.Pending);
    }

    [Fact]
    public async Task AdoptionsPage_OtherUnitsCorrespondent_DoesNotSeeIt_AndCannotVerify()
    {
        var (_, adoption) = await ClaimOnPageAsync();
        using var officer2 = await factory.SignInAsync("officer2");

        var (page, list) = await officer2.GetPageAsync("/adoptions");
        var verify = await officer2.PostFormAsync("/adoptions", $"/adoptions/{adoption}/verify", new());

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        list.QuerySelector($"[data-adoption-id='{adoption}']").ShouldBeNull();
        verify.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdoptionsPage_FilterByOutletAndPeriod()
    {
        var (_, paper) = await ClaimOnPageAsync();
        var (_, tv) = await ClaimOnPageAsync("山东广播电视台");
        using var office = await factory.SignInAsync("office");
        var tvOutlet = await factory.OutletIdAsync("山东广播电视台");

        var (_, byOutlet) = await office.GetPageAsync($"/adoptions?status=all&outletId={tvOutlet}&from={Today}&to={Today}");
        var (_, later) = await office.GetPageAsync("/adoptions?status=all&from=2026-12-01");

        byOutlet.QuerySelector($"[data-adoption-id='{tv}']").ShouldNotBeNull();
        byOutlet.QuerySelector($"[data-adoption-id='{paper}']").ShouldBeNull();
        later.QuerySelector("[data-testid=adoption]").ShouldBeNull();
    }

    [Fact]
    public async Task ProofLink_CookieDownloadReturnsTheFile()
    {
        var (_, adoption) = await ClaimOnPageAsync();
        using var office = await factory.SignInAsync("office");

        var response = await office.Client.GetAsync($"/adoptions/{adoption}/proof");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(TestImages.Png(6, 4, seed: 9));
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
    }
}
