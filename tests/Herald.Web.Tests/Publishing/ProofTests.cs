using System.Net;
using Herald.Web.Tests.Documents;
using Herald.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Herald.Web.Tests.Publishing.PublishingApi;

namespace Herald.Web.Tests.Publishing;

/// <summary>用稿证明：按内容只收 JPEG/PNG/PDF，伪装的文件和超限的文件被拒绝且不留下登记；下载范围同稿件。</summary>
public sealed class ProofTests(HeraldFactory factory) : IClassFixture<HeraldFactory>
{
    public static TheoryData<string, byte[]> Disguised => new()
    {
        { "版面截图.png", TestFiles.Exe() },
        { "版面截图.jpg", TestFiles.Elf() },
        { "证明.pdf", TestFiles.Text("这是一段文字，不是 PDF。") },
        { "动图.png", TestImages.Gif() },
        { "旧版.doc", TestFiles.LegacyDoc() },
    };

    [Fact]
    public async Task PngProof_StoredAndDownloadableByEveryoneWhoSeesTheManuscript()
    {
        var id = await factory.ApprovedAsync();
        var png = TestImages.Png(8, 6, seed: 42);

        var result = await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper), png, "一版截图.png");

        result.Status.ShouldBe(HttpStatusCode.Created, $"body: {result.Json}");
        var proof = result.Json.GetProperty("proof");
        (proof.Str("fileName"), proof.Str("contentType"), proof.Long("size"), proof.Str("url"))
            .ShouldBe(("一版截图.png", "image/png", (long)png.Length, $"/api/v1/adoptions/{result.Id}/proof"));
        foreach (var user in new[] { "officer", "office", "head", "viewer" })
        {
            var response = await (await factory.ApiClientAsync(user)).GetAsync(proof.Str("url"));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, user);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        }
    }

    [Theory]
    [InlineData("officer2")]
    [InlineData("head2")]
    public async Task Proof_OtherUnit_404OnApiAndPage(string user)
    {
        var id = await factory.ApprovedAsync();
        var adoption = (await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper),
            TestImages.Png(4, 4), "截图.png")).Id;

        (await (await factory.ApiClientAsync(user)).GetAsync($"/api/v1/adoptions/{adoption}/proof")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var session = await factory.SignInAsync(user);
        (await session.Client.GetAsync($"/adoptions/{adoption}/proof")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var author = await factory.SignInAsync("officer");
        (await author.Client.GetAsync($"/adoptions/{adoption}/proof")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Proof_NoneAttached_404()
    {
        var id = await factory.ApprovedAsync();
        var adoption = (await ClaimAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper))).Id;

        (await (await factory.ApiClientAsync("officer")).GetAsync($"/api/v1/adoptions/{adoption}/proof")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PdfAndJpegNamedPng_AcceptedByContent()
    {
        var id = await factory.ApprovedAsync();
        var officer = await factory.ApiClientAsync("officer");

        var pdf = await ClaimWithProofAsync(officer, id, await factory.OutletIdAsync(ProvincialPaper), Pdf(), "版面.pdf", "application/pdf");
        var jpeg = await ClaimWithProofAsync(officer, id, await factory.OutletIdAsync("济宁日报"), TestImages.Jpeg(4, 4), "其实是JPEG.png");

        pdf.Json.GetProperty("proof").Str("contentType").ShouldBe("application/pdf");
        jpeg.Json.GetProperty("proof").Str("contentType").ShouldBe("image/jpeg");
    }

    [Theory]
    [MemberData(nameof(Disguised))]
    public async Task DisguisedFile_400NotAllowedAndNothingRecorded(string fileName, byte[] content)
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper), content, fileName);

        var detail = $"“{fileName}”不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断），不能作为用稿证明。";
        (await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Proof.NotAllowed", detail)).FieldErrors("proof").ShouldBe([detail]);
        (await factory.QueryAsync(db => db.Adoptions.CountAsync(a => a.ManuscriptId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task EmptyFile_400()
    {
        var id = await factory.ApprovedAsync();

        var result = await ClaimWithProofAsync(await factory.ApiClientAsync("officer"), id, await factory.OutletIdAsync(ProvincialPaper), [], "空.png");

        await result.Response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Upload.Empty", "文件“空.png”是空的。");
    }

    [Fact]
    public async Task InstructionWithPdfProof_Multipart201()
    {
        var id = await factory.ApprovedAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("县长 赵某某"), "leader" },
            { new StringContent("county"), "level" },
            { new StringContent(Today), "instructedOn" },
        };
        var file = new ByteArrayContent(Pdf());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "proof", "批示件.pdf");

        var response = await (await factory.ApiClientAsync("officer")).PostAsync($"/api/v1/manuscripts/{id}/instructions", content);

        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"body: {json}");
        (json.Str("kind"), json.GetProperty("proof").Str("fileName")).ShouldBe(("instruction", "批示件.pdf"));
    }
}

/// <summary>证明大小上限设为 64 KB（配置 Herald:Publishing:MaxProofBytes）。</summary>
public sealed class SmallProofFactory : HeraldFactory
{
    public const int MaxProofBytes = 64 * 1024;

    public SmallProofFactory() => Settings["Herald:Publishing:MaxProofBytes"] = MaxProofBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ProofSizeTests(SmallProofFactory factory) : IClassFixture<SmallProofFactory>
{
    [Fact]
    public async Task Oversize_413AndNothingRecorded_AtTheLimitAccepted()
    {
        var id = await factory.ApprovedAsync();
        var officer = await factory.ApiClientAsync("officer");
        var png = TestImages.Png(4, 4);

        var tooBig = await ClaimWithProofAsync(officer, id, await factory.OutletIdAsync(ProvincialPaper), TestFiles.PaddedTo(png, SmallProofFactory.MaxProofBytes + 1), "大截图.png");
        var atLimit = await ClaimWithProofAsync(officer, id, await factory.OutletIdAsync("济宁日报"), TestFiles.PaddedTo(png, SmallProofFactory.MaxProofBytes), "刚好.png");

        var problem = await tooBig.Response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Upload.FileTooLarge", "文件“大截图.png”超过 64 KB 的上限。");
        problem.FieldErrors("proof").ShouldNotBeEmpty();
        atLimit.Status.ShouldBe(HttpStatusCode.Created, $"body: {atLimit.Json}");
        (await factory.QueryAsync(db => db.Adoptions.Where(a => a.ManuscriptId == id).Select(a => a.SourceName).ToListAsync())).ShouldBe(["济宁日报"]);
    }

    [Fact]
    public async Task Oversize_OnThePage_413MessageAndFieldsKept()
    {
        var id = await factory.ApprovedAsync();
        using var officer = await factory.SignInAsync("officer");
        var content = AdoptionContent(await factory.OutletIdAsync(ProvincialPaper), Today, TestFiles.PaddedTo(TestImages.Png(4, 4), SmallProofFactory.MaxProofBytes + 10), "大截图.png", column: "三版 社会");

        var response = await officer.PostMultipartAsync($"/manuscripts/{id}", $"/manuscripts/{id}/adoptions", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-testid=adoptions] [data-testid=alert-danger]")!.TextContent.ShouldContain("超过 64 KB 的上限");
        page.QuerySelector("[data-testid=adoption-form] input[name=column]")!.GetAttribute("value").ShouldBe("三版 社会");
        page.QuerySelector("[data-testid=adoption-form-toggle]")!.HasAttribute("open").ShouldBeTrue();
    }
}
